#!/usr/bin/env bash
# FastCSV (what the loader uses) against Apache Commons CSV (what the brief
# names), side by side in one JVM on the real file: each run decompresses it
# and reads every field of every record; runs alternate; prints both medians
# and the ratio. Not a unit test: run it by hand.
#
#   benchmarks/csv-parsers.sh [--runs N] [REAL_FILE]
#
# REAL_FILE defaults to ../shared/data/online_retail_II.csv.gz.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cp="$(bench_classpath csv-parsers)"
exec java -Xmx512m -XX:+UseSerialGC -Decom.project.root="$BENCH_ROOT" -cp "$cp" org.ecom.bench.CsvParsers "$@"
