#!/usr/bin/env sh
# Builds Kassa.app and its disk image on macOS (Xcode command line tools; librsvg for the
# icons, run packaging/icons.sh first). The app is universal: an Apple-silicon and an Intel
# build joined by lipo, each with OpenSSL built from source and linked in (the
# vendored-openssl feature), so neither Homebrew's OpenSSL nor its architecture matters.
# KASSA_MAC_TARGETS="aarch64-apple-darwin" builds one architecture only (quicker, for tries).
# Signing and notarisation run when their secrets are set (the release pipeline passes them):
#   APPLE_SIGNING_IDENTITY  "Developer ID Application: …" in the keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD  for notarytool
set -eu
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
targets=${KASSA_MAC_TARGETS:-aarch64-apple-darwin x86_64-apple-darwin}
# The oldest macOS the app runs on, as Info.plist's LSMinimumSystemVersion says.
export MACOSX_DEPLOYMENT_TARGET=11.0
binaries=""
for target in $targets; do
    rustup target add "$target"
    cargo build --release --locked --features vendored-openssl --target "$target"
    binaries="$binaries target/$target/release/kassa"
done
out=target/packages
app=target/release/Kassa.app
rm -rf "$app" && mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources" "$out"
sed "s|<string>0.1.0</string>|<string>$version</string>|g" packaging/macos/Info.plist >"$app/Contents/Info.plist"
# shellcheck disable=SC2086 # one argument per architecture
lipo -create -output "$app/Contents/MacOS/kassa" $binaries
lipo -info "$app/Contents/MacOS/kassa"
# Nothing but the system's libraries may be linked: a Homebrew path would break on a shop's Mac.
if otool -L "$app/Contents/MacOS/kassa" | tail -n +2 | grep -v -e '^[[:space:]]*/usr/lib/' -e '^[[:space:]]*/System/'; then
    echo "build-dmg.sh: kassa links a library outside the system (above)" >&2
    exit 1
fi
cp target/icons/kassa.icns "$app/Contents/Resources/kassa.icns"
if [ -n "${APPLE_SIGNING_IDENTITY:-}" ]; then
    codesign --force --options runtime --timestamp --sign "$APPLE_SIGNING_IDENTITY" "$app"
fi
arch=$(echo "$targets" | wc -w | tr -d ' ')
if [ "$arch" -gt 1 ]; then arch=universal; else arch=${targets%%-*}; fi
dmg="$out/Kassa-$version-$arch.dmg"
hdiutil create -volname Kassa -srcfolder "$app" -ov -format UDZO "$dmg"
if [ -n "${APPLE_SIGNING_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ]; then
    codesign --force --timestamp --sign "$APPLE_SIGNING_IDENTITY" "$dmg"
    xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$dmg"
fi
echo "$dmg"
