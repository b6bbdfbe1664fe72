#!/usr/bin/env bash
# Usage: benchmarks/daily-load.sh [--runs N] [--port P] [REAL_FILE]
#
# A day's file into a database that already holds the real data: what a daily
# load costs once the history is there. REAL_FILE (default
# ../shared/data/online_retail_II.csv.gz beside the repository) is cut by
# invoice date into the history (every line before 2011-12-01, about 1.04M) and
# two days of about 2,900 lines each (2011-12-01 and 2011-12-02).
#
# N times (default 3): a fresh ECOM_HOME and './ecom db --port P' (default
# 54341); './ecom load' of the history (not timed); then
#   1. './ecom run --db ... --skip-sidecar --input day-2011-12-01.csv --json':
#      its stages, load (staging COPY), govern, clean, summarize (the database
#      work of the file) and detect (anomaly detection over all clean lines);
#   2. './ecom load --db ... day-2011-12-02.csv', timed as a user sees it
#      (wall clock of the whole process: JVM start included).
# Targets: database work <= 1 s, the whole './ecom load' <= 3 s on 2 cores.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_real_file_options "$@"
[ -f "$real" ] || die "$real: no such file (give the Online Retail II file as REAL_FILE)"

need jq "apt-get install -y jq"
need java

work="$BENCH_SCRATCH/daily-load"
mkdir -p "$work"
trap stop_db EXIT
trap 'exit 130' INT TERM

ensure_build
note_machine_load

say "cutting $real into the history and two days"
gzip -dcf "$real" | awk -v dir="$work" '
  NR == 1 { header = $0; print header > (dir "/history.csv"); print header > (dir "/day-2011-12-01.csv");
            print header > (dir "/day-2011-12-02.csv"); next }
  { match($0, /20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:/); day = substr($0, RSTART, 10) }
  day < "2011-12-01" { print > (dir "/history.csv"); next }
  day == "2011-12-01" || day == "2011-12-02" { print > (dir "/day-" day ".csv") }'
for f in history day-2011-12-01 day-2011-12-02; do
  say "$f.csv: $(( $(wc -l <"$work/$f.csv") - 1 )) lines"
done

echo '| run | day lines | load ms | govern ms | clean ms | summarize ms | database work ms | detect ms | `./ecom load` of a day, wall s |'
echo '|-----|-----------|---------|-----------|----------|--------------|------------------|-----------|-------------------------------|'
declare -a work_ms=() detect_ms=() wall_ms=()
for run in $(seq 1 "$runs"); do
  home="$work/home"
  rm -rf "$home"
  start_db "$home" "$port"
  url="jdbc:postgresql://localhost:$port/ecom?user=postgres&password=$(cat "$home/pgdata.password")"
  say "run $run/$runs: loading the history (not timed)"
  ECOM_HOME="$home" "$BENCH_ROOT/ecom" load --db "$url" "$work/history.csv" >"$work/history-$run.out" 2>"$work/history-$run.err" \
    || { cat "$work/history-$run.err" >&2; die "loading the history failed"; }
  json="$work/day-$run.json"
  ECOM_HOME="$home" "$BENCH_ROOT/ecom" run --db "$url" --skip-sidecar --input "$work/day-2011-12-01.csv" --json "$json" \
    >"$work/day-$run.out" 2>"$work/day-$run.err" || { cat "$work/day-$run.err" >&2; die "./ecom run of a day failed"; }
  l="$(stage "$json" load)"; g="$(stage "$json" govern)"; c="$(stage "$json" clean)"; s="$(stage "$json" summarize)"
  d="$(stage "$json" detect)"
  work_ms+=($((l + g + c + s))); detect_ms+=("$d")
  start="$(now_ms)"
  ECOM_HOME="$home" "$BENCH_ROOT/ecom" load --db "$url" "$work/day-2011-12-02.csv" >"$work/load-$run.out" 2>"$work/load-$run.err" \
    || { cat "$work/load-$run.err" >&2; die "./ecom load of a day failed"; }
  wall_ms+=($(( $(now_ms) - start )))
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$run" "$(jq -r .raw_rows "$json")" "$l" "$g" "$c" "$s" \
    "${work_ms[-1]}" "$d" "$(ms_to_s "${wall_ms[-1]}")"
  stop_db
done
note_machine_load
echo
w="$(median "${work_ms[@]}")"; t="$(median "${wall_ms[@]}")"
echo "database work of a day (load + govern + clean + summarize), median $w ms: target <= 1000 ms $([ "$w" -le 1000 ] && echo met || echo 'NOT met')"
echo "detect (over all clean lines, after the file), median $(median "${detect_ms[@]}") ms"
echo "./ecom load of a day, whole process, median $(ms_to_s "$t") s: target <= 3 s $([ "$t" -le 3000 ] && echo met || echo 'NOT met')"
echo "files: $work"
