# The scenarios. Each probes its endpoint first; an endpoint this build lacks is recorded as "not available on
# this build", never a failed run. Targets are those of shared/DESIGN.md section 6.

JQ_MEDIAN='def median: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor]
  else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def r3: if . == null then null else (. * 1000 | round) / 1000 end;
  def r4: if . == null then null else (. * 10000 | round) / 10000 end;'

# Medians over rounds of one side's wrk results: rps and latency percentiles
side_summary() {
  jq -c "$JQ_MEDIAN"' {rps: (map(.rps) | median | r3), p50Ms: (map(.p50Ms) | median | r3),
    p90Ms: (map(.p90Ms) | median | r3), p99Ms: (map(.p99Ms) | median | r3), errors: (map(.totalErrors) | add)}'
}

# alternate_rounds <name> <rounds file> <reference url> <app url> [paths file] [app paths file]: ROUNDS rounds of
# wrk -t2 -c32 against the reference (nginx, or another server) and the app, alternating which goes first; one line
# per round (both results, the reference's as "nginx", and their ratio) to the file. The app's requests are the
# reference's unless a paths file of its own is given (servers whose addresses differ for the same requests).
alternate_rounds() {
  local name=$1 rounds=$2 nginx_url=$3 app_url=$4 paths=${5:-} app_paths=${6:-${5:-}} r nginx app
  : >"$rounds"
  for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) -eq 1 ]; then
      nginx=$(run_wrk 2 32 "$DURATION" "$nginx_url" "$paths")
      app=$(run_wrk 2 32 "$DURATION" "$app_url" "$app_paths")
    else
      app=$(run_wrk 2 32 "$DURATION" "$app_url" "$app_paths")
      nginx=$(run_wrk 2 32 "$DURATION" "$nginx_url" "$paths")
    fi
    jq -nc --argjson r "$r" --argjson n "$nginx" --argjson a "$app" \
      '{round: $r, ratio: ((($a.rps / $n.rps) * 10000 | round) / 10000), nginx: $n, app: $a}' >>"$rounds"
    log "$name round $r: app $(jq -r .rps <<<"$app") req/s, nginx $(jq -r .rps <<<"$nginx") req/s"
  done
}

# Cached answer against nginx serving the same bytes as a static file, in alternating rounds.
scenario_cached_vs_nginx() {
  local name=$1 path=$2 file=$3 status
  status=$(http_status "$APP_URL$path")
  [ "$status" = 200 ] || { record_unavailable "$name" "GET $path answered $status"; return 0; }
  local static="$NGINX_DIR/root/$file" headers="$WORK/$file.headers"
  curl -s -D "$headers" -o "$static" "$APP_URL$path"
  cmp -s <(curl -s "$NGINX_URL/$file") "$static" || { record_failed "$name" "nginx does not serve the app's bytes"; return 0; }
  local bytes etag cache_control
  bytes=$(stat -c %s "$static")
  etag=$(header_value "$headers" etag)
  cache_control=$(header_value "$headers" cache-control)
  warm_up 2 32 "$NGINX_URL/$file"
  warm_up 2 32 "$APP_URL$path"
  heap_sampler_start "$name"
  local rounds="$WORK/$name-rounds.ndjson"
  alternate_rounds "$name" "$rounds" "$NGINX_URL/$file" "$APP_URL$path"
  local peak
  peak=$(heap_sampler_stop)
  record "$name" "$(jq -s --arg path "$path" --argjson bytes "$bytes" --arg etag "$etag" --arg cc "$cache_control" \
    --arg peak "$peak" --argjson seconds "$DURATION" --arg app "$(jq -s -c 'map(.app)' "$rounds" | side_summary)" \
    --arg nginx "$(jq -s -c 'map(.nginx)' "$rounds" | side_summary)" "$JQ_MEDIAN"'
    ($app | fromjson) as $a | ($nginx | fromjson) as $n
    | (if $bytes <= 51200 then 0.7 else 0.9 end) as $target
    | {status: "ok", path: $path, bytes: $bytes, etag: (if $etag == "" then null else $etag end),
       cacheControl: (if $cc == "" then null else $cc end), threads: 2, connections: 32, secondsPerRun: $seconds,
       app: $a, nginx: $n, ratio: (($a.rps / $n.rps) | r4), roundRatios: map(.ratio),
       peakHeapMiB: (if $peak == "" then null else ($peak | tonumber) end),
       targets: {ratio: $target, p99Ms: 10},
       met: {ratio: (($a.rps / $n.rps) >= $target), p99: ($a.p99Ms < 10), errors: ($a.errors == 0)},
       rounds: .}' "$rounds")"
}

