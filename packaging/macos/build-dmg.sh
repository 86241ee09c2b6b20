#!/usr/bin/env sh
# Builds Kassa.app and its disk image on macOS (Xcode command line tools; librsvg for the
# icons, run packaging/icons.sh first). The app is for the machine's own architecture.
# Signing and notarisation run when their secrets are set (the release pipeline passes them):
#   APPLE_SIGNING_IDENTITY  "Developer ID Application: …" in the keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD  for notarytool
set -eu
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
cargo build --release --locked
out=target/packages
app=target/release/Kassa.app
rm -rf "$app" && mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources" "$out"
sed "s|<string>0.1.0</string>|<string>$version</string>|g" packaging/macos/Info.plist >"$app/Contents/Info.plist"
cp target/release/kassa "$app/Contents/MacOS/"
cp target/icons/kassa.icns "$app/Contents/Resources/kassa.icns"
if [ -n "${APPLE_SIGNING_IDENTITY:-}" ]; then
    codesign --force --options runtime --timestamp --sign "$APPLE_SIGNING_IDENTITY" "$app"
fi
dmg="$out/Kassa-$version-$(uname -m).dmg"
hdiutil create -volname Kassa -srcfolder "$app" -ov -format UDZO "$dmg"
if [ -n "${APPLE_SIGNING_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ]; then
    codesign --force --timestamp --sign "$APPLE_SIGNING_IDENTITY" "$dmg"
    xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$dmg"
fi
echo "$dmg"
