#!/usr/bin/env bash
# Times each kpi.* view (SELECT * FROM view, every row fetched) 50 times after
# 5 warm-up runs and prints p50/p95 per view; exits 1 when a view's p95 is
# above 100 ms, the DirectQuery target. Not a unit test: run it by hand.
# (KpiLatency is ReportLatency with --schemas kpi --limit-ms 100; for the kpi
# and analysis schemas on 1x or 10x data, see report-latency.sh.)
#
#   benchmarks/kpi-latency.sh        loads the real file into a fresh embedded
#                                    PostgreSQL first (ECOM_REAL_DATA, or
#                                    ../shared/data/online_retail_II.csv.gz)
#   ECOM_DB_URL=jdbc:sqlserver://... ECOM_DB_USER=... ECOM_DB_PASSWORD=... benchmarks/kpi-latency.sh
#                                    times a database already loaded, as it is
#
# Builds this checkout's classes (the benchmarks module and what it uses, so a jar
# another checkout installed in ~/.m2 is never the one timed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cp="$(bench_classpath kpi-latency)"
cd "$BENCH_ROOT/benchmarks"
exec java -Xmx2g -Djava.io.tmpdir="$BENCH_ROOT/benchmarks/target" -Decom.project.root="$BENCH_ROOT" \
    -Dliquibase.analytics.enabled=false -cp "$cp" org.ecom.bench.KpiLatency "$@"
