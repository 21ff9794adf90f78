# The portal under test: started by this run (its PID only), on its own port and database, with -Xmx512m.

APP_PID=
APP_STARTED_AT=
# how java starts the app after its options: the jar itself, or (startup scenario) its class-data-sharing launch
APP_LAUNCH=

# start_app <label> <java options> [VAR=value...]: starts the app in the background from the repository
# root (so that ../shared/data resolves as in make run); the VAR=value arguments go to its environment.
start_app() {
  local label=$1 java_opts=$2
  shift 2
  log "starting the app ($label, $java_opts) on $APP_URL"
  APP_STARTED_AT=$(now)
  APP_LOG="$WORK/app-$label.log"
  # shellcheck disable=SC2086 # java_opts holds several options
  (cd "$ROOT" && exec env SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-dev}" PORT="$APP_PORT" PORTAL_DB_NAME="$BENCH_DB" PORTAL_DEMO_SCALE="$SCALE" \
    PORTAL_DEMO_SEED="$SEED" PORTAL_RATE_LIMIT_ENABLED=false PORTAL_READ_MODEL_SNAPSHOT_DIRECTORY="$WORK/read-model" \
    "$@" java $java_opts ${APP_LAUNCH:--jar "$JAR"}) >"$APP_LOG" 2>&1 &
  APP_PID=$!
  remember_pid "$APP_PID"
}

stop_app() {
  [ -n "$APP_PID" ] || return 0
  log "stopping the app (pid $APP_PID)"
  stop_pid "$APP_PID"
  APP_PID=
}

app_alive() { [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; }

# The java arguments that start $JAR with its class-data-sharing archive (scripts/cds.sh, made once per jar).
cds_launch() {
  bash "$ROOT/scripts/cds.sh" "$JAR" "$WORK/cds/$(sha1sum <<<"$JAR" | cut -c1-12)"
}

# Waits (60 s at most) until the app has kept its snapshot on disk in $1 (the read model's snapshot directory).
wait_snapshot_kept() {
  local deadline=$((SECONDS + 60))
  until [ -s "$1/snapshot.ser" ] || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
  [ -s "$1/snapshot.ser" ]
}

# Waits until the readiness probe answers 200; prints the seconds from launch to ready.
wait_ready() {
  local deadline=$((SECONDS + 180))
  until [ "$(http_status "$APP_URL/actuator/health/readiness" 2)" = 200 ]; do
    app_alive || die "the app exited during start-up; see $WORK/app-*.log"
    [ $SECONDS -lt $deadline ] || die "the app was not ready within 180 s"
    sleep 0.1
  done
  elapsed "$APP_STARTED_AT" "$(now)"
}

# Waits (120 s at most) until GET /api/v1/summary answers anything but 503: a read model builds its first
# snapshot after the readiness probe is already UP, and answers 503 until then. Prints the seconds from launch
# and the status, e.g. "12.345 200".
wait_figures() {
  local deadline=$((SECONDS + 120)) status
  while :; do
    status=$(http_status "$APP_URL/api/v1/summary" 10)
    [ "$status" != 503 ] && [ "$status" != 000 ] && break
    [ $SECONDS -lt $deadline ] || break
    sleep 0.2
  done
  echo "$(elapsed "$APP_STARTED_AT" "$(now)") $((10#$status))"
}

# Waits until the demo loader has committed the whole fixture: every exported activity is in the database,
# and the real boundaries are laid over the regions when the region files exist. Then waits (60 s at most)
# until the summary's dataVersion, if the build exposes one, has reached the last committed version.
wait_fixture_loaded() {
  local expected=$1 deadline=$((SECONDS + LOAD_TIMEOUT)) state
  local boundaries=no
  [ -f "$REGION_FILES/provinces.geojson" ] && boundaries=yes
  while :; do
    app_alive || die "the app exited while loading the fixture; see $WORK/app-load.log"
    grep -q 'OutOfMemoryError\|loading the demo dataset failed' "$WORK/app-load.log" &&
      die "loading the fixture failed (see $WORK/app-load.log); try a larger BENCH_LOAD_JAVA_OPTS"
    state=$(bench_psql -c "select (select count(*) from activity) = $expected
        and ('$boundaries' = 'no' or exists (select 1 from ingest_batch where source = 'region-files'))" 2>/dev/null || echo f)
    [ "$state" = t ] && break
    [ $SECONDS -lt $deadline ] || die "the fixture was not loaded within $LOAD_TIMEOUT s"
    sleep 2
  done
  local version
  version=$(bench_psql -c 'select max(data_version) from ingest_batch')
  deadline=$((SECONDS + 60))
  until [ "$(summary_data_version)" -ge "$version" ] 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 1; done
}

summary_data_version() { curl -s --max-time 5 "$APP_URL/api/v1/summary" | jq -r '.dataVersion // 0' 2>/dev/null || echo 0; }

# Heap in use (sum of the heap pools) from /actuator/prometheus, in bytes
heap_used_bytes() {
  curl -s --max-time 2 "$APP_URL/actuator/prometheus" |
    awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ { sum += $NF; seen = 1 } END { if (seen) printf "%.0f\n", sum }'
}

HEAP_SAMPLER_PID=
HEAP_SAMPLES=

# Samples the heap twice a second in the background until heap_sampler_stop, or until the shell that started it
# is gone (so that a sampler started in a subshell never outlives it).
heap_sampler_start() {
  HEAP_SAMPLES="$WORK/heap-$1.txt"
  : >"$HEAP_SAMPLES"
  local owner=$BASHPID
  (while kill -0 "$owner" 2>/dev/null; do heap_used_bytes >>"$HEAP_SAMPLES" || true; sleep 0.5; done) &
  HEAP_SAMPLER_PID=$!
  remember_pid "$HEAP_SAMPLER_PID"
}

# Stops the sampler and prints the peak heap in MiB (empty when nothing could be sampled).
heap_sampler_stop() {
  stop_pid "$HEAP_SAMPLER_PID"
  awk 'NF { if ($1 > max) max = $1 } END { if (max) printf "%.1f\n", max / 1048576 }' "$HEAP_SAMPLES"
}
