#!/usr/bin/env sh
# The walls between the crates, kept by the dependency graph rather than by convention:
# nothing below the app links a GUI (iced, winit) or the app's words (Fluent), not even in its
# tests; the engine and the books link no web server (axum), only the ledger links SQLite and
# only the shop server PostgreSQL.
# Prints each check; fails on the first crate that links what it must not.
set -eu
cd "$(dirname "$0")/.."

# forbid EDGES CRATE DEP...: CRATE's graph over EDGES (normal: what it links; normal,dev: what
# its test binaries link) holds none of DEP.
forbid() {
    edges=$1
    crate=$2
    shift 2
    # Every package in the graph, one name per line.
    tree=$(cargo tree --locked -e "$edges" -p "$crate" --prefix none --format '{p}' | cut -d' ' -f1 | sort -u)
    [ -n "$tree" ] || { echo "walls: no dependency graph for $crate" >&2; exit 1; }
    for dep in "$@"; do
        if printf '%s\n' "$tree" | grep -qx "$dep"; then
            echo "walls: $crate ($edges) links $dep, which it must not:" >&2
            cargo tree --locked -e "$edges" -p "$crate" -i "$dep" >&2
            exit 1
        fi
        echo "walls: $crate ($edges) does not link $dep"
    done
}

forbid normal kassa-core iced winit i18n-embed axum rusqlite keyring
forbid normal kassa-ledger iced winit i18n-embed axum keyring
forbid normal kassa-sandbox iced winit i18n-embed rusqlite keyring
forbid normal kassa-print iced winit i18n-embed axum rusqlite keyring kassa-ledger
# The shop server: no GUI, no till journal (SQLite), no keychain, no simulator.
forbid normal kassa-server iced winit i18n-embed rusqlite keyring kassa-ledger kassa-sandbox
# Only the shop server talks to PostgreSQL.
forbid normal kassa-ledger tokio-postgres
# Their tests link no GUI either.
for crate in kassa-core kassa-ledger kassa-sandbox kassa-print kassa-server; do
    forbid normal,dev "$crate" iced winit i18n-embed
done
