#!/usr/bin/env sh
# Builds Kassa.app and Kassa.dmg on macOS (needs Xcode command line tools).
set -eu
cd "$(dirname "$0")/../.."
cargo build --release --locked
app=target/release/Kassa.app
rm -rf "$app" && mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp packaging/macos/Info.plist "$app/Contents/"
cp target/release/kassa "$app/Contents/MacOS/"
hdiutil create -volname Kassa -srcfolder "$app" -ov -format UDZO target/release/Kassa.dmg
