#!/usr/bin/env sh
# Builds the installers this OS can build and prints where they are (target/packages/).
#   Linux:   .deb (cargo-deb) and .rpm (cargo-generate-rpm), the till's and kassa-server's
#   macOS:   .app and .dmg (packaging/macos/build-dmg.sh)
#   Windows: .msi (cargo-wix; run from Git Bash or another sh)
# Icons come from assets/icons/kassa.svg (packaging/icons.sh). The release pipeline
# (.github/workflows/release.yml) runs this on each OS for a version tag.
set -eu
cd "$(dirname "$0")/.."
out=target/packages
mkdir -p "$out"

# The cargo tools at their pinned versions, from the project's own folder (packaging/tools.sh).
tools() {
    bin=$(packaging/tools.sh "$@")
    PATH="$bin:$PATH"
    export PATH
}

case "$(uname -s)" in
Linux)
    packaging/icons.sh
    cargo build --release --locked
    packaging/linux/check-deps.sh target/release/kassa
    tools cargo-deb cargo-generate-rpm
    cargo deb --no-build --locked --output "$out/"
    cargo generate-rpm --output "$out/"
    # The shop server: its own packages, a systemd unit running as its own user.
    cargo build --release --locked -p kassa-server
    cargo deb --no-build --locked -p kassa-server --output "$out/"
    cargo generate-rpm -p crates/server --output "$out/"
    ;;
Darwin)
    packaging/icons.sh
    packaging/macos/build-dmg.sh
    ;;
MINGW* | MSYS* | CYGWIN*)
    packaging/icons.sh
    tools cargo-wix
    cargo wix --nocapture --output "$out/"
    ;;
*)
    echo "build.sh: no installer for $(uname -s)" >&2
    exit 1
    ;;
esac
echo "Installers:"
ls -l "$out"
