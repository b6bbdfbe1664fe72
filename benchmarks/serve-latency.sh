#!/usr/bin/env bash
# The ./ecom serve benchmark: wrk (Debian's, 'apt-get install -y wrk') with 32
# connections over loopback against the real data, a fixed number of requests
# per endpoint, then it stops by itself. Not a unit test: run it by hand.
# Prints a Markdown table for docs/benchmarks.md.
#
#   benchmarks/serve-latency.sh [--requests N] [--warmup W] [--port P] [--http-port H] [--home DIR] [--reuse] [REAL_FILE]
#
# 1. './ecom run --input REAL_FILE' (the data and a sidecar pass, which stores the
#    repurchase model) into a fresh embedded PostgreSQL in --home (default
#    target/benchmarks/serve/home); --reuse keeps a home this script loaded before.
# 2. './ecom serve --embedded-port P --port H --rate-limit 1000000' (the per-client
#    limit lifted: every wrk connection comes from 127.0.0.1).
# 3. For each of GET /api/v1/customers/{id}, GET /api/v1/customers/{id}/recommendations
#    and POST /api/v1/score: W warm-up requests (--warmup, default 20,000: past the JIT),
#    then N (default 60,000) with
#    32 connections on one wrk thread; ids rotate through every scored customer,
#    what-if bodies through their features' typical values times 0.5..1.5.
#    wrk stops after N responses (benchmarks/serve-wrk.lua).
# Targets: p99 <= 20 ms and >= 1,000 requests/s for the two look-ups, p99 <= 30 ms for
# the score. Exit code 1 when a target is missed or a request failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

requests=60000
warmup=20000
port=54381
http_port=18081
home="$BENCH_SCRATCH/serve/home"
reuse=false
real="$DEFAULT_REAL_FILE"
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --http-port) http_port="$2"; shift 2 ;;
    --home) home="$2"; shift 2 ;;
    --reuse) reuse=true; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) real="$1"; shift ;;
  esac
done
[[ "$requests" =~ ^[1-9][0-9]*$ ]] || die "--requests must be a positive whole number"
need wrk "apt-get install -y wrk"
need curl
need jq
need psql "apt-get install -y postgresql-client"
out="$BENCH_SCRATCH/serve"
mkdir -p "$out"
ensure_build

if ! $reuse; then
  [ -r "$real" ] || die "no real data file at $real"
  rm -rf "$home"
  mkdir -p "$home"
  say "loading $real and training the models into $home (about a minute)"
  ECOM_HOME="$home" "$BENCH_ROOT/ecom" run --embedded-port "$port" --input "$real" >"$out/run.out" 2>"$out/run.err" \
    || { cat "$out/run.err" >&2; die "./ecom run failed"; }
fi

port_free "$http_port" || die "port $http_port is in use: pass another one (--http-port)"
ECOM_HOME="$home" "$BENCH_ROOT/ecom" serve --embedded-port "$port" --port "$http_port" --rate-limit 1000000 \
  >"$out/serve.out" 2>"$out/serve.err" &
SERVE_PID=$!
trap 'kill -TERM "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true' EXIT
waited=0
until grep -q '^serving' "$out/serve.out" 2>/dev/null; do
  kill -0 "$SERVE_PID" 2>/dev/null || { cat "$out/serve.err" >&2; die "./ecom serve stopped before serving"; }
  [ "$waited" -lt 1800 ] || die "./ecom serve did not start within 180 s"
  sleep 0.1
  waited=$((waited + 1))
done
base="http://127.0.0.1:$http_port/api/v1"

# The customers and the model's features, for the Lua script to rotate through.
# The embedded superuser's generated password is kept beside its data folder (none in a home made before it).
PGPASSWORD="$(cat "$home/pgdata.password" 2>/dev/null || true)" psql -h 127.0.0.1 -p "$port" -U postgres -d ecom -Atc \
  "SELECT customer_id FROM ml.current_repurchase_score ORDER BY customer_id" >"$out/ids.txt" \
  || die "could not list the customers with psql on port $port"
curl -sf "$base/models/repurchase" | jq -c '[.features[] | {name, typical_value}]' >"$out/features.json" \
  || die "GET /models/repurchase failed"
say "$(wc -l <"$out/ids.txt") customers; features: $(jq -r 'map(.name) | join(",")' "$out/features.json")"

note_machine_load "$home" | tee "$out/load.txt"
echo
echo "| endpoint | requests | errors | req/s | p50 | p90 | p99 | max | target |"
echo "|---|---|---|---|---|---|---|---|---|"
status=0
for mode in customer recommendations score; do
  for phase in warmup measure; do
    count=$([ "$phase" = warmup ] && echo "$warmup" || echo "$requests")
    BENCH_MODE="$mode" BENCH_REQUESTS="$count" BENCH_IDS="$out/ids.txt" BENCH_FEATURES="$out/features.json" \
      wrk -t 1 -c 32 -d 600s --timeout 5s -s "$BENCH_ROOT/benchmarks/serve-wrk.lua" "$base" >"$out/$mode-$phase.txt" 2>&1 \
      || die "wrk failed: $(cat "$out/$mode-$phase.txt")"
  done
  line="$(grep '^RESULT' "$out/$mode-measure.txt")" || die "wrk printed no result for $mode: $(cat "$out/$mode-measure.txt")"
  read -r _ done_requests errors rps p50 p90 p99 max <<<"$line"
  limit=$([ "$mode" = score ] && echo 30 || echo 20)
  ok=$(awk -v p="$p99" -v r="$rps" -v l="$limit" -v m="$mode" -v e="$errors" \
    'BEGIN { print (p <= l && (m == "score" || r >= 1000) && e == 0) ? "met" : "MISSED" }')
  [ "$ok" = met ] || status=1
  label=$(case "$mode" in customer) echo 'GET /customers/{id}' ;; recommendations) echo 'GET /customers/{id}/recommendations' ;; score) echo 'POST /score' ;; esac)
  target=$([ "$mode" = score ] && echo "p99 <= 30 ms" || echo "p99 <= 20 ms, >= 1,000/s")
  echo "| \`$label\` | $done_requests | $errors | $rps | $p50 ms | $p90 ms | $p99 ms | $max ms | $target: $ok |"
done

# The server's own view (its /metrics histogram: arrival to answer inside the JVM), to tell the
# time spent answering from the time spent queued for a core on a busy machine.
curl -sf "$base/metrics" >"$out/metrics.txt" || die "GET /metrics failed"
echo
echo "| endpoint (server side) | answered | within 1 ms | within 5 ms | within 20 ms |"
echo "|---|---|---|---|---|"
for route in '/api/v1/customers/{id}' '/api/v1/customers/{id}/recommendations' '/api/v1/score'; do
  awk -v route="route=\"$route\"" '
    index($0, "ecom_serve_request_duration_seconds_") == 1 && index($0, route) > 0 {
      if ($0 ~ /_bucket/ && $0 ~ /le="0.001"/) b1 = $NF
      if ($0 ~ /_bucket/ && $0 ~ /le="0.005"/) b5 = $NF
      if ($0 ~ /_bucket/ && $0 ~ /le="0.02"/) b20 = $NF
      if ($0 ~ /_count/) n = $NF
    }
    END { if (n > 0) printf "| `%s` | %d | %.2f %% | %.2f %% | %.2f %% |\n", r, n, 100 * b1 / n, 100 * b5 / n, 100 * b20 / n }
  ' r="$route" "$out/metrics.txt"
done
exit "$status"