header_value() { tr -d '\r' <"$1" | awk -v name="$2" 'tolower($1) == name ":" { sub(/^[^:]*: */, ""); print; exit }'; }

# One endpoint under load after a warm-up: throughput, percentiles, errors, peak heap, into MEASURED.
# (Not run in a command substitution: the heap sampler it starts must stay known to this shell's cleanup.)
MEASURED=
measure_endpoint() {
  local name=$1 threads=$2 connections=$3 url=$4 paths=${5:-}
  warm_up "$threads" "$connections" "$url" "$paths"
  heap_sampler_start "$name"
  local result peak
  result=$(run_wrk "$threads" "$connections" "$DURATION" "$url" "$paths")
  peak=$(heap_sampler_stop)
  MEASURED=$(jq -c --arg peak "$peak" --argjson t "$threads" --argjson c "$connections" --argjson s "$DURATION" \
    '{threads: $t, connections: $c, seconds: $s, result: ., peakHeapMiB: (if $peak == "" then null else ($peak | tonumber) end)}' <<<"$result")
}

# startup_once <label> <launch> <snapshot folder>: one start of the app on the loaded fixture, stopped again;
# prints its JSON facts (seconds from launch to readiness UP and to the first figures).
startup_once() {
  local label=$1 launch=$2 folder=$3 ready figures
  APP_LAUNCH=$launch start_app "startup-$label" -Xmx512m PORTAL_DEMO_LOAD=false PORTAL_BULK_ENABLED=false \
    PORTAL_READ_MODEL_SNAPSHOT_DIRECTORY="$folder"
  ready=$(wait_ready)
  figures=$(wait_figures)
  [ "$label" = first ] && { wait_snapshot_kept "$folder" || log "startup: no snapshot kept in $folder"; }
  stop_app
  jq -n --arg name "$label" --argjson s "$ready" --argjson f "${figures% *}" --argjson status "${figures#* }" \
    '{launch: $name, seconds: $s, figuresSeconds: $f, summaryStatus: $status}'
}

# Start-up to the first figures, three ways, the fixture already in the database: "plain" (java -jar, nothing
# kept: the start of earlier builds), "first" (class data sharing, no kept snapshot: a new node) and "restart"
# (class data sharing and the snapshot the first start kept: a node restarted). The budget is the restart's.
scenario_startup() {
  local launch plain first restart
  launch=$(cds_launch)
  rm -rf "$WORK/startup-none" "$WORK/startup-kept"
  plain=$(APP_LAUNCH= startup_once plain "" "$WORK/startup-none")
  first=$(startup_once first "$launch" "$WORK/startup-kept")
  restart=$(startup_once restart "$launch" "$WORK/startup-kept")
  record startup "$(jq -n --argjson plain "$plain" --argjson first "$first" --argjson restart "$restart" '
    {status: "ok", seconds: $restart.seconds, figuresSeconds: $restart.figuresSeconds,
     summaryStatus: $restart.summaryStatus, runs: [$plain, $first, $restart],
     what: "launch to readiness probe UP (seconds) and to GET /api/v1/summary answering other than 503 (figuresSeconds), fixture already in the database; the restart (class data sharing, kept snapshot) is the figure, plain java -jar and a first start without a kept snapshot are reported beside it",
     targets: {figuresSeconds: 5}, met: {figures: ($restart.figuresSeconds < 5)}}')"
}

