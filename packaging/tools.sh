#!/usr/bin/env sh
# Installs the cargo tools the installers are built with, each at one exact version, into
# target/tools (the project's own folder: a tool someone installed by hand elsewhere on the
# machine never stands in for these). Prints the folder's bin/ so callers can put it first on
# PATH. Safe to run again: cargo skips a tool already there at that version.
#   packaging/tools.sh            the tools this OS builds installers with
#   packaging/tools.sh NAME...    only these (cargo-deb, cargo-generate-rpm, cargo-wix)
# To update a tool: change its version here, run this script and the installer check
# (packaging/linux/test-package.sh on Debian), commit. packaging/README.md says more.
set -eu
cd "$(dirname "$0")/.."
root="${KASSA_TOOLS:-$PWD/target/tools}"

version() {
    case "$1" in
    cargo-deb) echo 3.8.0 ;;
    cargo-generate-rpm) echo 0.21.1 ;;
    cargo-wix) echo 0.3.9 ;;
    *)
        echo "tools.sh: no pinned version for $1" >&2
        exit 1
        ;;
    esac
}

if [ $# -eq 0 ]; then
    case "$(uname -s)" in
    Linux) set -- cargo-deb cargo-generate-rpm ;;
    MINGW* | MSYS* | CYGWIN*) set -- cargo-wix ;;
    *) set -- ;;
    esac
fi
for tool in "$@"; do
    v=$(version "$tool")
    # `=` makes it exact: cargo reads a bare `3` as no version at all, `3.8` as ^3.8.
    cargo install --quiet --locked --root "$root" "$tool@=$v" >&2
done
echo "$root/bin"
