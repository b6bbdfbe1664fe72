# Shared helpers of the benchmark scripts in this folder. Sourced, not run:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Scratch data (uncompressed copies, generated files, throw-away databases) goes
# to target/benchmarks/ under the repository root, which git ignores.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_SCRATCH="$BENCH_ROOT/target/benchmarks"
DEFAULT_REAL_FILE="$BENCH_ROOT/../shared/data/online_retail_II.csv.gz"

die() {
  echo "$(basename "$0"): error: $*" >&2
  exit 1
}

say() {
  echo "$(basename "$0"): $*" >&2
}

# need COMMAND [HOW_TO_INSTALL]: fail clearly when a tool is missing.
need() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed${2:+ ($2)}"
}

need_gnu_time() {
  [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 \
    || die "/usr/bin/time (GNU time, with -v) is missing: install it with 'apt-get update && apt-get install -y time'"
}

now_ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

# port_free PORT: nothing listens on localhost:PORT.
port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# min NUMBERS... / median NUMBERS... (the lower middle one for an even count)
min() {
  printf '%s\n' "$@" | sort -n | head -n 1
}
median() {
  local sorted
  mapfile -t sorted < <(printf '%s\n' "$@" | sort -n)
  echo "${sorted[$(( (${#sorted[@]} - 1) / 2 ))]}"
}

# ms_to_s MILLIS: seconds with two decimals.
ms_to_s() {
  awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'
}

# kb_to_mb KILOBYTES
kb_to_mb() {
  awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'
}

# ratio A B: A / B with two decimals.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# ensure_build: build once now, so that no measurement includes a build.
ensure_build() {
  say "checking the build (./ecom --version)"
  "$BENCH_ROOT/ecom" --version >/dev/null || die "./ecom does not start (see above)"
}

# The ecom db process of start_db, and its files.
DB_PID=""
DB_HOME=""

# start_db HOME PORT: starts './ecom db --port PORT' with ECOM_HOME=HOME in the
# background and waits for its 'JDBC URL' line (at most 180 s).
start_db() {
  DB_HOME="$1"
  local port="$2"
  port_free "$port" || die "port $port is in use: pass another one (--port)"
  mkdir -p "$DB_HOME"
  ECOM_HOME="$DB_HOME" "$BENCH_ROOT/ecom" db --port "$port" >"$DB_HOME/db.out" 2>"$DB_HOME/db.err" &
  DB_PID=$!
  local waited=0
  until grep -q '^JDBC URL' "$DB_HOME/db.out" 2>/dev/null; do
    if ! kill -0 "$DB_PID" 2>/dev/null; then
      local status=0
      wait "$DB_PID" || status=$?
      cat "$DB_HOME/db.out" "$DB_HOME/db.err" >&2
      DB_PID=""
      die "'./ecom db --port $port' stopped with exit code $status before printing its JDBC URL (output above, if any)"
    fi
    [ "$waited" -lt 1800 ] || die "'./ecom db --port $port' printed no JDBC URL within 180 s"
    sleep 0.1
    waited=$((waited + 1))
  done
}

# stop_db: stops the server of start_db (its shutdown hook stops PostgreSQL) and waits.
stop_db() {
  if [ -n "$DB_PID" ] && kill -0 "$DB_PID" 2>/dev/null; then
    kill -TERM "$DB_PID" 2>/dev/null || true
    local waited=0
    while kill -0 "$DB_PID" 2>/dev/null && [ "$waited" -lt 600 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$DB_PID" 2>/dev/null; then
      say "warning: ecom db (pid $DB_PID) did not stop within 60 s; killing it"
      kill -KILL "$DB_PID" 2>/dev/null || true
    fi
  fi
  DB_PID=""
}

# Sampler of the memory of the PostgreSQL processes serving PGDATA: the
# postmaster (from PGDATA/postmaster.pid) and its children. Every 0.5 s it sums
# their PSS (proportional set size: shared buffers counted once, not once per
# process) and notes the largest RSS of a single process; it keeps the peaks.
SAMPLER_PID=""
SAMPLER_OUT=""

start_pg_sampler() {
  local pgdata="$1"
  SAMPLER_OUT="$2"
  (
    peak_pss=0
    peak_rss=0
    trap 'echo "$peak_pss $peak_rss" >"$SAMPLER_OUT.tmp"; mv "$SAMPLER_OUT.tmp" "$SAMPLER_OUT"; exit 0' TERM
    rm -f "$SAMPLER_OUT"
    while true; do
      if [ -r "$pgdata/postmaster.pid" ]; then
        pm="$(head -n 1 "$pgdata/postmaster.pid" 2>/dev/null || true)"
        if [ -n "$pm" ] && [ -d "/proc/$pm" ]; then
          pss=0
          for p in "$pm" $(ps -o pid= --ppid "$pm" 2>/dev/null); do
            v="$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true)"
            pss=$((pss + ${v:-0}))
            r="$(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null || true)"
            [ "${r:-0}" -le "$peak_rss" ] || peak_rss="$r"
          done
          [ "$pss" -le "$peak_pss" ] || peak_pss="$pss"
        fi
      fi
      sleep 0.5 &
      wait $!
    done
  ) &
  SAMPLER_PID=$!
}

# stop_pg_sampler: prints "PEAK_PSS_KB PEAK_SINGLE_PROCESS_RSS_KB".
stop_pg_sampler() {
  if [ -n "$SAMPLER_PID" ]; then
    kill -TERM "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
    # wait can return before the sampler has handled the signal: wait for its file.
    local waited=0
    while [ ! -s "$SAMPLER_OUT" ] && [ "$waited" -lt 100 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if [ -s "$SAMPLER_OUT" ]; then
      cat "$SAMPLER_OUT"
    else
      say "warning: the PostgreSQL memory sampler wrote nothing; reporting 0"
      echo "0 0"
    fi
  else
    echo "0 0"
  fi
}

# timed_run HOME PORT INPUT OUT_PREFIX: './ecom run --skip-sidecar --input INPUT'
# (the data pipeline; benchmarks/sidecar.sh measures the models) from an empty
# database in HOME (embedded server on PORT) with -Xmx512m under /usr/bin/time -v,
# PostgreSQL memory sampled beside it. Writes OUT_PREFIX.json (the run's summary),
# OUT_PREFIX.time (time -v), OUT_PREFIX.out/.err and prints
# "WALL_MS JVM_MAXRSS_KB PG_PEAK_PSS_KB PG_PEAK_RSS_KB".
timed_run() {
  local home="$1" port="$2" input="$3" prefix="$4"
  rm -rf "$home"
  mkdir -p "$home"
  port_free "$port" || die "port $port is in use: pass another one (--port)"
  start_pg_sampler "$home/pgdata" "$prefix.pg"
  local start end status=0
  start="$(now_ms)"
  ECOM_HOME="$home" ECOM_JAVA_OPTS="-Xmx512m" /usr/bin/time -v -o "$prefix.time" \
    "$BENCH_ROOT/ecom" run --skip-sidecar --embedded-port "$port" --input "$input" --json "$prefix.json" \
    >"$prefix.out" 2>"$prefix.err" || status=$?
  end="$(now_ms)"
  local pg
  pg="$(stop_pg_sampler)"
  if [ "$status" -ne 0 ]; then
    cat "$prefix.err" >&2
    die "./ecom run --input $input failed with exit code $status (output above; files in $home)"
  fi
  local rss
  rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$prefix.time")"
  echo "$((end - start)) $rss $pg"
}

# stage MS_JSON NAME: elapsed_ms.NAME of a run summary.
stage() {
  jq -er ".elapsed_ms.$2" "$1" || die "no elapsed_ms.$2 in $1"
}

# note_machine_load [OWN_PATH]: prints the load average and any ecom or
# PostgreSQL process not started by this script (another benchmark or session
# on the same cores skews every figure: rerun on a quiet machine if this lists
# anything). Processes whose command line names target/benchmarks, or OWN_PATH
# (e.g. an ECOM_HOME outside it), are this script's own.
note_machine_load() {
  local others
  others="$(ps -eo pid=,args= | grep -E 'org\.ecom\.cli\.EcomCommand|bin/postgres ' | grep -v grep \
    | grep -v -F "$BENCH_SCRATCH" | grep -v -F "${1:-$BENCH_SCRATCH}" || true)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u '+%Y-%m-%d %H:%M:%S UTC'))"
  if [ -n "$others" ]; then
    echo "WARNING: other ecom/PostgreSQL processes are running on this machine; figures are skewed:"
    echo "$others" | cut -c1-160 | sed 's/^/  /'
  fi
}

# bench_classpath NAME: compiles this checkout's benchmark programs and what
# they use (so a jar another checkout installed in ~/.m2 is never the one
# timed) and prints the classpath of the mains in
# benchmarks/src/main/java/org/ecom/bench (KpiLatency, ReportLatency).
bench_classpath() {
  local mvn="mvn"
  command -v mvn >/dev/null 2>&1 || mvn="$BENCH_ROOT/mvnw"
  local classpath_file="$BENCH_ROOT/benchmarks/target/$1.classpath"
  (cd "$BENCH_ROOT" && "$mvn" -q -B -pl benchmarks -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime >&2) \
    || die "the build of the benchmark classes failed (output above)"
  local r="$BENCH_ROOT"
  echo "$r/benchmarks/target/classes:$r/loader/target/classes:$r/database/target/classes:$r/database/target/test-classes:$(cat "$classpath_file")"
}

# The options of the scripts that measure the real file: [--runs N] [--port P]
# [REAL_FILE]. Sets runs, port and real (REAL_FILE, default DEFAULT_REAL_FILE);
# --help prints the calling script's header comment.
parse_real_file_options() {
  runs=3
  port=54341
  real=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
      --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="$2"; shift 2 ;;
      --port) [ $# -ge 2 ] || die "--port needs a number"; port="$2"; shift 2 ;;
      -*) die "unknown option $1 (see --help)" ;;
      *) [ -z "$real" ] || die "one REAL_FILE only (see --help)"; real="$1"; shift ;;
    esac
  done
  [[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, not '$runs'"
  [[ "$port" =~ ^[0-9]+$ ]] || die "--port must be a number, not '$port'"
  real="${real:-$DEFAULT_REAL_FILE}"
}