scenario_region_search() {
  local name=region_search path='/api/v1/regions?q=balik' status
  status=$(http_status "$APP_URL$path")
  [ "$status" = 200 ] || { record_unavailable "$name" "GET $path answered $status"; return 0; }
  local items
  items=$(curl -s "$APP_URL$path" | jq '(.items // []) | length' 2>/dev/null || echo null)
  measure_endpoint "$name" 2 32 "$APP_URL$path"
  record "$name" "$(jq <<<"$MEASURED" --arg path "$path" --argjson items "${items:-null}" \
    '{status: "ok", path: $path, itemsInAnswer: $items} + .
     + {targets: {note: "DESIGN.md section 6 sets none; issue #8: a few milliseconds, from memory"}}')"
}

# Activity search paths: bbox (about 0.5 degree around a program regency) + year + type, 100 rows, one a line, for
# every program regency that has drainage works in 2021 (also the activity searches of bench/mixed.sh).
activity_search_paths() {
  bench_psql -c "select format('/api/v1/activities?bbox=%s,%s,%s,%s&year=2021&type=drainage&limit=100',
        round(st_x(r.label_point)::numeric - 0.25, 4), round(st_y(r.label_point)::numeric - 0.25, 4),
        round(st_x(r.label_point)::numeric + 0.25, 4), round(st_y(r.label_point)::numeric + 0.25, 4))
      from region r
      join (select distinct left(village_code, 5) as code from activity where fiscal_year = 2021 and type = 'drainage') a
        using (code)
     where r.label_point is not null order by r.code"
}

# Activity search at one connection, cycling through activity_search_paths so results are not one cached answer.
scenario_activity_search() {
  local name=activity_search paths="$WORK/activity-paths.txt" first status
  activity_search_paths >"$paths"
  first=$(head -1 "$paths")
  [ -n "$first" ] || { record_failed "$name" "no program regency with drainage works in 2021 in the fixture"; return 0; }
  status=$(http_status "$APP_URL$first")
  [ "$status" = 200 ] || { record_unavailable "$name" "GET $first answered $status"; return 0; }
  local items
  items=$(curl -s "$APP_URL$first" | jq '(.items // .features // []) | length' 2>/dev/null || echo null)
  measure_endpoint "$name" 1 1 "$APP_URL$first" "$paths"
  record "$name" "$(jq <<<"$MEASURED" --arg path "$first" --argjson n "$(wc -l <"$paths")" --argjson items "${items:-null}" '
      {status: "ok", examplePath: $path, distinctQueries: $n, itemsInFirstAnswer: $items} + .
      + {targets: {p95Ms: 30}, met: {p95: (.result.p95Ms < 30), errors: (.result.totalErrors == 0)}}')"
}

# One refresh, back to back: trigger it and wait until the refresh counter moves; prints
# {"metricSeconds": (time the read model reports), "wallSeconds": (trigger to counter moved)}.
one_refresh() {
  local c0 s0 c1 s1 start deadline=$((SECONDS + 60))
  read -r c0 s0 <<<"$(refresh_metric)"
  start=$(now)
  trigger_refresh
  while :; do
    read -r c1 s1 <<<"$(refresh_metric)"
    [ "${c1:-0}" -gt "$c0" ] && break
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.05
  done
  jq -nc --argjson c0 "$c0" --argjson s0 "$s0" --argjson c1 "$c1" --argjson s1 "$s1" --arg wall "$(elapsed "$start" "$(now)")" \
    '{metricSeconds: ((($s1 - $s0) / ($c1 - $c0) * 1000 | round) / 1000), wallSeconds: ($wall | tonumber), refreshes: ($c1 - $c0)}'
}

