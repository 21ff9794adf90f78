# The loaded fixture of the bulk and mixed benchmarks (bench/run.sh keeps its own, which also times the load):
# kept when BENCH_REUSE_DB=yes and BENCH_DB already holds one, otherwise the database is recreated and the fixture
# loaded through the app's demo loader. Expects SCALE, REUSE_DB and LOAD_TIMEOUT to be set.

load_fixture() {
  local rows=$1
  start_app load "$LOAD_JAVA_OPTS" PORTAL_DEMO_LOAD=true PORTAL_BULK_ENABLED=false
  wait_ready >/dev/null
  log "loading the $SCALE fixture ($rows activities) through the app's demo loader"
  wait_fixture_loaded "$rows"
  stop_app
}

# prepare_fixture <ndjson>: the fixture in BENCH_DB, and its activities as NDJSON in <ndjson>
prepare_fixture() {
  local ndjson=$1 rows
  if [ "$REUSE_DB" = yes ] && fixture_present; then
    log "BENCH_REUSE_DB=yes: $BENCH_DB already holds a fixture; not reloading it"
    [ -s "$ndjson" ] || export_activities "$ndjson" >/dev/null
    return
  fi
  recreate_database
  rows=$(export_activities "$ndjson")
  load_fixture "$rows"
}
