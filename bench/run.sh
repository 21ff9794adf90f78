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
# BENCH_LOAD_JAVA_OPTS [-Xmx2g] (only for loading the fixture), BENCH_SKIP_BUILD=yes (reuse the jar), BENCH_JAR
# (another jar to measure, e.g. an older build; implies no build),
# BENCH_SCENARIOS (comma-separated scenarios or groups to run; all when unset), BENCH_REUSE_DB=yes (keep a
# database that already holds the fixture), BENCH_RESULTS (where a partial run writes its .json and .md),
# BENCH_INGEST_TIMEOUT [300] (seconds an upload may take).
#
#   BENCH_SCENARIOS=tiles,ogc_items BENCH_REUSE_DB=yes BENCH_SKIP_BUILD=yes bash bench/run.sh
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=/dev/null
. "$BENCH_DIR/lib/env.sh"
RESULTS_DIR="$WORK/results"
if [ "$MODE" = quick ]; then
  SCALE=demo WARMUP_SECONDS=2 DURATION=4 ROUNDS=2 REFRESHES=3 REFRESH_PACE=0.1 LOAD_TIMEOUT=300 INGEST_TIMEOUT=300 RESEND_IF_UNDER=300
  TILES_PER_ZOOM=60 TILE_WARM_PER_ZOOM=10
else
  SCALE=national WARMUP_SECONDS=5 DURATION=10 ROUNDS=3 REFRESHES=5 REFRESH_PACE=0.1 LOAD_TIMEOUT=720 INGEST_TIMEOUT=300 RESEND_IF_UNDER=90
  TILES_PER_ZOOM=300 TILE_WARM_PER_ZOOM=40
fi
INGEST_TIMEOUT=${BENCH_INGEST_TIMEOUT:-$INGEST_TIMEOUT}
SCENARIOS=${BENCH_SCENARIOS:-all}
REUSE_DB=${BENCH_REUSE_DB:-no}
if [ "$SCENARIOS" = all ]; then
  RESULTS_BASE=${BENCH_RESULTS:-$OUT_DIR/latest}
else
  # a partial run never overwrites the full run's latest.*
  RESULTS_BASE=${BENCH_RESULTS:-$WORK/partial}
fi

for lib in common setup app nginx load adapt scenarios geodata ingest report; do
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
  start_app load "$LOAD_JAVA_OPTS" PORTAL_DEMO_LOAD=true PORTAL_BULK_ENABLED=false
  wait_ready >/dev/null
  started=$(now)
  log "loading the $SCALE fixture ($rows activities) through the app's demo loader"
  wait_fixture_loaded "$rows"
  LOAD_SECONDS=$(elapsed "$started" "$(now)")
  log "fixture loaded in $LOAD_SECONDS s"
  stop_app
}

# wanted <scenario> [group...]: whether BENCH_SCENARIOS selects the scenario by its name or one of its groups.
wanted() {
  [ "$SCENARIOS" = all ] && return 0
  local name
  for name in "$@"; do
    case ",${SCENARIOS// /}," in *",$name,"*) return 0 ;; esac
  done
  return 1
}

# The fixture: kept when BENCH_REUSE_DB=yes and the database already holds it, otherwise the database is recreated
# and the fixture loaded. The NDJSON file is written only when something needs it (loading, the ingestion scenario).
prepare_fixture() {
  local ndjson=$1 rows
  if [ "$REUSE_DB" = yes ] && fixture_present; then
    log "BENCH_REUSE_DB=yes: $BENCH_DB already holds a fixture; not reloading it"
    LOAD_SECONDS=null
    if wanted ingest_activities ingest p99_during_ingestion refresh && [ ! -s "$ndjson" ]; then
      export_activities "$ndjson" >/dev/null
    fi
    return
  fi
  [ "$REUSE_DB" = yes ] && log "BENCH_REUSE_DB=yes but $BENCH_DB holds no fixture: loading it"
  recreate_database
  rows=$(export_activities "$ndjson")
  load_fixture "$rows"
}

main() {
  local started_at
  started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  log "$MODE run: $SCALE fixture, app $APP_URL, nginx $NGINX_URL, database $BENCH_DB, scenarios $SCENARIOS"
  check_ports_free
  ensure_tools
  rm -rf "$RESULTS_DIR" "$WORK/nginx"
  mkdir -p "$RESULTS_DIR" "$OUT_DIR" "$(dirname "$RESULTS_BASE")"
  build_app
  local ndjson="$WORK/activities-$SCALE.ndjson"
  local machine fixture
  prepare_fixture "$ndjson"
  fixture=$(fixture_facts "$LOAD_SECONDS")
  machine=$(machine_facts)

  wanted startup && scenario_startup
  # bulk files are measured on their own (bench/bulk.sh): writing them would load the machine during the scenarios
  start_app bench -Xmx512m PORTAL_DEMO_LOAD=false PORTAL_BULK_ENABLED=false
  wait_ready >/dev/null
  wait_figures >/dev/null
  nginx_start

  wanted cached_summary cached && scenario_cached_vs_nginx cached_summary /api/v1/summary summary.json
  wanted cached_progress_regencies cached &&
    scenario_cached_vs_nginx cached_progress_regencies '/api/v1/progress?level=2' progress-level-2.json
  # one value per district: at national scale (about 2,150 districts) the large answer of about 200 KB
  wanted cached_progress_districts cached &&
    scenario_cached_vs_nginx cached_progress_districts '/api/v1/progress?level=3' progress-level-3.json
  wanted region_search && scenario_region_search
  wanted activity_search && scenario_activity_search
  local layer
  for layer in $TILE_LAYERS; do
    wanted "tiles_uncached_${layer//-/_}" tiles_uncached tiles && scenario_tiles_uncached "$layer"
  done
  # after the uncached runs: its hot tiles are theirs
  wanted tiles_cached tiles && scenario_tiles_cached
  wanted ogc_items && scenario_ogc_items
  wanted read_model_refresh refresh && scenario_refresh_time
  wanted p99_during_refresh refresh && scenario_refresh_p99
  wanted p99_during_ingestion refresh && scenario_ingestion_p99 "$ndjson"
  wanted p99_during_rebuild refresh && scenario_rebuild_p99
  wanted ingest_activities ingest && scenario_ingest "$ndjson" "$(wc -l <"$ndjson")"

  nginx_stop
  stop_app
  write_json "$machine" "$fixture" "$started_at" "$RESULTS_BASE.json"
  write_markdown "$RESULTS_BASE.json" "$RESULTS_BASE.md"
  log "done: $RESULTS_BASE.md"
}

main
