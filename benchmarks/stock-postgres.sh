#!/usr/bin/env bash
# Usage: benchmarks/stock-postgres.sh [--runs N] [--port P] [REAL_FILE]
#
# The real file from deploy through anomaly detection on a PostgreSQL with
# stock settings, side by side with the embedded server './ecom' starts. Each
# run, on each server, './ecom run --skip-sidecar --input REAL_FILE --json'
# into an empty database:
#   - embedded: a fresh ECOM_HOME, port P (default 54341): shared_buffers
#     256MB, work_mem 64MB, fsync and synchronous_commit off;
#   - stock: the machine's PostgreSQL (initdb, pg_ctl on PATH, run as the
#     'postgres' user) in a throw-away cluster on port P+1 with initdb's
#     defaults: shared_buffers 128MB, work_mem 4MB, fsync and synchronous_commit
#     on; './ecom run --db' to a new database there.
# Prints each run's stages on both and their ratio. N defaults to 1 (a run is
# about a minute on each server).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_real_file_options "$@"
[ -f "$real" ] || die "$real: no such file (give the Online Retail II file as REAL_FILE)"
real="$(cd "$(dirname "$real")" && pwd)/$(basename "$real")"
need jq "apt-get install -y jq"
need java
need initdb "apt-get install -y postgresql"
need pg_ctl "apt-get install -y postgresql"
need_gnu_time
id postgres >/dev/null 2>&1 || die "no 'postgres' user to run the stock server as"

work="$BENCH_SCRATCH/stock-postgres"
mkdir -p "$work"
stock_port=$((port + 1))
cluster="$(mktemp -d /tmp/ecom-stock-pg.XXXXXX)"
chown postgres "$cluster"
stop_stock() {
  su postgres -c "pg_ctl -D '$cluster/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap 'stop_pg_sampler >/dev/null; stop_stock' EXIT
trap 'exit 130' INT TERM

ensure_build
port_free "$stock_port" || die "port $stock_port is in use: pass another --port"
su postgres -c "initdb -D '$cluster/data' -A trust -U postgres" >"$work/initdb.log" 2>&1 || die "initdb failed (see $work/initdb.log)"
su postgres -c "pg_ctl -D '$cluster/data' -o '-p $stock_port' -l '$cluster/server.log' -w start" >/dev/null \
  || die "the stock server did not start (see $cluster/server.log)"
settings="$(psql -h 127.0.0.1 -p "$stock_port" -U postgres -Atc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name)
  FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'fsync', 'synchronous_commit', 'max_wal_size')")"
say "stock server on port $stock_port: $settings"
note_machine_load

stages=(deploy load govern clean summarize detect total)
printf '| run | server |'; for s in "${stages[@]}"; do printf ' %s ms |' "$s"; done; printf ' wall s |\n'
printf '|-----|--------|'; for s in "${stages[@]}"; do printf -- '------|'; done; printf -- '------|\n'
declare -a embedded_total=() stock_total=()
for run in $(seq 1 "$runs"); do
  say "run $run/$runs: embedded"
  read -r w _ < <(timed_run "$work/home" "$port" "$real" "$work/embedded-$run")
  printf '| %s | embedded |' "$run"; for s in "${stages[@]}"; do printf ' %s |' "$(stage "$work/embedded-$run.json" "$s")"; done
  printf ' %s |\n' "$(ms_to_s "$w")"
  embedded_total+=("$(stage "$work/embedded-$run.json" total)")

  say "run $run/$runs: stock"
  psql -h 127.0.0.1 -p "$stock_port" -U postgres -qc "DROP DATABASE IF EXISTS ecom_bench" -c "CREATE DATABASE ecom_bench" >/dev/null
  start="$(now_ms)"
  ECOM_HOME="$work/home" "$BENCH_ROOT/ecom" run --skip-sidecar --db "jdbc:postgresql://127.0.0.1:$stock_port/ecom_bench?user=postgres" \
    --input "$real" --json "$work/stock-$run.json" >"$work/stock-$run.out" 2>"$work/stock-$run.err" \
    || { cat "$work/stock-$run.err" >&2; die "./ecom run on the stock server failed"; }
  w=$(( $(now_ms) - start ))
  printf '| %s | stock |' "$run"; for s in "${stages[@]}"; do printf ' %s |' "$(stage "$work/stock-$run.json" "$s")"; done
  printf ' %s |\n' "$(ms_to_s "$w")"
  stock_total+=("$(stage "$work/stock-$run.json" total)")
done
note_machine_load
echo
e="$(median "${embedded_total[@]}")"; s="$(median "${stock_total[@]}")"
echo "median total: embedded $(ms_to_s "$e") s, stock $(ms_to_s "$s") s: stock / embedded = $(ratio "$s" "$e")"
echo "target: the real file from deploy through detect <= 15 s embedded: $([ "$e" -le 15000 ] && echo met || echo 'NOT met')"
