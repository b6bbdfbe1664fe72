#!/usr/bin/env bash
# Usage: benchmarks/run-scale.sh [--runs N] [--port P] [--scales "1 10"]
#
# Whether the pipeline's time grows linearly with the data and its memory stays
# flat. For each scale S (default 1 and 10) it generates S x 1,067,371 rows
# (the size of the real file) with './ecom generate --rows ROWS --seed 7 --out
# target/benchmarks/scale/retail_ROWS_seed7.csv.gz' (scratch, never committed),
# then runs './ecom run --skip-sidecar --input' on it from an empty database (a fresh ECOM_HOME,
# embedded PostgreSQL on port P, default 54341) with ECOM_JAVA_OPTS=-Xmx512m,
# N times (default 1). Reports wall time, the stages of the --json summary,
# rows/s, peak RSS of the java process (/usr/bin/time -v) and the peak memory of
# the PostgreSQL processes (sampled every 0.5 s, as in run-real.sh).
#
# The 10x run takes several minutes and about 10 GB of disk under target/;
# start it with nohup and follow its output if your shell has a time limit:
#   nohup benchmarks/run-scale.sh > target/run-scale.log 2>&1 &
# Needs GNU time (apt-get install -y time).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

base_rows=1067371
runs=1
port=54341
scales="1 10"
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="$2"; shift 2 ;;
    --port) [ $# -ge 2 ] || die "--port needs a number"; port="$2"; shift 2 ;;
    --scales) [ $# -ge 2 ] || die "--scales needs a list such as \"1 10\""; scales="$2"; shift 2 ;;
    *) die "unexpected argument $1 (see --help)" ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, not '$runs'"
[[ "$port" =~ ^[0-9]+$ ]] || die "--port must be a number, not '$port'"
for s in $scales; do
  [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "--scales takes positive whole numbers, not '$s'"
done

need_gnu_time
need jq "apt-get install -y jq"
need java

work="$BENCH_SCRATCH/scale"
mkdir -p "$work"
trap 'stop_pg_sampler >/dev/null' EXIT
trap 'exit 130' INT TERM

ensure_build
note_machine_load

declare -A gen_ms=()
for s in $scales; do
  rows=$((base_rows * s))
  file="$work/retail_${rows}_seed7.csv.gz"
  say "generating ${s}x: $rows rows into $file"
  start="$(now_ms)"
  ECOM_HOME="$work/home-generate" "$BENCH_ROOT/ecom" generate --rows "$rows" --seed 7 --out "$file" \
    2>"$work/generate-$s.err" || { cat "$work/generate-$s.err" >&2; die "./ecom generate --rows $rows failed"; }
  gen_ms[$s]=$(( $(now_ms) - start ))
done

echo "| scale | rows | file MB | run | wall s | deploy ms | load ms | govern ms | clean ms | total ms | rows/s (wall) | JVM peak RSS MB | PG peak PSS MB (sum) | PG peak RSS MB (1 process) |"
echo "|-------|------|---------|-----|--------|-----------|---------|-----------|----------|----------|---------------|-----------------|----------------------|----------------------------|"
declare -A med_wall=() med_stage=()
for s in $scales; do
  rows=$((base_rows * s))
  file="$work/retail_${rows}_seed7.csv.gz"
  mb="$(kb_to_mb $(( $(stat -c %s "$file") / 1024 )))"
  walls=()
  for run in $(seq 1 "$runs"); do
    say "${s}x run $run/$runs: ./ecom run --skip-sidecar --input $file (empty database in $work/home)"
    read -r w r p q < <(timed_run "$work/home" "$port" "$file" "$work/run-${s}x-$run")
    json="$work/run-${s}x-$run.json"
    read_rows="$(jq -er .raw_rows "$json")"
    [ "$read_rows" = "$rows" ] || die "ecom read $read_rows rows of $file, expected $rows"
    walls+=("$w")
    printf '| %sx | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$s" "$rows" "$mb" "$run" \
      "$(ms_to_s "$w")" "$(stage "$json" deploy)" "$(stage "$json" load)" "$(stage "$json" govern)" \
      "$(stage "$json" clean)" "$(stage "$json" total)" \
      "$(awk -v r="$rows" -v ms="$w" 'BEGIN { printf "%.0f", r / (ms / 1000) }')" \
      "$(kb_to_mb "$r")" "$(kb_to_mb "$p")" "$(kb_to_mb "$q")"
    rm -rf "$work/home"
  done
  med_wall[$s]="$(median "${walls[@]}")"
done
note_machine_load
echo
for s in $scales; do
  echo "${s}x: generated in $(ms_to_s "${gen_ms[$s]}") s; median wall $(ms_to_s "${med_wall[$s]}") s"
done
first="${scales%% *}"
for s in $scales; do
  [ "$s" = "$first" ] && continue
  echo "wall ${s}x / ${first}x = $(ratio "${med_wall[$s]}" "${med_wall[$first]}") (linear: $(ratio "$s" "$first"))"
done
echo "files: $work/run-Sx-N.{json,time,out,err}; generated data stays in $work (delete it when done)"