refresh_unavailable_reason() {
  [ -n "$(refresh_metric)" ] && return 1
  echo "no read-model refresh timer on /actuator/prometheus (adapt refresh_metric in bench/lib/adapt.sh)"
}

scenario_refresh_time() {
  local name=read_model_refresh reason
  if reason=$(refresh_unavailable_reason); then record_unavailable "$name" "$reason"; return 0; fi
  local samples="$WORK/refresh-times.ndjson" i one
  : >"$samples"
  heap_sampler_start "$name"
  for i in $(seq 1 "$REFRESHES"); do
    one=$(one_refresh) || { heap_sampler_stop >/dev/null; record_failed "$name" "no refresh within 60 s of NOTIFY (adapt trigger_refresh in bench/lib/adapt.sh)"; return 0; }
    printf '%s\n' "$one" >>"$samples"
  done
  local peak
  peak=$(heap_sampler_stop)
  record "$name" "$(jq -s --arg peak "$peak" "$JQ_MEDIAN"' {status: "ok", refreshes: length,
    medianSeconds: (map(.metricSeconds) | median | r3), maxSeconds: (map(.metricSeconds) | max),
    medianWallSeconds: (map(.wallSeconds) | median | r3), samples: .,
    peakHeapMiB: (if $peak == "" then null else ($peak | tonumber) end),
    targets: {seconds: 3}, met: {seconds: ((map(.metricSeconds) | max) < 3)}}' "$samples")"
}

# Upload batches for p99_during_ingestion: the activities of one fiscal year in a few mid-sized program regencies
# (at national scale about 600 activities in some 40 villages each: a regency's periodic progress report), cut
# from the fixture's NDJSON export, each in two variants whose beneficiaryPeople differ, so that every upload
# changes the figures of all its villages. Prints how many.
REFRESH_BATCHES=4
prepare_refresh_batches() {
  local ndjson=$1 picks
  picks=$(bench_psql -c "select string_agg(code || ':' || year, ' ') from (
      select left(village_code, 5) as code, fiscal_year as year from activity group by 1, 2
      order by count(*) desc, 1, 2 offset (select count(distinct left(village_code, 5)) / 2 from activity)
      limit $REFRESH_BATCHES) r")
  [ -n "$picks" ] || return 1
  awk -v list="$picks" -v dir="$WORK" '
    BEGIN { n = split(list, codes, " "); for (i = 1; i <= n; i++) index_of[codes[i]] = i }
    match($0, /"village":"[0-9][0-9]\.[0-9][0-9]/) {
      code = substr($0, RSTART + 11, 5)
      if (match($0, /"fiscalYear":[0-9]+/)) {
        key = code ":" substr($0, RSTART + 13, RLENGTH - 13)
        if (key in index_of) print > (dir "/refresh-batch-" index_of[key] ".ndjson")
      }
    }' "$ndjson"
  local i
  for i in $(seq 1 "$REFRESH_BATCHES"); do
    [ -s "$WORK/refresh-batch-$i.ndjson" ] || return 1
    jq -c '.beneficiaryPeople = ((.beneficiaryPeople // 0) + 1)' "$WORK/refresh-batch-$i.ndjson" >"$WORK/refresh-batch-$i-a.ndjson"
    jq -c '.beneficiaryPeople = ((.beneficiaryPeople // 0) + 2)' "$WORK/refresh-batch-$i.ndjson" >"$WORK/refresh-batch-$i-b.ndjson"
  done
  echo "$REFRESH_BATCHES"
}

# Background loads that make refreshes run back to back until "$WORK/stop-refreshes" exists. Each keeps one psql
# session (or one curl at a time) busy, so that the harness itself costs as little as possible: no process per
# refresh, no polling of the app.

