#!/usr/bin/env sh
# Checks the packages' run-time dependencies against the built binary: every library it opens
# at run time (a soname among its strings that it does not link) must be in the rpm `requires`
# of Cargo.toml, and each one's Debian package in the .deb `depends`. Linked libraries are
# computed by the packagers themselves ($auto, rpm's auto-req).
# Usage: packaging/linux/check-deps.sh [target/release/kassa]
set -eu
cd "$(dirname "$0")/../.."
bin=${1:-target/release/kassa}
linked=$(ldd "$bin" | awk '{print $1}' | sed 's|.*/||')
opened=$(strings "$bin" | grep -oE 'lib[A-Za-z0-9_+-]{1,24}\.so\.[0-9]+' | sort -u)
deb_depends=$(sed -n 's/^depends = "\(.*\)"$/\1/p' Cargo.toml)
status=0
for so in $opened; do
    if echo "$linked" | grep -qx "$so"; then
        continue
    fi
    if ! grep -q "^\"$so()(64bit)\" = " Cargo.toml; then
        echo "check-deps: $bin opens $so, which the rpm does not require" >&2
        status=1
    fi
    file=$(ldconfig -p | awk -v so="$so" '$1 == so {print $NF; exit}')
    if [ -z "$file" ]; then
        echo "check-deps: $so is not installed here; cannot name its Debian package" >&2
        status=1
        continue
    fi
    # dpkg knows a file by the path its package installed it at (/lib or /usr/lib).
    pkg=$( (dpkg -S "$file" || dpkg -S "$(readlink -f "$file")" || dpkg -S "/usr$file") 2>/dev/null | head -1 | cut -d: -f1)
    if ! echo "$deb_depends" | sed 's/[,|]/\n/g; s/ //g' | grep -qx "$pkg"; then
        echo "check-deps: $so comes from $pkg, which the .deb does not depend on" >&2
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "check-deps: every library $bin opens at run time is declared"
exit "$status"
