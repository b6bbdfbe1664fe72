#!/usr/bin/env bash
# Usage: benchmarks/load-vs-psql-copy.sh [--runs N] [--port P] [REAL_FILE]
#
# How close the ecom loader comes to a plain psql \copy of the same data, on the
# same embedded PostgreSQL server. REAL_FILE is the Online Retail II .csv.gz
# (default: ../shared/data/online_retail_II.csv.gz beside the repository).
#
# The file is uncompressed once to a temporary CSV. Then, N times (default 3),
# for each of the .csv.gz and the uncompressed .csv:
#   1. a fresh ECOM_HOME and './ecom db --port P' (empty database, schema deployed);
#   2. psql: CREATE TABLE with the 8 columns (text/int/timestamp/numeric, no
#      index), CHECKPOINT, then '\copy ... FROM the CSV' timed (wall clock around psql);
#   3. DROP that table, CHECKPOINT, then './ecom run --skip-sidecar --db <that server> --input FILE
#      --json ...' and its elapsed_ms.load: hashing, reading, parsing and COPY into
#      staging.retail_line, committed with govern and clean in the same transaction;
#   4. the server is stopped.
# Prints each measurement, then min and median of each kind and the ratio
# ecom load / psql \copy (target: <= 1.5). Scratch files: target/benchmarks/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_real_file_options "$@"
[ -f "$real" ] || die "$real: no such file (give the Online Retail II .csv.gz as REAL_FILE)"
case "$real" in *.csv.gz) ;; *) die "$real: expected a .csv.gz file" ;; esac
real="$(cd "$(dirname "$real")" && pwd)/$(basename "$real")"

need psql "apt-get install -y postgresql-client"
need jq "apt-get install -y jq"
need gzip
need java

work="$BENCH_SCRATCH/load-vs-psql-copy"
csv="$work/$(basename "$real" .gz)"
mkdir -p "$work"

cleanup() {
  stop_db
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_build
note_machine_load

say "uncompressing $real to $csv"
gzip -dc "$real" >"$csv"
expected_rows=$(( $(wc -l <"$csv") - 1 ))
say "$expected_rows data rows (if no field holds a line break)"

psql_cmd() {
  PGPASSWORD="$(cat "$home/pgdata.password")" psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres -d ecom "$@"
}

declare -a copy_ms=() gz_ms=() csv_ms=()
printf '%-4s %-8s %12s %14s %14s\n' run input psql_copy_ms ecom_load_ms ecom_total_ms
for run in $(seq 1 "$runs"); do
  for kind in csv.gz csv; do
    if [ "$kind" = csv.gz ]; then input="$real"; else input="$csv"; fi
    home="$work/home-$run-${kind/./}"
    rm -rf "$home"
    say "run $run/$runs, $kind: starting ./ecom db --port $port in $home"
    start_db "$home" "$port"

    psql_cmd -c "CREATE TABLE public.copy_bench (invoice text, stock_code text, description text,
        quantity integer, invoice_date timestamp, price numeric, customer_id numeric, country text)" \
      -c "CHECKPOINT"
    start="$(now_ms)"
    psql_cmd -c "\\copy public.copy_bench FROM '$csv' WITH (FORMAT csv, HEADER true)"
    end="$(now_ms)"
    copied="$(psql_cmd -At -c "SELECT count(*) FROM public.copy_bench")"
    [ "$copied" = "$expected_rows" ] || die "psql \\copy loaded $copied rows, expected $expected_rows"
    psql_cmd -c "DROP TABLE public.copy_bench" -c "CHECKPOINT"
    copy_ms+=($((end - start)))

    json="$home/run.json"
    url="jdbc:postgresql://localhost:$port/ecom?user=postgres&password=$(cat "$home/pgdata.password")"
    if ! ECOM_HOME="$home" "$BENCH_ROOT/ecom" run --skip-sidecar --db "$url" --input "$input" --json "$json" \
        >"$home/run.out" 2>"$home/run.err"; then
      cat "$home/run.err" >&2
      die "./ecom run --input $input failed (output above)"
    fi
    read_rows="$(jq -er .raw_rows "$json")"
    [ "$read_rows" = "$expected_rows" ] || die "ecom read $read_rows rows of $input, expected $expected_rows"
    load="$(stage "$json" load)"
    total="$(stage "$json" total)"
    if [ "$kind" = csv.gz ]; then gz_ms+=("$load"); else csv_ms+=("$load"); fi
    printf '%-4s %-8s %12s %14s %14s\n' "$run" "$kind" "$((end - start))" "$load" "$total"

    stop_db
    rm -rf "$home"
  done
done
rm -f "$csv"
note_machine_load

echo
echo "Summary ($runs runs per ecom kind, $((runs * 2)) psql \\copy runs, one fresh server each; ms)"
printf '| %-38s | %8s | %8s | %-22s |\n' measurement min median "ratio to psql (median)"
printf '|%s|%s|%s|%s|\n' "----------------------------------------" "----------" "----------" "------------------------"
printf '| %-38s | %8s | %8s | %-22s |\n' "psql \\copy of the .csv (plain table)" "$(min "${copy_ms[@]}")" "$(median "${copy_ms[@]}")" "1.00"
for kind in csv.gz csv; do
  if [ "$kind" = csv.gz ]; then values=("${gz_ms[@]}"); else values=("${csv_ms[@]}"); fi
  printf '| %-38s | %8s | %8s | %-22s |\n' "ecom load stage, $kind" "$(min "${values[@]}")" "$(median "${values[@]}")" \
    "$(ratio "$(median "${values[@]}")" "$(median "${copy_ms[@]}")")"
done
echo
for kind in csv.gz csv; do
  if [ "$kind" = csv.gz ]; then values=("${gz_ms[@]}"); else values=("${csv_ms[@]}"); fi
  r="$(ratio "$(median "${values[@]}")" "$(median "${copy_ms[@]}")")"
  rmin="$(ratio "$(min "${values[@]}")" "$(min "${copy_ms[@]}")")"
  verdict="$(awk -v r="$r" 'BEGIN { print (r <= 1.5) ? "met" : "NOT met" }')"
  echo "ecom load ($kind) / psql \\copy: $r x (medians), $rmin x (minimums); target <= 1.5 x: $verdict"
done
