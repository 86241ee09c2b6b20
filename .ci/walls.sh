#!/usr/bin/env sh
# The walls between the crates, kept by the dependency graph rather than by convention:
# nothing below the app links a GUI (iced, winit) or the app's words (Fluent), the engine and
# the books link no web server (axum), and only the ledger links SQLite. Prints each check;
# fails on the first crate that links what it must not.
set -eu
cd "$(dirname "$0")/.."

forbid() {
    crate=$1
    shift
    # Every package in the crate's normal (non-dev) dependency graph, one name per line.
    tree=$(cargo tree --locked -e normal -p "$crate" --prefix none --format '{p}' | cut -d' ' -f1 | sort -u)
    [ -n "$tree" ] || { echo "walls: no dependency graph for $crate" >&2; exit 1; }
    for dep in "$@"; do
        if printf '%s\n' "$tree" | grep -qx "$dep"; then
            echo "walls: $crate links $dep, which it must not:" >&2
            cargo tree --locked -e normal -p "$crate" -i "$dep" >&2
            exit 1
        fi
        echo "walls: $crate does not link $dep"
    done
}

forbid kassa-core iced winit i18n-embed axum rusqlite keyring
forbid kassa-ledger iced winit i18n-embed axum keyring
forbid kassa-sandbox iced winit i18n-embed rusqlite keyring
