# Preparing a run: tools from Debian, the app jar, the benchmark database and the NDJSON fixture file.

# Installs the tools the run needs, from Debian packages, only those that are missing.
ensure_tools() {
  local missing=() cmd pkg
  for pair in wrk:wrk nginx:nginx jq:jq curl:curl; do
    cmd=${pair%%:*} pkg=${pair##*:}
    command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; run as root so that apt-get can install them"
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  without_service_start DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Debian starts a freshly installed nginx as the system service on port 80; the benchmark never wants that
# (it runs its own nginx), so package scripts are told not to start services while we install (policy-rc.d).
without_service_start() {
  local policy=/usr/sbin/policy-rc.d
  if [ -e "$policy" ]; then
    env "$@"
    return
  fi
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"
  local rc=0
  env "$@" || rc=$?
  rm -f "$policy"
  return $rc
}

build_app() {
  if [ -n "${BENCH_JAR:-}" ]; then
    [ -f "$JAR" ] || die "BENCH_JAR=$JAR does not exist"
    log "BENCH_JAR: measuring $JAR (no build)"
    return
  fi
  if [ "${BENCH_SKIP_BUILD:-no}" = yes ] && [ -f "$JAR" ]; then
    log "BENCH_SKIP_BUILD=yes: using the existing $JAR"
    return
  fi
  log "building the app (mvn package, tests skipped: make test runs them)"
  bash "$ROOT/scripts/build.sh"
}

# Drops and creates the benchmark database (only that one), so every run starts from the same empty state.
recreate_database() {
  log "recreating database $BENCH_DB"
  if runuser -u postgres -- psql -X -qtAc "select 1 from pg_database where datname = '$BENCH_DB'" 2>/dev/null | grep -q 1; then
    runuser -u postgres -- dropdb --if-exists --force "$BENCH_DB"
  fi
  PORTAL_DB_NAME=$BENCH_DB bash "$ROOT/scripts/db-setup.sh" 2>&1 | tail -1 >&2
}

# Whether the benchmark database exists and holds a loaded fixture (activities, their tile cells, and the real
# boundaries when the region files exist): what BENCH_REUSE_DB=yes keeps.
fixture_present() {
  runuser -u postgres -- psql -X -qtAc "select 1 from pg_database where datname = '$BENCH_DB'" 2>/dev/null | grep -q 1 ||
    return 1
  local boundaries=no
  [ -f "$REGION_FILES/provinces.geojson" ] && boundaries=yes
  [ "$(bench_psql -c "select exists (select 1 from activity) and exists (select 1 from activity_tile_cell)
      and ('$boundaries' = 'no' or exists (select 1 from ingest_batch where source = 'region-files'))" 2>/dev/null)" = t ]
}

# psql on the benchmark database as the app role, unaligned, tuples only
bench_psql() {
  PGPASSWORD=${PORTAL_DB_PASSWORD:-kotaku} psql -X -qtA -v ON_ERROR_STOP=1 -h "${PORTAL_DB_HOST:-127.0.0.1}" \
    -p "${PORTAL_DB_PORT:-5432}" -U "${PORTAL_DB_USER:-kotaku}" -d "$BENCH_DB" "$@"
}

# Writes the fixture's activities as NDJSON (the rows the app loads, from the same generator and seed) and
# prints the number of rows.
export_activities() {
  local file=$1
  log "exporting the $SCALE activities as NDJSON to $file"
  java -Xmx512m -Dloader.main=org.kotaku.portal.demo.DemoExport -cp "$JAR" \
    org.springframework.boot.loader.launch.PropertiesLauncher activities "$SCALE" "$file" "$SEED"
}
