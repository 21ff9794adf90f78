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

# alternate_rounds <name> <rounds file> <nginx url> <app url> [paths file]: ROUNDS rounds of wrk -t2 -c32 against
# nginx and the app, alternating which goes first; one line per round (both results and their ratio) to the file.
alternate_rounds() {
  local name=$1 rounds=$2 nginx_url=$3 app_url=$4 paths=${5:-} r nginx app
  : >"$rounds"
  for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) -eq 1 ]; then
      nginx=$(run_wrk 2 32 "$DURATION" "$nginx_url" "$paths")
      app=$(run_wrk 2 32 "$DURATION" "$app_url" "$paths")
    else
      app=$(run_wrk 2 32 "$DURATION" "$app_url" "$paths")
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

# Activity search: bbox (about 0.5 degree around a program regency) + year + type, 100 rows, one client,
# cycling through every program regency that has drainage works in 2021 so results are not one cached answer.
scenario_activity_search() {
  local name=activity_search paths="$WORK/activity-paths.txt" first status
  bench_psql -c "select format('/api/v1/activities?bbox=%s,%s,%s,%s&year=2021&type=drainage&limit=100',
        round(st_x(r.label_point)::numeric - 0.25, 4), round(st_y(r.label_point)::numeric - 0.25, 4),
        round(st_x(r.label_point)::numeric + 0.25, 4), round(st_y(r.label_point)::numeric + 0.25, 4))
      from region r
      join (select distinct left(village_code, 5) as code from activity where fiscal_year = 2021 and type = 'drainage') a
        using (code)
     where r.label_point is not null order by r.code" >"$paths"
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

# Public p99 while refreshes run back to back, against the same endpoint idle, in alternating rounds.
scenario_refresh_p99() {
  local name=p99_during_refresh path=/api/v1/summary reason status
  if reason=$(refresh_unavailable_reason); then record_unavailable "$name" "$reason"; return 0; fi
  status=$(http_status "$APP_URL$path")
  [ "$status" = 200 ] || { record_unavailable "$name" "GET $path answered $status"; return 0; }
  local rounds="$WORK/$name-rounds.ndjson" r idle during loop c0 c1 n
  : >"$rounds"
  warm_up 2 32 "$APP_URL$path"
  for r in $(seq 1 "$ROUNDS"); do
    idle=$(run_wrk 2 32 "$DURATION" "$APP_URL$path")
    read -r c0 _ <<<"$(refresh_metric)"
    (while :; do one_refresh >/dev/null || sleep 0.5; done) &
    loop=$!
    remember_pid "$loop"
    during=$(run_wrk 2 32 "$DURATION" "$APP_URL$path")
    stop_pid "$loop"
    read -r c1 _ <<<"$(refresh_metric)"
    n=$((c1 - c0))
    jq -nc --argjson r "$r" --argjson i "$idle" --argjson d "$during" --argjson n "$n" \
      '{round: $r, refreshesDuring: $n, idle: $i, during: $d}' >>"$rounds"
    log "$name round $r: p99 idle $(jq -r .p99Ms <<<"$idle") ms, during $n refreshes $(jq -r .p99Ms <<<"$during") ms"
  done
  if [ "$(jq -s 'map(.refreshesDuring) | add' "$rounds")" -eq 0 ]; then
    record_failed "$name" "no refresh completed while the load ran (adapt trigger_refresh in bench/lib/adapt.sh)"
    return 0
  fi
  record "$name" "$(jq -s --arg path "$path" --arg idle "$(jq -s -c 'map(.idle)' "$rounds" | side_summary)" \
    --arg during "$(jq -s -c 'map(.during)' "$rounds" | side_summary)" "$JQ_MEDIAN"'
    ($idle | fromjson) as $i | ($during | fromjson) as $d
    | {status: "ok", path: $path, threads: 2, connections: 32, secondsPerRun: '"$DURATION"',
       refreshesDuring: (map(.refreshesDuring) | add), idle: $i, during: $d,
       p99Ratio: (($d.p99Ms / $i.p99Ms) | r4), targets: {p99Ratio: 2, errors: 0},
       met: {p99Ratio: (($d.p99Ms / $i.p99Ms) <= 2), errors: ($d.errors == 0)}, rounds: .}' "$rounds")"
}
