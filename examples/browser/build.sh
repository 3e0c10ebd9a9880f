#!/usr/bin/env bash
# Builds the browser example into .wasm-build/browser-example/ and prints its sizes:
#   cargo build (size profile) -> wasm-bindgen --target web -> wasm-opt -Oz
#
# Usage:
#   examples/browser/build.sh            build only
#   examples/browser/build.sh --serve    build, start a local tokens-emulator that allows the
#                                        page's origin, and serve the page on 127.0.0.1:8000
#                                        (PORT=... to change) until Ctrl-C
#
# Installs what a new machine lacks: the wasm32 target, the wasm-bindgen CLI matching
# Cargo.lock, and wasm-opt from the npm package `binaryen` (version 132, into
# .wasm-build/tools). Not Debian's binaryen: its version 108 rewrites the externref table
# that wasm-bindgen 0.2.130 emits into one browsers reject at load time.
set -euo pipefail
# `cargo install` puts wasm-bindgen here; cargo finds the test runner on PATH.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$ROOT/.wasm-build/browser-example"
NAME=tokens_browser_example

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
BINARYEN_VERSION=132.0.0
TOOLS="$ROOT/.wasm-build/tools"
WASM_OPT="$TOOLS/node_modules/.bin/wasm-opt"
if [ "$("$WASM_OPT" --version 2>/dev/null || true)" != "wasm-opt version ${BINARYEN_VERSION%%.*} (version_${BINARYEN_VERSION%%.*})" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    apt-get update && apt-get install -y npm
  fi
  mkdir -p "$TOOLS"
  npm install --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
fi
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Its own workspace (see Cargo.toml); the lock starts from the root one, so the versions
# are the workspace's. The release profile there is tuned for size.
cd "$HERE"
cp "$ROOT/Cargo.lock" "$HERE/Cargo.lock"
cargo build --quiet --target wasm32-unknown-unknown --release

rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT/pkg" \
  "$HERE/target/wasm32-unknown-unknown/release/$NAME.wasm"
"$WASM_OPT" -Oz -o "$OUT/pkg/${NAME}_bg.opt.wasm" "$OUT/pkg/${NAME}_bg.wasm"
mv "$OUT/pkg/${NAME}_bg.opt.wasm" "$OUT/pkg/${NAME}_bg.wasm"
cp "$HERE"/www/* "$OUT/"

size_line() {
  printf '%-28s %8d bytes, %8d gzipped (gzip -9)\n' "$1" "$(wc -c <"$2")" "$(gzip -9 -c "$2" | wc -c)"
}
size_line "wasm (wasm-opt -Oz):" "$OUT/pkg/${NAME}_bg.wasm"
size_line "JS glue:" "$OUT/pkg/$NAME.js"
echo "built $OUT"

if [ "${1:-}" != "--serve" ]; then
  exit 0
fi

PORT=${PORT:-8000}
cargo build --quiet -p tokens-emulator --bin tokens-emulator --manifest-path "$ROOT/Cargo.toml"
LOG=$(mktemp)
# Without --user the emulator makes one user and prints that user's secret once (stdout).
"$ROOT/target/debug/tokens-emulator" --listen 127.0.0.1:0 --cors-origin "http://127.0.0.1:$PORT" >"$LOG" &
EMULATOR_PID=$!
trap 'kill "$EMULATOR_PID" 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$LOG" && break
  sleep 0.1
done
EMULATOR_URL=$(sed -n 's/^listening on //p' "$LOG" | head -n 1)
cat "$LOG"
echo
echo "open http://127.0.0.1:$PORT/?host=$EMULATOR_URL and paste the secret printed above"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$OUT"
