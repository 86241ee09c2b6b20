#!/usr/bin/env sh
# A till in a shop, connected and idle (its events pushed, the callback stream open): the CPU
# ticks it uses over 10 s and its resident memory over a period of sync (SHOP_IDLE_MINUTES,
# default 10; the issue asks an hour). Real parts
# throughout: a throwaway PostgreSQL (Debian's; as the postgres user when run as root),
# kassa-server, and the till under Xvfb with its token in a real keyring (dbus-run-session and
# gnome-keyring), joined with `kassa shop join`. Needs postgresql, xvfb, dbus, gnome-keyring.
# Usage: benches/shop-idle.sh [path/to/kassa] [path/to/kassa-server]
set -eu
kassa=$(realpath "${1:-target/release/kassa}")
server=$(realpath "${2:-target/release/kassa-server}")
minutes=${SHOP_IDLE_MINUTES:-10}
# The newest Debian PostgreSQL (the glob sorts; versions are two digits).
for pgbin in /usr/lib/postgresql/*/bin; do :; done
tmp=$(mktemp -d)
chmod 755 "$tmp"
as_pg() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$tmp"
as_pg "$pgbin/initdb" -D "$tmp/data" -A trust -U kassa --no-sync >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$pgbin/postgres" -D "$tmp/data" -p "$port" -k "$tmp" -c listen_addresses=127.0.0.1 >/dev/null 2>&1 &
pg=$!
trap 'kill $pg ${serve:-} 2>/dev/null; sleep 1; rm -rf "$tmp"' EXIT
until "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -q; do sleep 0.2; done
"$pgbin/psql" -h 127.0.0.1 -p "$port" -U kassa -d postgres -qc 'CREATE DATABASE kassa'
export DATABASE_URL="postgres://kassa@127.0.0.1:$port/kassa"
"$server" migrate >/dev/null
code=$("$server" till add Idle | awk '{print $NF}' | tail -1)
# Receiving callbacks (a public URL on this machine), so the till also keeps the callback
# stream open, with its keep-alives, as a till in such a shop does.
sport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$server" serve --listen "127.0.0.1:$sport" --public-url "http://127.0.0.1:$sport" \
    --provider-jwks http://127.0.0.1:9/jwks >"$tmp/serve.log" 2>/dev/null &
serve=$!
until grep -q listening "$tmp/serve.log"; do sleep 0.2; done
url=$(awk '{print $NF}' "$tmp/serve.log")
home="$tmp/home"
mkdir -p "$home"
cat >"$tmp/till.sh" <<EOF
set -eu
printf 'kassa-bench' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/share"
export LANG=en_US.UTF-8 ICED_BACKEND=tiny-skia DISPLAY=:95
"$kassa" shop join "$url" "$code"
Xvfb :95 -screen 0 1280x900x24 >/dev/null 2>&1 &
xvfb=\$!
"$kassa" >/dev/null 2>&1 &
app=\$!
trap 'kill \$app \$xvfb 2>/dev/null' EXIT
sleep 10
rss() { awk '/VmRSS/ {printf "%.1f MiB", \$2 / 1024}' "/proc/\$1/status"; }
ticks() { awk '{print \$14 + \$15}' "/proc/\$1/stat"; }
"$kassa" shop status
echo "till connected and idle: resident memory \$(rss \$app)"
a=\$(ticks \$app); s=\$(ticks $serve); sleep 10; b=\$(ticks \$app); t=\$(ticks $serve)
echo "CPU ticks over 10 s, idle: till \$((b - a)), kassa-server \$((t - s)) (1 tick = 10 ms)"
sleep \$(( $minutes * 60 ))
echo "after $minutes minutes: resident memory \$(rss \$app)"
"$kassa" shop status
EOF
dbus-run-session -- sh "$tmp/till.sh"
