# Ingestion end to end: the fixture's activities as one NDJSON upload over HTTP with a bearer key, timed by
# curl from the first byte sent to the batch record received (validated and committed). Runs last: it
# empties the activity table first, so that the first upload inserts every row.

INGEST_PATH=/internal/v1/ingest/activities

# Why this build has no ingestion endpoint to measure, or nothing when it has one (it refuses a keyless POST).
ingest_unavailable_reason() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X POST -H 'Content-Type: application/x-ndjson' \
    --data-binary '' "$APP_URL$INGEST_PATH" || true)
  case "$status" in
    401 | 403) ;;
    *) echo "POST $INGEST_PATH without a key answered $status (expected 401)" ;;
  esac
}

# post_ndjson <label> <file> <rows> <key>: one timed upload; its result object goes to POSTED (not printed:
# the heap sampler it starts must stay known to this shell's cleanup).
POSTED=
post_ndjson() {
  local label=$1 file=$2 rows=$3 key=$4 out peak rc=0
  local response="$WORK/ingest-$label.json"
  heap_sampler_start "ingest-$label"
  out=$(curl -sS -o "$response" -w '%{http_code} %{time_total}' --max-time "$INGEST_TIMEOUT" -X POST -T "$file" \
    -H 'Content-Type: application/x-ndjson' -H "Authorization: Bearer $key" -H 'Expect:' \
    "$APP_URL$INGEST_PATH") || rc=$?
  [ -n "$out" ] || out="000 0"
  peak=$(heap_sampler_stop)
  local status=$((10#${out%% *})) seconds=${out##* } alive=true oom
  app_alive || alive=false
  oom=$(grep -c 'OutOfMemoryError' "$APP_LOG" || true)
  POSTED=$(jq -n --arg upload "$label" --argjson status "$status" --argjson seconds "$seconds" --argjson rows "$rows" \
    --argjson bytes "$(stat -c %s "$file")" --arg peak "$peak" --argjson alive "$alive" --argjson rc "$rc" --argjson oom "${oom:-0}" \
    --argjson answer "$(jq -c 'if type == "object" then with_entries(select(.value | type != "array" and type != "object")) else null end' "$response" 2>/dev/null || echo null)" '
    {upload: $upload, httpStatus: $status, ok: ($status >= 200 and $status < 300), rows: $rows, bytes: $bytes,
     unfinished: (if $status != 0 then null elif $rc == 28 then "no answer within \($seconds) s (curl gave up, the batch rolls back)"
       else "connection lost after \($seconds) s (curl exit \($rc))" end),
     seconds: $seconds, rowsPerSecond: (if $status >= 200 and $status < 300 and $seconds > 0 then ($rows / $seconds | round) else null end),
     peakHeapMiB: (if $peak == "" then null else ($peak | tonumber) end), appAliveAfter: $alive,
     outOfMemoryErrorsInAppLog: $oom, answer: $answer}')
}

scenario_ingest() {
  local name=ingest_activities file=$1 rows=$2 key reason
  reason=$(ingest_unavailable_reason)
  [ -z "$reason" ] || { record_unavailable "$name" "$reason"; return 0; }
  key=${INGEST_KEY:-$(create_ingest_key)}
  [ -n "$key" ] || { record_unavailable "$name" "no ingestion API key: adapt create_ingest_key in bench/lib/adapt.sh (see $WORK/create-key.log) or set BENCH_INGEST_KEY"; return 0; }
  log "emptying the activity table of $BENCH_DB, then uploading $rows activities"
  bench_psql -c 'truncate activity' >/dev/null
  local insert resend
  post_ndjson insert "$file" "$rows" "$key"
  insert=$POSTED
  log "$name insert: $(jq -r '"HTTP \(.httpStatus), \(.seconds) s, \(.rowsPerSecond) rows/s"' <<<"$insert")"
  # the re-send (every row unchanged) only when the insert left time for it within the run's budget
  if jq -e --argjson max "$RESEND_IF_UNDER" '.ok and .seconds < $max' <<<"$insert" >/dev/null; then
    post_ndjson resend "$file" "$rows" "$key"
    resend=$POSTED
    log "$name resend: $(jq -r '"HTTP \(.httpStatus), \(.seconds) s, \(.rowsPerSecond) rows/s"' <<<"$resend")"
  else
    resend=$(jq -nc --argjson max "$RESEND_IF_UNDER" '{upload: "resend", skipped: "the insert failed or took \($max) s or more"}')
  fi
  record "$name" "$(jq -n --argjson i "$insert" --argjson r "$resend" '
    {status: (if $i.ok and ($r.ok // true) then "ok" else "failed" end),
     reason: (if $i.ok then null else ($i.unfinished // "the insert answered HTTP \($i.httpStatus)") end),
     path: "'"$INGEST_PATH"'",
     contentType: "application/x-ndjson", insert: $i, resend: $r,
     targets: {rowsPerSecond: 50000, heap: "-Xmx512m"},
     met: {rowsPerSecond: ($i.ok and $i.rowsPerSecond >= 50000), heap: ($i.ok and $i.appAliveAfter and ($r.appAliveAfter // true)
       and ([$i, $r] | map(.outOfMemoryErrorsInAppLog // 0) | max) == 0)}}')"
}
