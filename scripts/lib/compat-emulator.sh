# Sourced by the compatibility runners (scripts/compat-*/run): builds the tokens-emulator
# binary and starts it on an ephemeral port of 127.0.0.1 with one user, one service principal,
# a quota of 40 tokens and the control API on. Stops it when the sourcing script exits.
#
# Sets: EMULATOR_URL, USER_SECRET, SP_ID, SP_SECRET, CONTROL_SECRET (all fresh per run).
# Needs: ROOT (the repository).

cargo build --quiet --manifest-path "$ROOT/Cargo.toml" -p tokens-emulator --bin tokens-emulator
EMULATOR_BIN="$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" \
    | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/debug/tokens-emulator"

EMULATOR_WORK="$(mktemp -d)"
EMULATOR_PID=""
stop_emulator() {
    if [[ -n "$EMULATOR_PID" ]]; then
        kill "$EMULATOR_PID" 2>/dev/null || true
        wait "$EMULATOR_PID" 2>/dev/null || true
    fi
    rm -rf "$EMULATOR_WORK"
}
trap stop_emulator EXIT

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
USER_SECRET="dapi$(random_hex 16)"
SP_ID="compat-sp"
SP_SECRET="sp-secret-$(random_hex 8)"
CONTROL_SECRET="control-$(random_hex 8)"

mkfifo "$EMULATOR_WORK/out"
"$EMULATOR_BIN" --listen 127.0.0.1:0 --user "compat-user=$USER_SECRET" \
    --service-principal "$SP_ID=$SP_SECRET" --quota 40 \
    --control-secret "$CONTROL_SECRET" >"$EMULATOR_WORK/out" 2>"$EMULATOR_WORK/stderr" &
EMULATOR_PID=$!
exec 3<"$EMULATOR_WORK/out"
if ! read -r -t 30 FIRST_LINE <&3; then
    echo "the emulator did not start:" >&2
    cat "$EMULATOR_WORK/stderr" >&2
    exit 1
fi
# Keep draining stdout so the emulator never blocks on a full pipe.
cat <&3 >/dev/null &
EMULATOR_URL="${FIRST_LINE#listening on }"
if [[ "$EMULATOR_URL" == "$FIRST_LINE" ]]; then
    echo "unexpected first line from the emulator: $FIRST_LINE" >&2
    exit 1
fi
