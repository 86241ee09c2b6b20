#!/usr/bin/env sh
# CPU and memory of the real till window (release build) under Xvfb: while a QR waits on
# screen, and idle after the sale; resident memory of the idle till, with the QR and after the
# sale. Needs xvfb, xdotool and bc.
# Usage: benches/window-cpu.sh [path/to/kassa]
set -eu
bin=${1:-target/release/kassa}
export DISPLAY=:97 ICED_BACKEND=tiny-skia LANG=en_US.UTF-8
Xvfb :97 -screen 0 1280x900x24 >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
HOME=$home "$bin" >/dev/null 2>&1 &
app=$!
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$home"' EXIT
sleep 8
echo "resident memory, idle till:    $(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$app/status")"
xdotool windowfocus "$(xdotool search --name '^Kassa$' | head -1)"
xdotool type "12.50"; xdotool key Return; sleep 2
cpu() { awk '{print $14 + $15}' "/proc/$app/stat"; }
a=$(cpu); sleep 30; b=$(cpu)
echo "CPU while a QR waits (30 s):   $(echo "scale=2; ($b - $a) / 30" | bc) % of one core"
echo "resident memory:               $(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$app/status")"
xdotool key Escape; sleep 3
a=$(cpu); sleep 20; b=$(cpu)
echo "CPU idle after the sale (20 s): $(echo "scale=2; ($b - $a) / 20" | bc) % of one core"
echo "resident memory, after a sale: $(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$app/status")"
