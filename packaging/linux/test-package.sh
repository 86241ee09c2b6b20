#!/usr/bin/env sh
# Checks the Linux installers as a shop would meet them (run as root; CI runs it from .ci/run):
# builds them (packaging/build.sh), installs the .deb with dpkg, starts the installed kassa
# under Xvfb with a fresh HOME and waits for its window (by application id), runs
# `kassa --version`, removes the package and checks nothing of it is left under /usr; then
# reads the .rpm's file list and requirements.
set -eu
cd "$(dirname "$0")/../.."
if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi
app_id=be.kassa.Kassa
export DEBIAN_FRONTEND=noninteractive
command -v rpm >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends rpm
command -v rsvg-convert >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends librsvg2-bin imagemagick icnsutils

packaging/build.sh
# shellcheck disable=SC2012 # the newest of our own, plainly named files
deb=$(ls -t target/packages/kassa_*.deb | head -1)
# shellcheck disable=SC2012 # as above
server_deb=$(ls -t target/packages/kassa-server_*.deb | head -1)
# shellcheck disable=SC2012 # as above
server_rpm=$(ls -t target/packages/kassa-server-*.rpm | head -1)
# shellcheck disable=SC2012 # as above
rpm_file=$(ls -t target/packages/kassa-[0-9]*.rpm | head -1)

fail() {
    echo "test-package: $*" >&2
    exit 1
}

echo "== .deb: $deb"
dpkg-deb --info "$deb"
# What it depends on comes from the archive; dpkg itself installs it.
apt-get satisfy -y -qq --no-install-recommends "$(dpkg-deb -f "$deb" Depends)"
dpkg -i "$deb"
files=$(mktemp)
dpkg -L kassa >"$files"
for f in /usr/bin/kassa /usr/share/applications/$app_id.desktop /usr/share/metainfo/$app_id.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg /usr/share/icons/hicolor/48x48/apps/$app_id.png \
    /usr/share/icons/hicolor/512x512/apps/$app_id.png; do
    grep -qx "$f" "$files" || fail "the .deb does not install $f"
done
/usr/bin/kassa --version | grep -q "^kassa [0-9.]* ([0-9a-f]\{12\})$" || fail "kassa --version: $(/usr/bin/kassa --version)"
/usr/bin/kassa --version

# The installed app, started as a user would, with a fresh HOME, on a private X display.
home=$(mktemp -d)
display=:$((90 + $$ % 9))
Xvfb "$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; [ -n "${app:-}" ] && kill $app 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    ICED_BACKEND=tiny-skia /usr/bin/kassa >"$home/kassa.out" 2>&1 &
app=$!
window=""
for _ in $(seq 1 60); do
    window=$(DISPLAY=$display xdotool search --classname "^$app_id\$" 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    kill -0 $app 2>/dev/null || { cat "$home/kassa.out" >&2; fail "kassa exited before showing a window"; }
    sleep 0.5
done
[ -n "$window" ] || { cat "$home/kassa.out" >&2; fail "no window with class $app_id within 30 s"; }
echo "window $window: $(DISPLAY=$display xprop -id "$window" WM_CLASS 2>/dev/null || true)"
kill $app
wait $app 2>/dev/null || true
app=""

dpkg --purge kassa
left=""
while read -r f; do
    case "$f" in /usr/*) if [ -f "$f" ] || [ -L "$f" ]; then left="$left $f"; fi ;; esac
done <"$files"
[ -z "$left" ] || fail "files left after removal:$left"
echo "removed cleanly"

echo "== .rpm: $rpm_file"
rpm -qpl "$rpm_file" >"$files"
for f in /usr/bin/kassa /usr/share/applications/$app_id.desktop /usr/share/metainfo/$app_id.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg /usr/share/icons/hicolor/256x256/apps/$app_id.png; do
    grep -qx "$f" "$files" || fail "the .rpm does not hold $f"
done
requires=$(rpm -qpR "$rpm_file")
echo "$requires"
for r in 'libssl.so.3()(64bit)' 'libc.so.6()(64bit)' 'libX11.so.6()(64bit)' 'libxkbcommon-x11.so.0()(64bit)' 'libwayland-client.so.0()(64bit)' zenity; do
    echo "$requires" | grep -qF "$r" || fail "the .rpm does not require $r"
done

# The shop server's .deb: binary, unit, settings readable by its own user only; the user made
# on install and gone on purge; nothing left under /usr.
echo "== .deb: $server_deb"
dpkg-deb --info "$server_deb"
apt-get satisfy -y -qq --no-install-recommends "$(dpkg-deb -f "$server_deb" Depends)"
dpkg -i "$server_deb"
dpkg -L kassa-server >"$files"
for f in /usr/bin/kassa-server /lib/systemd/system/kassa-server.service /etc/kassa-server/kassa-server.env; do
    grep -qx "$f" "$files" || [ -e "$f" ] || fail "the server's .deb does not install $f"
done
getent passwd kassa-server >/dev/null || fail "no kassa-server user after install"
[ "$(stat -c '%U:%G %a' /etc/kassa-server/kassa-server.env)" = "root:kassa-server 640" ] ||
    fail "the server's settings are $(stat -c '%U:%G %a' /etc/kassa-server/kassa-server.env)"
unit=/lib/systemd/system/kassa-server.service
grep -q '^User=kassa-server$' "$unit" || fail "the unit does not run as kassa-server"
grep -q '^ExecStart=/usr/bin/kassa-server serve$' "$unit" || fail "the unit does not start the server"
/usr/bin/kassa-server --version
# As the unit runs it: its user, its settings file; with no database it says so and fails.
set -a
# shellcheck disable=SC1091 # the installed settings file
. /etc/kassa-server/kassa-server.env
set +a
if setpriv --reuid=kassa-server --regid=kassa-server --init-groups -- /usr/bin/kassa-server migrate 2>"$home/server.err"; then
    fail "migrate succeeded without a database"
fi
grep -q "kassa-server:" "$home/server.err" || fail "no clear error without a database: $(cat "$home/server.err")"
dpkg --purge kassa-server
getent passwd kassa-server >/dev/null && fail "the kassa-server user is left after purge"
left=""
while read -r f; do
    case "$f" in /usr/*) if [ -f "$f" ] || [ -L "$f" ]; then left="$left $f"; fi ;; esac
done <"$files"
[ -z "$left" ] || fail "server files left after removal:$left"
echo "== .rpm: $server_rpm"
rpm -qpl "$server_rpm" >"$files"
for f in /usr/bin/kassa-server /usr/lib/systemd/system/kassa-server.service /etc/kassa-server/kassa-server.env; do
    grep -qx "$f" "$files" || fail "the server's .rpm does not hold $f"
done
rpm -qp --scripts "$server_rpm" | grep -q useradd || fail "the server's .rpm makes no user"
echo "test-package: the .deb installs, runs, shows its window and removes cleanly; the .rpm holds its files and requirements; the server's .deb and .rpm hold their binary, unit and settings, and its user comes and goes with it"
