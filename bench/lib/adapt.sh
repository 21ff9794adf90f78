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
  (cd "$ROOT" && SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-dev}" PORT=0 PORTAL_DB_NAME="$BENCH_DB" PORTAL_DEMO_LOAD=false timeout 120 java -Xmx256m -jar "$JAR" \
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

# Asks the read model for a whole rebuild of its snapshot (NOTIFY read_model, 'rebuild'): what a node does on
# start, and after a batch that changed regions or more villages than a patch takes. A refresh after an ordinary
# batch patches the snapshot with the villages the batch changed instead (p99_during_refresh drives those with
# real uploads); a notification of the version already served costs nothing at all.
trigger_refresh() {
  bench_psql -c "select pg_notify('read_model', 'rebuild')" >/dev/null
}

# The statements an ingestion commit leaves for the read model (issue #5, migration V56), for a batch that changed
# some villages (argument: their codes, comma-separated): a batch record with the next data version, the villages
# in the change log, and the NOTIFY that makes every node refresh. p99_during_refresh commits these through one
# psql session, so that it measures the refreshes (each re-reads those villages and patches the snapshot) without
# an upload's own work (measured with real uploads by p99_during_ingestion).
refresh_commit_sql() {
  local villages=$1
  cat <<SQL
begin;
with batch as (
    insert into ingest_batch (dataset, source, checksum, received_at, rows_received, rows_inserted, rows_updated,
                              rows_deleted, rows_unchanged, data_version)
    values ('activities', 'benchmark-refresh', repeat('0', 64), now(), 0, 0, 0, 0, 0, nextval('data_version_seq'))
    returning data_version)
insert into read_model_change (data_version, village_code)
select batch.data_version, unnest('{$villages}'::text[]) from batch;
select pg_notify('read_model', (select max(data_version) from ingest_batch)::text);
commit;
SQL
}
