#!/usr/bin/env bash
# Usage: benchmarks/sync.sh [--runs N] [--port P] [REAL_FILE]
#
# ./ecom sync of the real file's warehouse to a second database, beside the load
# that built the first, on the same embedded PostgreSQL server. N times (default 3):
#   1. a fresh ECOM_HOME and './ecom db --port P' (database ecom, deployed);
#   2. './ecom load REAL_FILE' into ecom, timed: the source;
#   3. './ecom sync --from embedded --to embedded:ecom_copy' (a new database), timed:
#      deploy, COPY out of staging, COPY into the copy's staging, govern, clean,
#      summarise and detect there;
#   4. './ecom sync ... --verify' again, timed: nothing left to copy, then the counts
#      and checksums of every sales, mart, kpi and analysis object on both sides
#      (it must say they are all equal);
#   5. the server is stopped.
# Prints each measurement, the medians and the ratios sync / load and verify / load.
# Scratch files: target/benchmarks/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_real_file_options "$@"
[ -f "$real" ] || die "$real: no such file (give the Online Retail II .csv.gz as REAL_FILE)"
real="$(cd "$(dirname "$real")" && pwd)/$(basename "$real")"
need java

work="$BENCH_SCRATCH/sync"
mkdir -p "$work"
cleanup() {
  stop_db
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_build
note_machine_load

# timed NAME COMMAND...: runs it, output in $home/NAME.out/.err, prints its wall time in ms.
timed() {
  local name="$1" start end
  shift
  start="$(now_ms)"
  if ! ECOM_HOME="$home" "$@" >"$home/$name.out" 2>"$home/$name.err"; then
    cat "$home/$name.out" "$home/$name.err" >&2
    die "$name failed (output above)"
  fi
  end="$(now_ms)"
  echo $((end - start))
}

declare -a load_ms=() sync_ms=() verify_ms=()
printf '%-4s %10s %10s %10s\n' run load_ms sync_ms verify_ms
for run in $(seq 1 "$runs"); do
  home="$work/home-$run"
  rm -rf "$home"
  say "run $run/$runs: starting ./ecom db --port $port in $home"
  start_db "$home" "$port"
  l="$(timed load "$BENCH_ROOT/ecom" load --embedded-port "$port" "$real")"
  s="$(timed sync "$BENCH_ROOT/ecom" sync --from embedded --to embedded:ecom_copy --embedded-port "$port")"
  v="$(timed verify "$BENCH_ROOT/ecom" sync --from embedded --to embedded:ecom_copy --embedded-port "$port" --verify)"
  grep -q '^all [0-9]* objects equal' "$home/verify.out" || die "the copy is not equal (see $home/verify.out)"
  load_ms+=("$l")
  sync_ms+=("$s")
  verify_ms+=("$v")
  printf '%-4s %10s %10s %10s\n' "$run" "$l" "$s" "$v"
  stop_db
done

lm="$(median "${load_ms[@]}")"
sm="$(median "${sync_ms[@]}")"
vm="$(median "${verify_ms[@]}")"
echo "median: load $(ms_to_s "$lm") s, sync $(ms_to_s "$sm") s, verify $(ms_to_s "$vm") s"
echo "sync / load: $(ratio "$sm" "$lm")   verify / load: $(ratio "$vm" "$lm")"
echo "$(grep -c '^  equal' "$home/verify.out") objects compared equal in the last run"
note_machine_load
