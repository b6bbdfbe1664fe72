#!/usr/bin/env bash
# Times each kpi.* view (SELECT * FROM view, every row fetched) 50 times after
# 5 warm-up runs and prints p50/p95 per view; exits 1 when a view's p95 is
# above 100 ms, the DirectQuery target. Not a unit test: run it by hand.
#
#   benchmarks/kpi-latency.sh        loads the real file into a fresh embedded
#                                    PostgreSQL first (ECOM_REAL_DATA, or
#                                    ../shared/data/online_retail_II.csv.gz)
#   ECOM_DB_URL=jdbc:sqlserver://... ECOM_DB_USER=... ECOM_DB_PASSWORD=... benchmarks/kpi-latency.sh
#                                    times a database already loaded, as it is
#
# Builds this checkout's classes (database and ml-sidecar modules, so a jar
# another checkout installed in ~/.m2 is never the one timed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn="mvn"; command -v mvn >/dev/null 2>&1 || mvn="$root/mvnw"
classpath_file="$root/ml-sidecar/target/kpi-latency.classpath"
"$mvn" -q -B -pl ml-sidecar -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
cp="$root/database/target/classes:$root/database/target/test-classes:$root/ml-sidecar/target/classes"
cp="$cp:$root/ml-sidecar/target/test-classes:$(cat "$classpath_file")"
cd "$root/ml-sidecar"
exec java -Xmx2g -Djava.io.tmpdir="$root/ml-sidecar/target" -Decom.project.root="$root" \
    -Dliquibase.analytics.enabled=false -cp "$cp" org.ecom.bench.KpiLatency "$@"
