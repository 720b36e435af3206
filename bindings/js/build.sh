#!/usr/bin/env bash
# Builds the WASM package into bindings/js/pkg: the wuye-wasm crate for wasm32 with the
# size-tuned `wasm` profile, wasm-bindgen (--target web: one ES module that browsers load with
# fetch and Node with the bytes read from disk, see index.js), then wasm-opt -Oz from the npm
# `binaryen` package (Debian's binaryen 108 breaks wasm-bindgen output).
#
#   bindings/js/build.sh          # needs: rustup target wasm32-unknown-unknown, wasm-bindgen
#                                 # (same version as the crate pins), npm ci in bindings/js
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

die() { echo "build.sh: $*" >&2; exit 1; }
pinned=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' wasm/Cargo.toml)
[ -n "$pinned" ] || die "cannot read the pinned wasm-bindgen version from wasm/Cargo.toml"
command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found (cargo install wasm-bindgen-cli --version $pinned)"
have=$(wasm-bindgen --version | awk '{print $2}')
[ "$have" = "$pinned" ] || die "wasm-bindgen is $have but the crate pins $pinned"
wasm_opt="$here/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || die "wasm-opt not found at $wasm_opt (run npm ci in bindings/js)"

cargo build -p wuye-wasm --target wasm32-unknown-unknown --profile wasm
out="$here/pkg"
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" --out-name wuye_wasm \
  target/wasm32-unknown-unknown/wasm/wuye_wasm.wasm
# The features rustc enables for wasm32 by default; wasm-opt must accept them all.
"$wasm_opt" -Oz --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
  -o "$out/wuye_wasm_bg.wasm" "$out/wuye_wasm_bg.wasm"
raw=$(wc -c < "$out/wuye_wasm_bg.wasm")
gz=$(gzip -9 -c "$out/wuye_wasm_bg.wasm" | wc -c)
echo "build.sh: $out/wuye_wasm_bg.wasm: $raw bytes, $gz bytes gzipped (-9)"
