#!/usr/bin/env bash
# Reproducer of the keep-alive request that is never answered (issue 14, item 8; README "Known issues"):
#
#   bash bench/keepalive.sh
#
# Recreates its own database (BENCH_DB [kotaku_keepalive]), starts the app on it with the demo data (-Xmx512m,
# port BENCH_APP_PORT [18087], rate limiter and bulk files off), waits until the demo data are loaded and the read
# model has them, then runs bench/keepalive.py (raw sockets, python3 only) once per entry of KEEPALIVE_RUNS, each
# "variant:iterations:reuse" (see keepalive.py: pipelined, staggered, sequential, conditional; reuse = iterations
# per connection). Every run is bounded by its iterations and KEEPALIVE_TIME_LIMIT seconds. Writes
# bench/results/keepalive.md (KEEPALIVE_RESULTS to write elsewhere) and the raw JSON lines to bench/work/; stops
# the app it started and drops its database (KEEPALIVE_KEEP_DB=yes keeps it). Exit status 1 when any request was
# not answered. Load only ever goes to 127.0.0.1.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
export BENCH_DB=${BENCH_DB:-kotaku_keepalive} BENCH_APP_PORT=${BENCH_APP_PORT:-18087}
set --
# shellcheck source=/dev/null
. "$BENCH_DIR/lib/env.sh"
SCALE=demo
RUNS=${KEEPALIVE_RUNS:-pair:20000:1 pipelined:20000:1 staggered:5000:1 sequential:5000:1 conditional:5000:1 pipelined:5000:100}
TIME_LIMIT=${KEEPALIVE_TIME_LIMIT:-600}
TIMEOUT=${KEEPALIVE_TIMEOUT:-5}
WORKERS=${KEEPALIVE_WORKERS:-4}
RESULTS=${KEEPALIVE_RESULTS:-$OUT_DIR/keepalive.md}
RAW="$WORK/keepalive.jsonl"

for lib in common setup app; do
  # shellcheck source=/dev/null
  . "$BENCH_DIR/lib/$lib.sh"
done

drop_database() {
  [ "${KEEPALIVE_KEEP_DB:-no}" = yes ] && return 0
  log "dropping database $BENCH_DB"
  runuser -u postgres -- dropdb --if-exists --force "$BENCH_DB" || true
}
trap 'cleanup; drop_database' EXIT
trap 'exit 130' INT TERM

# Waits until the demo loader has committed (and the region files, when present) and the summary serves the
# newest data version, so that no refresh empties the cache during the runs.
wait_demo_loaded() {
  local deadline=$((SECONDS + 300)) version
  until grep -q 'demo dataset loaded' "$APP_LOG"; do
    app_alive || die "the app exited; see $APP_LOG"
    [ $SECONDS -lt $deadline ] || die "the demo data were not loaded within 300 s"
    sleep 1
  done
  if [ -f "$REGION_FILES/provinces.geojson" ]; then
    until [ "$(bench_psql -c "select count(*) from ingest_batch where source = 'region-files'")" -gt 0 ]; do
      [ $SECONDS -lt $deadline ] || die "the region files were not laid within 300 s"
      sleep 1
    done
  fi
  version=$(bench_psql -c 'select max(data_version) from ingest_batch')
  until [ "$(summary_data_version)" -ge "$version" ] 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "the read model did not reach data version $version"
    sleep 1
  done
  log "demo data loaded, read model at data version $version"
}

versions() {
  unzip -l "$JAR" | awk '{print $4}' | grep -E 'BOOT-INF/lib/(reactor-netty-(core|http)|netty-(codec-http|transport|common|handler)|spring-boot|spring-webflux)-[0-9]' |
    sed 's|BOOT-INF/lib/||; s|\.jar$||' | sort | paste -sd, - | sed 's/,/, /g'
}

write_report() {
  {
    echo "# Keep-alive reproducer (issue 14, item 8)"
    echo
    echo "\`bash bench/keepalive.sh\` (bench/README.md), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
    echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average after: $(cut -d' ' -f1-3 /proc/loadavg)),"
    echo "$(java -version 2>&1 | head -1), python $(python3 -c 'import platform; print(platform.python_version())'),"
    echo "jar $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'): $(versions)."
    echo
    echo "One iteration: on one keep-alive connection, (1) a routed request \`GET /api/v1/activities?limit=1\`, (2)"
    echo "\`GET /api/v1/summary\` answered by the cached fast path (requested before the runs), (3) a routed"
    echo "\`GET /api/v1/activities?limit=2\`; each answer read within ${TIMEOUT} s. Variants: *pair* (the first two in"
    echo "one write, both answers, then the third: the shape of reactor/reactor-netty#4361), *pipelined* (one write),"
    echo "*staggered* (three writes 0.2 ms apart), *sequential* (request, answer, next), *conditional* (pipelined HEAD"
    echo "routed, fast-path GET with If-None-Match → 304, fast-path HEAD, routed GET with If-None-Match → 304 from"
    echo "ConditionalGetFilter). *reuse*: iterations per connection. ${WORKERS} connections at a time, demo data,"
    echo "-Xmx512m, rate limiter off."
    echo
    echo "| variant | reuse | iterations | connections | requests | answered | unanswered | timeouts | resets | closed by server | p50 ms | p99 ms | max ms | s |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    jq -r '"| \(.variant) | \(.reuse) | \(.iterations) | \(.connections) | \(.requests) | \(.answered) | \(.unanswered) | \(.timeouts) | \(.resets) | \(.closedByServer) | \(.latencyMs.p50) | \(.latencyMs.p99) | \(.latencyMs.max) | \(.seconds) |"' "$RAW"
    echo
    echo "Answers by request and status:"
    echo
    jq -r '"- \(.variant) (reuse \(.reuse)): " + ([.statuses | to_entries[] | "\(.key): \(.value)"] | join(", "))' "$RAW"
    if [ "$(jq -s 'map(.failures | length) | add' "$RAW")" -gt 0 ]; then
      echo
      echo "First failures (request = its place in the iteration):"
      echo
      jq -r '.variant as $v | .failures[] | "- \($v) iteration \(.iteration): request \(.request) (\(.of)) \(.kind): \(.detail)"' "$RAW"
    fi
  } >"$RESULTS"
  log "wrote $RESULTS"
}

main() {
  command -v jq >/dev/null || die "jq is missing (apt-get install jq)"
  [ -f "$JAR" ] || die "no $JAR: build it first (mvn -B -q -o -DskipTests -Dfrontend.skip=true package)"
  mkdir -p "$WORK" "$(dirname "$RESULTS")"
  recreate_database
  start_app keepalive -Xmx512m PORTAL_BULK_ENABLED=false
  wait_ready >/dev/null
  wait_demo_loaded
  : >"$RAW"
  local run variant iterations reuse status=0
  for run in $RUNS; do
    IFS=: read -r variant iterations reuse <<<"$run"
    log "$variant: $iterations iterations, reuse $reuse, $WORKERS connections at a time"
    python3 "$BENCH_DIR/keepalive.py" --port "$APP_PORT" --variant "$variant" --iterations "$iterations" \
      --reuse "${reuse:-1}" --workers "$WORKERS" --timeout "$TIMEOUT" --time-limit "$TIME_LIMIT" >>"$RAW" || status=1
    tail -1 "$RAW" | jq -c '{variant, reuse, iterations, answered, unanswered, timeouts, resets, closedByServer}' >&2
  done
  write_report
  return $status
}

main
