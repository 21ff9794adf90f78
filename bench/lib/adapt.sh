# The parts of the benchmark that depend on features still being built on other branches. Each is one small
# function so it can be adapted in one place after those branches are merged.

# Ingestion API key (issue #4). Prints a bearer key allowed to write the activities dataset, or nothing
# when this build has no way to make one (the ingestion scenario is then recorded as not available).
# BENCH_INGEST_KEY overrides it. Adapt the admin command below to the one issue #4 documents.
create_ingest_key() {
  if [ -n "${BENCH_INGEST_KEY:-}" ]; then
    printf '%s\n' "$BENCH_INGEST_KEY"
    return
  fi
  # expected shape once issue #4 lands (not known yet): an admin command that prints a new key, e.g.
  #   java -jar "$JAR" api-key create --source bench --datasets activities
  # run with PORTAL_DB_NAME="$BENCH_DB"; until then, no key.
  return 0
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
