#!/usr/bin/env bash
# Builds the WASM package into bindings/js/pkg, one module per operation group of the
# contract (MODULES below; index.js loads `desk` at import and the others on demand): the
# wuye-wasm crate for wasm32 with the size-tuned `wasm` profile and only that group's cargo
# feature, on the pinned nightly of wasm/Cargo.toml with the standard library rebuilt for size
# (see below), wasm-bindgen (--target web: an ES module that browsers load with fetch and Node with
# the bytes read from disk, see index.js), then wasm-opt -Oz from the npm `binaryen` package
# (Debian's binaryen 108 breaks wasm-bindgen output). Writes pkg/wuye_<group>.js and
# pkg/wuye_<group>_bg.wasm for each group.
#
#   bindings/js/build.sh          # needs: the pinned nightly with rust-src, wasm-bindgen (same
#                                 # version as the crate pins), npm ci in bindings/js
#                                 # (scripts/test-js installs them)
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
toolchain=$(sed -n 's/^wasm-toolchain = "\(.*\)"$/\1/p' wasm/Cargo.toml)
[ -n "$toolchain" ] || die "cannot read the pinned wasm-toolchain from wasm/Cargo.toml"
rustup run "$toolchain" rustc --version >/dev/null 2>&1 ||
  die "toolchain $toolchain not installed (rustup toolchain install $toolchain --profile minimal --component rust-src)"
wasm_opt="$here/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || die "wasm-opt not found at $wasm_opt (run npm ci in bindings/js)"

# The groups, each a cargo feature of wuye-wasm (and wuye-core); index.js has the same list.
MODULES=(desk fees survey reports)

out="$here/pkg"
rm -rf "$out"
for group in "${MODULES[@]}"; do
  # The artifact path from cargo's own report: every group builds the same crate, so the
  # uplifted target/.../wuye_wasm.wasm is not trusted to be this group's.
  # Size: the standard library is rebuilt (-Z build-std) with the `optimize_for_size` feature
  # (smaller float formatting, sorting and string code) and `panic=immediate-abort` (a panic
  # traps at once: no message formatting or unwinding machinery; the contract never panics,
  # and a trap would reach JS as a RuntimeError either way). RUSTFLAGS given with --target
  # reach only the wasm32 crates, not build scripts. Own target directory: other flags than
  # the stable builds'.
  wasm=$(RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    cargo "+$toolchain" build -p wuye-wasm --target wasm32-unknown-unknown --profile wasm \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
    --target-dir "$root/target/wasm-pkg" \
    --no-default-features --features "$group" --message-format=json-render-diagnostics |
    node -e '
      let found = "";
      for (const line of require("fs").readFileSync(0, "utf8").split("\n")) {
        if (!line.startsWith("{")) continue;
        const m = JSON.parse(line);
        if (m.reason === "compiler-artifact" && m.target.name === "wuye_wasm") {
          found = m.filenames.find((f) => f.endsWith(".wasm")) ?? found;
        }
      }
      if (!found) process.exit(1);
      console.log(found);')
  wasm-bindgen --target web --out-dir "$out" --out-name "wuye_$group" "$wasm"
  # The --enable flags are the features rustc enables for wasm32 by default (wasm-opt must
  # accept them all). Size: --converge repeats -Oz while it shrinks; --low-memory-unused lets
  # it fold constant offsets (Rust puts the stack first, growing down from 1 MiB to 0, and
  # the data above it: the low 1 KiB is touched only by a stack 1 MiB deep);
  # --zero-filled-memory holds because the module defines its memory (not imported), which
  # starts zeroed; the producers and target-features sections are not needed to run.
  # --flatten --rereloop between two -Oz rounds rebuilds the control flow, which the second
  # round then shrinks further (the gain is in README.md, Modules).
  "$wasm_opt" -Oz --flatten --rereloop -Oz --converge --low-memory-unused --zero-filled-memory \
    --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    -o "$out/wuye_${group}_bg.wasm" "$out/wuye_${group}_bg.wasm"
  raw=$(wc -c < "$out/wuye_${group}_bg.wasm")
  gz=$(gzip -9 -c "$out/wuye_${group}_bg.wasm" | wc -c)
  echo "build.sh: $out/wuye_${group}_bg.wasm: $raw bytes, $gz bytes gzipped (-9)"
done
