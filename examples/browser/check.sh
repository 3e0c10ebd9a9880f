#!/usr/bin/env bash
# Headless-Chromium check of the browser example: builds it (build.sh), starts a
# tokens-emulator that allows the page's origin, serves the page, and drives Chromium through
# chromedriver (check.py): the token list must render, a create must show its secret once,
# a rename must show, a revoke must remove a row. Saves examples/browser/screenshot.png.
# Also checks the example's formatting and clippy (it is outside the main workspace).
# Usage: examples/browser/check.sh   (SCREENSHOT=path to save the screenshot elsewhere)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$ROOT/.wasm-build/browser-example"
SECRET="dapi00112233445566778899aabbccddeeff"
SCREENSHOT=${SCREENSHOT:-$HERE/screenshot.png}

"$HERE/build.sh"

# The example is its own workspace, so the workspace's fmt and clippy runs do not see it.
(cd "$HERE" && cargo fmt --check && cargo clippy --quiet --target wasm32-unknown-unknown --release -- -D warnings)

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt-get update && apt-get install -y chromium chromium-driver
fi
cargo build --quiet -p tokens-emulator --bin tokens-emulator --manifest-path "$ROOT/Cargo.toml"

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_for_port() {
  for _ in $(seq 1 100); do
    if python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$1" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "check: nothing listens on port $1" >&2
  exit 1
}

PAGE_PORT=$(free_port)
"$ROOT/target/debug/tokens-emulator" --listen 127.0.0.1:0 --user "demo=$SECRET" \
  --cors-origin "http://127.0.0.1:$PAGE_PORT" >"$WORK/emulator.out" 2>"$WORK/emulator.err" &
PIDS+=("$!")
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$WORK/emulator.out" && break
  sleep 0.1
done
EMULATOR_URL=$(sed -n 's/^listening on //p' "$WORK/emulator.out" | head -n 1)
[ -n "$EMULATOR_URL" ] || { cat "$WORK/emulator.err" >&2; exit 1; }

python3 -m http.server "$PAGE_PORT" --bind 127.0.0.1 --directory "$OUT" >"$WORK/http.log" 2>&1 &
PIDS+=("$!")
DRIVER_PORT=$(free_port)
chromedriver --port="$DRIVER_PORT" >"$WORK/chromedriver.log" 2>&1 &
PIDS+=("$!")
wait_for_port "$PAGE_PORT"
wait_for_port "$DRIVER_PORT"

python3 "$HERE/check.py" "http://127.0.0.1:$DRIVER_PORT" \
  "http://127.0.0.1:$PAGE_PORT/?host=$EMULATOR_URL" "$EMULATOR_URL" "$SECRET" \
  "$SCREENSHOT"
echo "check: passed"
