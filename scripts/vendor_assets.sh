#!/usr/bin/env bash
# Fetch the JS/CSS/font assets that Great Expectations' Data Docs load from CDNs, from the npm
# registry, into a local cache, so checks/datadocs.py can make Data Docs work offline.
#
# Why npm: the machines reach package registries only (no CDNs), and npm tarballs of the exact
# versions GX's templates name are the same files those CDNs serve. Why a cache outside the
# repository: the files are large third-party builds, not our source; set-up (the Makefile)
# runs this once, and every run copies only the files it needs into OUT/data_docs/vendor/.
#
# Idempotent: a package whose directory holds a .complete marker is skipped. Never fatal for
# set-up: a package that cannot be fetched is reported, and Data Docs are still built (with a
# logged warning) linking to whatever exists.
#
# Usage: scripts/vendor_assets.sh [DEST]   (default: $CROSSCHECK_VENDOR_DIR or .venv/share/crosscheck/vendor)
set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${1:-${CROSSCHECK_VENDOR_DIR:-$ROOT/.venv/share/crosscheck/vendor}}"
mkdir -p "$DEST"

# name@version  followed by the paths (inside the package) worth keeping.
# Keep in step with checks/datadocs.py:ASSETS.
PACKAGES=(
  "jquery@3.7.1|dist/jquery.min.js"
  "popper.js@1.12.9|dist/umd/popper.min.js"
  "bootstrap@4.3.1|dist/css/bootstrap.min.css dist/js/bootstrap.min.js"
  "bootstrap-table@1.19.1|dist/bootstrap-table.min.css dist/bootstrap-table.min.js dist/extensions/filter-control"
  "bootstrap-datepicker@1.9.0|dist/css/bootstrap-datepicker.min.css dist/js/bootstrap-datepicker.min.js"
  "@forevolve/bootstrap-dark@1.1.0|dist/css/bootstrap-prefers-dark.css"
  "@fortawesome/fontawesome-free@6.6.0|css/all.min.css webfonts"
  "vega@5.33.1|build/vega.min.js"
  "vega-lite@5.23.0|build/vega-lite.min.js"
  "vega-embed@6.29.0|build/vega-embed.min.js"
)

if ! command -v npm >/dev/null 2>&1; then
    echo "vendor: npm not found; Data Docs will be built without offline assets" >&2
    exit 0
fi

failed=0
for entry in "${PACKAGES[@]}"; do
    spec="${entry%%|*}"
    paths="${entry#*|}"
    target="$DEST/$spec"
    if [ -f "$target/.complete" ]; then
        echo "vendor: $spec already present"
        continue
    fi
    tmp="$(mktemp -d)"
    if ! (cd "$tmp" && npm pack --silent --ignore-scripts "$spec" >/dev/null 2>"$tmp/npm.err"); then
        echo "vendor: could not fetch $spec: $(tail -n1 "$tmp/npm.err")" >&2
        rm -rf "$tmp"; failed=1; continue
    fi
    tarball="$(ls "$tmp"/*.tgz | head -n1)"
    mkdir -p "$tmp/x" && tar -xzf "$tarball" -C "$tmp/x"
    rm -rf "$target" && mkdir -p "$target"
    ok=1
    for p in $paths; do
        if [ -e "$tmp/x/package/$p" ]; then
            mkdir -p "$target/$(dirname "$p")"
            cp -R "$tmp/x/package/$p" "$target/$p"
        else
            echo "vendor: $spec has no $p" >&2; ok=0
        fi
    done
    [ -f "$tmp/x/package/LICENSE" ] && cp "$tmp/x/package/LICENSE" "$target/LICENSE"
    [ -f "$tmp/x/package/LICENSE.txt" ] && cp "$tmp/x/package/LICENSE.txt" "$target/LICENSE.txt"
    rm -rf "$tmp"
    if [ "$ok" = 1 ]; then
        touch "$target/.complete"; echo "vendor: $spec fetched"
    else
        failed=1
    fi
done
[ "$failed" = 0 ] || echo "vendor: some assets are missing; Data Docs will link to what exists" >&2
exit 0
