#!/usr/bin/env sh
# Every icon the installers need, drawn from the one SVG (assets/icons/kassa.svg):
#   target/icons/hicolor/<N>x<N>/apps/be.kassa.Kassa.png   (Linux, 16–512 px)
#   target/icons/kassa.ico                                  (Windows, 16–256 px)
#   target/icons/kassa.icns                                 (macOS, 16–1024 px)
# Needs rsvg-convert (Debian: librsvg2-bin; Homebrew: librsvg), and for the .ico ImageMagick,
# for the .icns iconutil (macOS) or png2icns (Debian: icnsutils).
set -eu
cd "$(dirname "$0")/.."
svg=assets/icons/kassa.svg
out=target/icons
id=be.kassa.Kassa
rm -rf "$out"
mkdir -p "$out"

png() { # size file
    rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio "$svg" -o "$2"
}

for n in 16 24 32 48 64 128 256 512; do
    mkdir -p "$out/hicolor/${n}x${n}/apps"
    png "$n" "$out/hicolor/${n}x${n}/apps/$id.png"
done

if command -v magick >/dev/null 2>&1; then im=magick; elif command -v convert >/dev/null 2>&1; then im=convert; else im=""; fi
if [ -n "$im" ]; then
    $im "$out/hicolor/16x16/apps/$id.png" "$out/hicolor/24x24/apps/$id.png" \
        "$out/hicolor/32x32/apps/$id.png" "$out/hicolor/48x48/apps/$id.png" \
        "$out/hicolor/64x64/apps/$id.png" "$out/hicolor/128x128/apps/$id.png" \
        "$out/hicolor/256x256/apps/$id.png" "$out/kassa.ico"
else
    echo "icons: no ImageMagick, no .ico" >&2
fi

if command -v iconutil >/dev/null 2>&1; then
    set_dir="$out/kassa.iconset"
    mkdir -p "$set_dir"
    for n in 16 32 128 256 512; do
        png "$n" "$set_dir/icon_${n}x${n}.png"
        png $((n * 2)) "$set_dir/icon_${n}x${n}@2x.png"
    done
    iconutil -c icns "$set_dir" -o "$out/kassa.icns"
elif command -v png2icns >/dev/null 2>&1; then
    png 1024 "$out/icon-1024.png"
    png2icns "$out/kassa.icns" "$out/hicolor/16x16/apps/$id.png" "$out/hicolor/32x32/apps/$id.png" \
        "$out/hicolor/48x48/apps/$id.png" "$out/hicolor/128x128/apps/$id.png" \
        "$out/hicolor/256x256/apps/$id.png" "$out/hicolor/512x512/apps/$id.png" \
        "$out/icon-1024.png" >/dev/null
    rm "$out/icon-1024.png"
else
    echo "icons: neither iconutil nor png2icns, no .icns" >&2
fi
echo "icons in $out"
