# The parts of the benchmark that depend on features still being built on other branches. Each is one small
# function so it can be adapted in one place after those branches are merged.

# Ingestion API key (issue #4). Prints a bearer key allowed to write the activities dataset, or nothing
# when none could be made (the ingestion scenario is then recorded as not available). BENCH_INGEST_KEY
# overrides it. Uses the admin command documented on issue #4's branch (README "API keys"): the jar with
# --portal.admin.create-key=<source> prints "created API key id ..." and the key on the next line, then exits.
# Called only once the ingestion endpoint answered 401: on an older build the same command line would start
# the whole portal instead, so it also runs on a random port and under a time limit.
create_ingest_key() {
  if [ -n "${BENCH_INGEST_KEY:-}" ]; then
    printf '%s\n' "$BENCH_INGEST_KEY"
    return
  fi
  (cd "$ROOT" && PORT=0 PORTAL_DB_NAME="$BENCH_DB" PORTAL_DEMO_LOAD=false timeout 120 java -Xmx256m -jar "$JAR" \
    --portal.admin.create-key=benchmark --portal.admin.datasets=activities 2>>"$WORK/create-key.log") |
    awk '/^created API key/ { getline; print; exit }' || true
}

# Read-model refresh counter and total time (issue #5), from /actuator/prometheus: prints "<count> <sum>"
# of the first timer whose name matches BENCH_REFRESH_METRIC (a regular expression on the metric name,
# default: any ...read_model...refresh...seconds timer), or nothing when the build exposes none.
refresh_metric() {
  local pattern=${BENCH_REFRESH_METRIC:-read_?model.*refresh.*seconds}
  curl -s --max-time 5 "$APP_URL/actuator/prometheus" | awk -v pattern="$pattern" '
    /^#/ { next }
    {
      name = $1; sub(/\{.*/, "", name)
      if (name ~ ("(" pattern ")_count$") && count == "") { count = $NF; base = substr(name, 1, length(name) - 6) }
      if (name ~ ("(" pattern ")_sum$") && sum == "") { sum = $NF; sumbase = substr(name, 1, length(name) - 4) }
    }
    END { if (count != "" && sum != "" && base == sumbase) printf "%.0f %.6f\n", count, sum }'
}

# Asks the read model for a refresh the way an ingestion commit does: NOTIFY read_model with the current
# data version. Adapt if the read model skips versions it already has.
trigger_refresh() {
  bench_psql -c "select pg_notify('read_model', (select coalesce(max(data_version), 0) from ingest_batch)::text)" >/dev/null
}
