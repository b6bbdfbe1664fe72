#!/usr/bin/env bash
# Usage: benchmarks/sidecar.sh [--runs N] [--port P] [--rows ROWS] [REAL_FILE]
#
# A full sidecar pass as a scheduler runs it: './ecom sidecar --once' with
# ECOM_JAVA_OPTS=-Xmx1g (so a pass that needs more heap than 1 GB fails), N
# times (default 3), on a database holding REAL_FILE (default
# ../shared/data/online_retail_II.csv.gz beside the repository) or, with
# --rows, a generated file of ROWS rows ('./ecom generate --seed 7'; e.g.
# --rows 10673710 for 10x the real file). The data is loaded once first
# ('./ecom run --skip-sidecar', not timed) into a fresh ECOM_HOME under
# target/benchmarks/sidecar, embedded PostgreSQL on port P (default 54342).
#
# For each pass: wall time of the command (JVM and embedded server start
# included), each model's time from its --json report, and the peak RSS of the
# java process (/usr/bin/time -v). Target on the real data: <= 60 s on 2 cores
# with a heap of at most 1 GB. Needs GNU time and jq.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rows=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) [ $# -ge 2 ] || die "--rows needs a number"; rows="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
parse_real_file_options "${args[@]+"${args[@]}"}"
[ "$port" = 54341 ] && port=54342
need_gnu_time
need jq "apt-get install -y jq"
need java

work="$BENCH_SCRATCH/sidecar"
home="$work/home"
mkdir -p "$work"
ensure_build
if [ -n "$rows" ]; then
  [[ "$rows" =~ ^[1-9][0-9]*$ ]] || die "--rows must be a positive whole number, not '$rows'"
  input="$work/retail_${rows}_seed7.csv.gz"
  if [ ! -f "$input" ]; then
    say "generating $rows rows into $input"
    "$BENCH_ROOT/ecom" generate --rows "$rows" --seed 7 --out "$input" >&2
  fi
else
  [ -f "$real" ] || die "$real: no such file (give the Online Retail II file as REAL_FILE, or --rows)"
  input="$real"
fi
port_free "$port" || die "port $port is in use: pass another one (--port)"
rm -rf "$home"
say "loading $input (not timed)"
ECOM_HOME="$home" ECOM_JAVA_OPTS="-Xmx1g" "$BENCH_ROOT/ecom" run --embedded-port "$port" --input "$input" \
  --skip-sidecar --json "$home/loaded.json" >"$work/load.out" 2>"$work/load.err" || { cat "$work/load.err" >&2; die "loading $input failed"; }
note_machine_load

declare -a wall=() jvm=()
echo "| pass | wall s | forecast ms | segments ms | repurchase ms | recommendations ms | JVM peak RSS MB |"
echo "|------|--------|-------------|-------------|---------------|--------------------|-----------------|"
for run in $(seq 1 "$runs"); do
  prefix="$work/pass-$run"
  start="$(now_ms)"
  ECOM_HOME="$home" ECOM_JAVA_OPTS="-Xmx1g" /usr/bin/time -v -o "$prefix.time" \
    "$BENCH_ROOT/ecom" sidecar --once --embedded-port "$port" --json "$prefix.json" >"$prefix.out" 2>"$prefix.err" \
    || { cat "$prefix.err" >&2; die "./ecom sidecar --once failed (output above; files in $work)"; }
  end="$(now_ms)"
  wall+=("$((end - start))")
  jvm+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$prefix.time")")
  model_ms() { jq -r --arg k "$1" '[.models[] | select(.kind == $k) | .elapsed_millis][0] // "-"' "$prefix.json"; }
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$run" "$(ms_to_s "${wall[-1]}")" "$(model_ms forecast)" \
    "$(model_ms segments)" "$(model_ms repurchase)" "$(model_ms recommendations)" "$(kb_to_mb "${jvm[-1]}")"
done
note_machine_load
med="$(median "${wall[@]}")"
echo
echo "headline figures of the last pass: $(jq -c '[.models[] | .headline] | add' "$work/pass-$runs.json")"
echo "target wall <= 60 s with -Xmx1g on $(nproc) cores: $(awk -v ms="$med" 'BEGIN { print (ms <= 60000) ? "met" : "NOT met" }') (median $(ms_to_s "$med") s, JVM peak RSS median $(kb_to_mb "$(median "${jvm[@]}")") MB)"
echo "files: $work/pass-N.{json,time,out,err}"
