#!/usr/bin/env bash
# The KOTAKU portal benchmark, in one command (make bench / make bench-quick; see bench/README.md).
#
#   bash bench/run.sh           national-scale fixture (about 1,000,000 activities), full runs (under 20 min)
#   bash bench/run.sh --quick   DEMO-scale fixture and short runs, a check that the harness works (minutes)
#
# On a Debian machine, as root: installs wrk, nginx and jq if missing, builds the app, recreates the benchmark
# database, loads the synthetic fixture through the app's own demo loader, starts the app with -Xmx512m and
# its own nginx (127.0.0.1 only), runs the scenarios, stops exactly the processes it started, and writes
# bench/results/latest.json and latest.md. Scratch files go to bench/work/ (git-ignored).
#
# Environment: BENCH_APP_PORT [18086], BENCH_NGINX_PORT [18090], BENCH_DB [kotaku_bench],
# BENCH_INGEST_KEY (bearer key for the ingestion scenario), BENCH_REFRESH_METRIC (see lib/adapt.sh),
# BENCH_LOAD_JAVA_OPTS [-Xmx2g] (only for loading the fixture), BENCH_SKIP_BUILD=yes (reuse the jar),
# BENCH_SCENARIOS (comma-separated scenario names: run only those; results then go to latest-<names>.md/json),
# BENCH_REUSE_DB=yes (keep BENCH_DB and its fixture when it already holds one: no recreate, no load),
# BENCH_INGEST_TIMEOUT [300] (seconds an upload may take), BENCH_JAR (run this jar instead of target/kotaku-portal.jar, e.g. a build of another commit; implies no build).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK="$BENCH_DIR/work"
RESULTS_DIR="$WORK/results"
OUT_DIR="$BENCH_DIR/results"
JAR=${BENCH_JAR:-$ROOT/target/kotaku-portal.jar}
REGION_FILES="$ROOT/../shared/data"

MODE=full
case "${1:-}" in
  --quick) MODE=quick ;;
  "") ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

APP_PORT=${BENCH_APP_PORT:-18086}
NGINX_PORT=${BENCH_NGINX_PORT:-18090}
APP_URL="http://127.0.0.1:$APP_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
BENCH_DB=${BENCH_DB:-kotaku_bench}
SEED=20161
# The app's COPY path keeps a whole batch in direct memory (see bench/README.md): loading the fixture gets
# a larger heap; every measured scenario runs against an app started with -Xmx512m.
LOAD_JAVA_OPTS=${BENCH_LOAD_JAVA_OPTS:--Xmx2g}
if [ "$MODE" = quick ]; then
  SCALE=demo WARMUP_SECONDS=2 DURATION=4 ROUNDS=2 REFRESHES=3 LOAD_TIMEOUT=300 INGEST_TIMEOUT=300 RESEND_IF_UNDER=300
else
  SCALE=national WARMUP_SECONDS=5 DURATION=10 ROUNDS=3 REFRESHES=5 LOAD_TIMEOUT=720 INGEST_TIMEOUT=300 RESEND_IF_UNDER=90
fi

INGEST_TIMEOUT=${BENCH_INGEST_TIMEOUT:-$INGEST_TIMEOUT}
SCENARIOS=${BENCH_SCENARIOS:-}
RESULT_NAME=latest
[ -z "$SCENARIOS" ] || RESULT_NAME="latest-${SCENARIOS//,/-}"

for lib in common setup app nginx load adapt scenarios ingest report; do
  # shellcheck source=/dev/null
  . "$BENCH_DIR/lib/$lib.sh"
done

trap cleanup EXIT
trap 'exit 130' INT TERM

check_ports_free() {
  local url
  for url in "$APP_URL" "$NGINX_URL"; do
    [ "$(http_status "$url/" 2)" = 000 ] || die "something already listens on $url; set BENCH_APP_PORT / BENCH_NGINX_PORT"
  done
}

# Starts the app on the empty database, lets its demo loader load the fixture, stops it; the load time goes
# to LOAD_SECONDS (not printed: the app it starts must stay known to this shell's cleanup).
LOAD_SECONDS=
load_fixture() {
  local rows=$1 started
  start_app load "$LOAD_JAVA_OPTS" PORTAL_DEMO_LOAD=true
  wait_ready >/dev/null
  started=$(now)
  log "loading the $SCALE fixture ($rows activities) through the app's demo loader"
  wait_fixture_loaded "$rows"
  LOAD_SECONDS=$(elapsed "$started" "$(now)")
  log "fixture loaded in $LOAD_SECONDS s"
  stop_app
}

# Whether BENCH_SCENARIOS names the scenario (every scenario runs when it is empty).
selected() { [ -z "$SCENARIOS" ] || [[ ",$SCENARIOS," == *",$1,"* ]]; }

# Whether BENCH_REUSE_DB=yes and the database already holds every activity of the exported fixture file.
reusable_fixture() {
  local file=$1 expected
  [ "${BENCH_REUSE_DB:-no}" = yes ] && [ -s "$file" ] || return 1
  expected=$(wc -l <"$file")
  [ "$(bench_psql -c 'select count(*) from activity' 2>/dev/null)" = "$expected" ]
}

main() {
  local started_at
  started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  log "$MODE run: $SCALE fixture, app $APP_URL, nginx $NGINX_URL, database $BENCH_DB"
  check_ports_free
  ensure_tools
  rm -rf "$RESULTS_DIR" "$WORK/nginx"
  mkdir -p "$RESULTS_DIR" "$OUT_DIR"
  build_app
  local ndjson="$WORK/activities-$SCALE.ndjson" rows
  local machine fixture
  if reusable_fixture "$ndjson"; then
    rows=$(wc -l <"$ndjson")
    log "BENCH_REUSE_DB=yes: $BENCH_DB already holds the $SCALE fixture ($rows activities); not reloading it"
    LOAD_SECONDS=null
  else
    recreate_database
    rows=$(export_activities "$ndjson")
    load_fixture "$rows"
  fi
  fixture=$(fixture_facts "$LOAD_SECONDS")
  machine=$(machine_facts)

  start_app bench -Xmx512m PORTAL_DEMO_LOAD=false
  local ready figures
  ready=$(wait_ready)
  figures=$(wait_figures)
  record startup "$(jq -n --argjson s "$ready" --argjson f "${figures% *}" --argjson status "${figures#* }" '
    {status: "ok", seconds: $s, figuresSeconds: $f, summaryStatus: $status,
     what: "launch to readiness probe UP (seconds) and to GET /api/v1/summary answering other than 503 (figuresSeconds), fixture already in the database",
     targets: {seconds: 10}, met: {seconds: ($s < 10), figures: ($f < 10)}}')"
  nginx_start

  selected cached_summary && scenario_cached_vs_nginx cached_summary /api/v1/summary summary.json
  selected cached_progress_regencies &&
    scenario_cached_vs_nginx cached_progress_regencies '/api/v1/progress?level=2' progress-level-2.json
  # one value per district: at national scale (about 2,150 districts) the large answer of about 200 KB
  selected cached_progress_districts &&
    scenario_cached_vs_nginx cached_progress_districts '/api/v1/progress?level=3' progress-level-3.json
  selected region_search && scenario_region_search
  selected activity_search && scenario_activity_search
  selected read_model_refresh && scenario_refresh_time
  selected p99_during_refresh && scenario_refresh_p99
  selected ingest_activities && scenario_ingest "$ndjson" "$rows"

  nginx_stop
  stop_app
  write_json "$machine" "$fixture" "$started_at"
  write_markdown
  log "done: $OUT_DIR/$RESULT_NAME.md"
}

main
