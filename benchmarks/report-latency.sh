#!/usr/bin/env bash
# The DirectQuery latency benchmark, with DuckDB as the reference. Not a unit
# test: run it by hand. Prints Markdown tables for docs/benchmarks.md.
#
#   benchmarks/report-latency.sh [--scale 1|10] [--port P] [--home DIR] [--reuse]
#                                [--limit-ms N] [--runs N] [--no-duckdb] [REAL_FILE]
#
# 1. Data: scale 1 = the real file (REAL_FILE, default
#    ../shared/data/online_retail_II.csv.gz beside the repository); scale 10 =
#    './ecom generate --rows 10673710 --seed 7' to target/benchmarks/gen-10x.csv.gz
#    (kept and reused when it exists).
# 2. './ecom run --input FILE' into a fresh embedded PostgreSQL (ECOM_HOME =
#    --home, default target/benchmarks/report-latency/home-Nx; --reuse keeps a
#    home that a previous run of this script loaded, and skips the load).
#    At 10x the load takes 3 to 7 minutes: run the script with nohup, e.g.
#      nohup benchmarks/report-latency.sh --scale 10 > target/report-10x.log 2>&1 &
# 3. './ecom db --port P' serves that database; ReportLatency times every view
#    of schemas kpi and analysis and every (date, date) set-returning function
#    of schema analysis: 5 warm-up runs, 50 timed runs, p50/p95/max; its exit
#    code says whether every p95 is within --limit-ms (default 100 ms at scale
#    1, 300 ms at scale 10). It also writes kpi.monthly_revenue to a CSV.
# 4. The server is stopped, then benchmarks/duckdb-reference.py runs the same
#    aggregations in DuckDB on the same raw file, and checks its revenue per
#    month against PostgreSQL's (DuckDB from PyPI, pinned below, in a venv at
#    target/benchmarks/venv).
# Exit code: 1 when a p95 is above the limit or the DuckDB check fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DUCKDB_VERSION="2.0.0"   # the latest stable on PyPI on 2026-11-21 (pip index versions duckdb)
scale=1
port=""
home=""
reuse=false
limit=""
runs=50
duckdb=true
real_file="$DEFAULT_REAL_FILE"
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --home) home="$2"; shift 2 ;;
    --reuse) reuse=true; shift ;;
    --limit-ms) limit="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --no-duckdb) duckdb=false; shift ;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) real_file="$1"; shift ;;
  esac
done
case "$scale" in
  1) input="$real_file"; : "${port:=54361}"; : "${limit:=100}" ;;
  10) input="$BENCH_SCRATCH/gen-10x.csv.gz"; : "${port:=54362}"; : "${limit:=300}" ;;
  *) echo "--scale is 1 or 10" >&2; exit 2 ;;
esac
: "${home:=$BENCH_SCRATCH/report-latency/home-${scale}x}"
out="$BENCH_SCRATCH/report-latency/${scale}x"
mkdir -p "$out"
need java
need python3

# Build once, before anything is measured.
(cd "$BENCH_ROOT" && ./mvnw -q -B -DskipTests install) || die "the build failed"
ensure_build
cp="$(bench_classpath report-latency)"

if [ "$scale" = 10 ] && [ ! -s "$input" ]; then
  say "generating $input"
  start="$(now_ms)"
  "$BENCH_ROOT/ecom" generate --rows 10673710 --seed 7 --out "$input" >&2
  say "generated in $(ms_to_s $(( $(now_ms) - start ))) s"
fi
[ -s "$input" ] || die "no data file at $input (pass REAL_FILE)"

if $reuse && [ -s "$home/loaded.json" ]; then
  say "reusing the database loaded in $home"
else
  rm -rf "$home"
  mkdir -p "$home"
  port_free "$port" || die "port $port is in use: pass another one (--port)"
  say "loading $input into a fresh embedded PostgreSQL ($home, port $port)"
  start="$(now_ms)"
  ECOM_HOME="$home" "$BENCH_ROOT/ecom" run --embedded-port "$port" --input "$input" --json "$home/run.json" \
    >"$home/run.out" 2>"$home/run.err" || { cat "$home/run.err" >&2; die "./ecom run failed"; }
  mv "$home/run.json" "$home/loaded.json"
  say "loaded in $(ms_to_s $(( $(now_ms) - start ))) s: $(jq -r '"\(.clean_rows) clean lines, revenue \(.clean_revenue)"' "$home/loaded.json")"
fi

echo "## Reporting queries at scale ${scale}x ($(basename "$input"))"
echo
note_machine_load "$home"
echo "clean lines $(jq -r .clean_rows "$home/loaded.json"), clean revenue $(jq -r .clean_revenue "$home/loaded.json")"

trap stop_db EXIT
start_db "$home" "$port"
url="jdbc:postgresql://localhost:$port/ecom?user=postgres&password=$(cat "$home/pgdata.password")"
status=0
(cd "$BENCH_ROOT/benchmarks" && java -Xmx1g -Djava.io.tmpdir="$BENCH_ROOT/benchmarks/target" \
    -Decom.project.root="$BENCH_ROOT" -Dliquibase.analytics.enabled=false -cp "$cp" \
    org.ecom.bench.ReportLatency --url "$url" --limit-ms "$limit" --runs "$runs" \
    --monthly-csv "$out/pg-monthly.csv") || status=$?
echo
note_machine_load "$home"
stop_db
trap - EXIT

if $duckdb; then
  venv="$BENCH_SCRATCH/venv"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || die "python3 -m venv failed"
  "$venv/bin/python" -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION')" 2>/dev/null \
    || "$venv/bin/pip" install -q "duckdb==$DUCKDB_VERSION" || die "pip install duckdb==$DUCKDB_VERSION failed"
  echo
  echo "### DuckDB reference"
  echo
  "$venv/bin/python" "$BENCH_ROOT/benchmarks/duckdb-reference.py" "$input" --pg-monthly "$out/pg-monthly.csv" \
    || status=1
  echo
  note_machine_load "$home"
fi
exit "$status"