# Commits as an ingestion does (refresh_commit_sql), every REFRESH_PACE seconds, for the regencies in turn.
refresh_commits() {
  local villages i=0
  read -r -a villages <<<"$(bench_psql -c "select string_agg(villages, ' ') from (
      select string_agg(distinct village_code, ',') as villages from activity_village_year
      group by left(village_code, 5) order by count(*) desc, left(village_code, 5) limit 8) r")"
  while [ ! -e "$WORK/stop-refreshes" ]; do
    refresh_commit_sql "${villages[$((i % ${#villages[@]}))]}"
    i=$((i + 1))
    sleep "$REFRESH_PACE"
  done | bench_psql >/dev/null
}

# Asks for a whole rebuild every half second (they coalesce: one runs while the next waits).
refresh_rebuilds() {
  while [ ! -e "$WORK/stop-refreshes" ]; do
    echo "select pg_notify('read_model', 'rebuild');"
    sleep 0.5
  done | bench_psql >/dev/null
}

# Uploads the refresh batches one after another (regencies in turn, variants alternating), through the API.
refresh_uploads() {
  local turn=0 batch variant
  while [ ! -e "$WORK/stop-refreshes" ]; do
    batch=$((turn % REFRESH_BATCHES + 1))
    variant=$([ $((turn / REFRESH_BATCHES % 2)) = 0 ] && echo a || echo b)
    curl -s -o /dev/null --max-time 120 -X POST -T "$WORK/refresh-batch-$batch-$variant.ndjson" \
      -H 'Content-Type: application/x-ndjson' -H "Authorization: Bearer $INGEST_KEY" -H 'Expect:' \
      "$APP_URL$INGEST_PATH" || sleep 0.5
    turn=$((turn + 1))
  done
}

# Counts of the read model's refreshes by kind (patch, whole), from /actuator/prometheus: prints "<patch> <whole>".
refresh_kinds() {
  curl -s --max-time 5 "$APP_URL/actuator/prometheus" | awk '
    /^portal_read_model_refreshes_total/ && /kind="patch"/ { p += $NF }
    /^portal_read_model_refreshes_total/ && /kind="whole"/ { w += $NF }
    END { printf "%d %d\n", p, w }'
}

# Public p99 while refreshes run back to back, against the same endpoint idle, in alternating rounds:
# refresh_p99 <name> <background load that refreshes> <what drives them> <whether the ratio target applies>.
refresh_p99() {
  local name=$1 refresh=$2 what=$3 targeted=$4 path=/api/v1/summary status
  status=$(http_status "$APP_URL$path")
  [ "$status" = 200 ] || { record_unavailable "$name" "GET $path answered $status"; return 0; }
  local rounds="$WORK/$name-rounds.ndjson" r idle during loop c0 c1 s0 s1 n k0 k1
  : >"$rounds"
  warm_up 2 32 "$APP_URL$path"
  for r in $(seq 1 "$ROUNDS"); do
    idle=$(run_wrk 2 32 "$DURATION" "$APP_URL$path")
    read -r c0 s0 <<<"$(refresh_metric)"
    read -r -a k0 <<<"$(refresh_kinds)"
    rm -f "$WORK/stop-refreshes"
    $refresh &
    loop=$!
    remember_pid "$loop"
    during=$(run_wrk 2 32 "$DURATION" "$APP_URL$path")
    touch "$WORK/stop-refreshes"
    wait "$loop" 2>/dev/null || true
    read -r c1 s1 <<<"$(refresh_metric)"
    read -r -a k1 <<<"$(refresh_kinds)"
    n=$((c1 - c0))
    jq -nc --argjson r "$r" --argjson i "$idle" --argjson d "$during" --argjson n "$n" \
      --argjson patched "$((k1[0] - k0[0]))" --argjson whole "$((k1[1] - k0[1]))" \
      --argjson seconds "$(jq -n --argjson s0 "$s0" --argjson s1 "$s1" --argjson n "$n" 'if $n > 0 then ($s1 - $s0) / $n else null end')" \
      '{round: $r, refreshesDuring: $n, patched: $patched, whole: $whole, meanRefreshSeconds: $seconds, idle: $i, during: $d}' >>"$rounds"
    log "$name round $r: p99 idle $(jq -r .p99Ms <<<"$idle") ms, during $n refreshes $(jq -r .p99Ms <<<"$during") ms"
  done
  if [ "$(jq -s 'map(.refreshesDuring) | add' "$rounds")" -eq 0 ]; then
    record_failed "$name" "no refresh completed while the load ran"
    return 0
  fi
  record "$name" "$(jq -s --arg path "$path" --arg what "$what" --argjson targeted "$targeted" \
    --arg idle "$(jq -s -c 'map(.idle)' "$rounds" | side_summary)" \
    --arg during "$(jq -s -c 'map(.during)' "$rounds" | side_summary)" "$JQ_MEDIAN"'
    ($idle | fromjson) as $i | ($during | fromjson) as $d
    | {status: "ok", path: $path, refreshes: $what, threads: 2, connections: 32, secondsPerRun: '"$DURATION"',
       refreshesDuring: (map(.refreshesDuring) | add), patched: (map(.patched) | add), whole: (map(.whole) | add),
       meanRefreshSeconds: (map(.meanRefreshSeconds | select(. != null)) | if length > 0 then (add / length * 1000 | round) / 1000 else null end),
       idle: $i, during: $d, p99Ratio: (($d.p99Ms / $i.p99Ms) | r4),
       targets: (if $targeted then {p99Ratio: 2, errors: 0} else {errors: 0} end),
       met: ({errors: ($d.errors == 0)} + (if $targeted then {p99Ratio: (($d.p99Ms / $i.p99Ms) <= 2)} else {} end)),
       rounds: .}' "$rounds")"
}

