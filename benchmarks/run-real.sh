#!/usr/bin/env bash
# Usage: benchmarks/run-real.sh [--runs N] [--port P] [REAL_FILE]
#
# The data pipeline on the real data: './ecom run --skip-sidecar --input
# REAL_FILE' from an empty database (a fresh ECOM_HOME each run, embedded
# PostgreSQL on port P, default 54341) with ECOM_JAVA_OPTS=-Xmx512m, N times
# (default 3). REAL_FILE defaults to ../shared/data/online_retail_II.csv.gz
# beside the repository.
#
# For each run: wall time of the command (JVM start, embedded server start and
# stop included), the stages of its --json summary (deploy, load, govern, clean,
# total), peak RSS of the java process (/usr/bin/time -v), and the peak memory of
# the PostgreSQL server, a separate process tree, sampled every 0.5 s: the sum of
# PSS of the postmaster and its children, and the largest RSS of one of them.
# Target: deploy + load + govern + clean <= 30 s on 2 cores (the whole wall is
# printed beside it). Needs GNU time (apt-get install -y time).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_real_file_options "$@"
[ -f "$real" ] || die "$real: no such file (give the Online Retail II file as REAL_FILE)"
real="$(cd "$(dirname "$real")" && pwd)/$(basename "$real")"

need_gnu_time
need jq "apt-get install -y jq"
need java

work="$BENCH_SCRATCH/run-real"
mkdir -p "$work"
trap 'stop_pg_sampler >/dev/null' EXIT
trap 'exit 130' INT TERM

ensure_build
note_machine_load

declare -a wall=() deploy=() load=() govern=() clean=() scope=() summarize=() detect=() total=() jvm=() pgpss=() pgrss=()
header='| run | wall s | deploy ms | load ms | govern ms | clean ms | deploy..clean ms | summarize ms | detect ms | total ms | JVM peak RSS MB | PG peak PSS MB (sum) | PG peak RSS MB (1 process) |'
rule='|-----|--------|-----------|---------|-----------|----------|------------------|--------------|-----------|----------|-----------------|----------------------|----------------------------|'
echo "$header"
echo "$rule"
for run in $(seq 1 "$runs"); do
  say "run $run/$runs: ./ecom run --input $real (empty database in $work/home)"
  read -r w r p q < <(timed_run "$work/home" "$port" "$real" "$work/run-$run")
  json="$work/run-$run.json"
  wall+=("$w"); jvm+=("$r"); pgpss+=("$p"); pgrss+=("$q")
  deploy+=("$(stage "$json" deploy)"); load+=("$(stage "$json" load)")
  govern+=("$(stage "$json" govern)"); clean+=("$(stage "$json" clean)"); total+=("$(stage "$json" total)")
  scope+=($((deploy[-1] + load[-1] + govern[-1] + clean[-1])))
  summarize+=("$(stage "$json" summarize)"); detect+=("$(stage "$json" detect)")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$run" "$(ms_to_s "$w")" \
    "${deploy[-1]}" "${load[-1]}" "${govern[-1]}" "${clean[-1]}" "${scope[-1]}" "${summarize[-1]}" "${detect[-1]}" "${total[-1]}" \
    "$(kb_to_mb "$r")" "$(kb_to_mb "$p")" "$(kb_to_mb "$q")"
done
rm -rf "$work/home"
note_machine_load
for f in min median; do
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$f" "$(ms_to_s "$($f "${wall[@]}")")" \
    "$($f "${deploy[@]}")" "$($f "${load[@]}")" "$($f "${govern[@]}")" "$($f "${clean[@]}")" "$($f "${scope[@]}")" \
    "$($f "${summarize[@]}")" "$($f "${detect[@]}")" "$($f "${total[@]}")" \
    "$(kb_to_mb "$($f "${jvm[@]}")")" "$(kb_to_mb "$($f "${pgpss[@]}")")" "$(kb_to_mb "$($f "${pgrss[@]}")")"
done
echo
rows="$(jq -r .raw_rows "$work/run-1.json")"
med="$(median "${wall[@]}")"
echo "rows: $rows; median wall $(ms_to_s "$med") s = $(awk -v r="$rows" -v ms="$med" 'BEGIN { printf "%.0f", r / (ms / 1000) }') rows/s"
in_scope="$(median "${scope[@]}")"
echo "target deploy + load + govern + clean <= 30 s on $(nproc) cores: $(awk -v ms="$in_scope" 'BEGIN { print (ms <= 30000) ? "met" : "NOT met" }') (median $(ms_to_s "$in_scope") s, $(ms_to_s $((30000 - in_scope))) s of margin)"
echo "the whole command, with JVM and server start, summarize and detect: median wall $(ms_to_s "$med") s"
echo "files: $work/run-N.{json,time,out,err}"