# p99 while refreshes run back to back, each after a commit that changed the villages of one regency (as an
# ingestion commit leaves them; see refresh_commit_sql in adapt.sh): the refreshes patch the snapshot.
scenario_refresh_p99() {
  local name=p99_during_refresh reason
  if reason=$(refresh_unavailable_reason); then record_unavailable "$name" "$reason"; return 0; fi
  refresh_p99 "$name" refresh_commits \
    "one every $REFRESH_PACE s at most, each after a commit of the villages of one of 8 program regencies in turn (batch record, change log, NOTIFY: refresh_commit_sql in adapt.sh)" true
}

# The same while real uploads (about 600 activities of one regency and year each) and their refreshes run back to
# back: what an ingestion's own work adds. Reported, no target.
scenario_ingestion_p99() {
  local name=p99_during_ingestion ndjson=$1 reason
  if reason=$(refresh_unavailable_reason); then record_unavailable "$name" "$reason"; return 0; fi
  reason=$(ingest_unavailable_reason)
  [ -z "$reason" ] || { record_unavailable "$name" "$reason"; return 0; }
  [ -s "$ndjson" ] || { record_unavailable "$name" "no NDJSON export of the fixture's activities at $ndjson"; return 0; }
  INGEST_KEY=${INGEST_KEY:-$(create_ingest_key)}
  [ -n "$INGEST_KEY" ] || { record_unavailable "$name" "no ingestion API key (see $WORK/create-key.log)"; return 0; }
  prepare_refresh_batches "$ndjson" >/dev/null || { record_failed "$name" "could not cut upload batches from $ndjson"; return 0; }
  refresh_p99 "$name" refresh_uploads \
    "uploads one after another through the ingestion API, each of the activities of one program regency in one fiscal year ($(wc -l <"$WORK/refresh-batch-1.ndjson") rows in the first), and the refreshes they cause" false
}

# The same while whole rebuilds run back to back (start-up, changed regions): reported, no target.
scenario_rebuild_p99() {
  local name=p99_during_rebuild reason
  if reason=$(refresh_unavailable_reason); then record_unavailable "$name" "$reason"; return 0; fi
  refresh_p99 "$name" refresh_rebuilds "whole rebuilds back to back (NOTIFY read_model, 'rebuild')" false
}
