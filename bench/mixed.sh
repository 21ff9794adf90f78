#!/usr/bin/env bash
# The mixed load benchmark (issue 14, item 7 "Load"; see bench/README.md):
#
#   bash bench/mixed.sh           national-scale fixture (about 1,090,000 activities), BENCH_DB [kotaku_bench]
#   bash bench/mixed.sh --quick   demo-scale fixture and short runs in its own database, a check that the harness works
#
# A public mix (summary, regency progress, activity searches, vector tiles, OGC items; wrk -t2 -c32 cycling through
# a list of paths in bench/work/) in rounds: idle; during one full ingestion of the fixture's NDJSON file (every
# row changed: the rounds alternate a copy whose beneficiaryPeople are one higher and the original, so an even
# number of rounds leaves the fixture as it was) with the refreshes it causes, for as long as the upload takes; and
# while 100 slow clients (bench/slowloris.py) hold connections with incomplete request headers. Counts answers by
# status class and socket errors, samples the heap of the -Xmx512m app. Writes bench/results/mixed-latest.json and
# .md (a --quick run: bench/work/mixed-quick.*). Reuses the harness of bench/run.sh (bench/lib), its database
# (BENCH_REUSE_DB=yes keeps a loaded fixture), port (BENCH_APP_PORT [18086]) and key (BENCH_INGEST_KEY). A --quick
# run uses BENCH_DB [kotaku_mixed_quick] and drops it afterwards unless BENCH_REUSE_DB=yes. Never run it beside a
# build.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
CHOSEN_DB=${BENCH_DB:-}
# shellcheck source=/dev/null
. "$BENCH_DIR/lib/env.sh"
RESULTS_DIR="$WORK/mixed-results"
REUSE_DB=${BENCH_REUSE_DB:-no}
if [ "$MODE" = quick ]; then
  # never the national database: a quick run recreates its own
  BENCH_DB=${CHOSEN_DB:-kotaku_mixed_quick}
  SCALE=demo WARMUP_SECONDS=3 DURATION=5 ROUNDS=2 LOAD_TIMEOUT=300 INGEST_TIMEOUT=300 SLOW_SECONDS=25 PER_KIND=20
  RESULTS_BASE=$WORK/mixed-quick
else
  SCALE=national WARMUP_SECONDS=20 DURATION=20 ROUNDS=2 LOAD_TIMEOUT=900 INGEST_TIMEOUT=900 SLOW_SECONDS=90 PER_KIND=60
  RESULTS_BASE=$OUT_DIR/mixed-latest
fi
INGEST_TIMEOUT=${BENCH_INGEST_TIMEOUT:-$INGEST_TIMEOUT}
SLOW_CONNECTIONS=100 SLOW_INTERVAL=3 SLOW_CHUNK=4
# every answer of the mix is counted by status class (wrk/report.lua)
export BENCH_STATUSES=yes

for lib in common setup app fixture nginx load adapt scenarios geodata ingest report; do
  # shellcheck source=/dev/null
  . "$BENCH_DIR/lib/$lib.sh"
done

DROP_DB=no
drop_quick_database() {
  [ "$DROP_DB" = yes ] || return 0
  log "dropping database $BENCH_DB"
  runuser -u postgres -- dropdb --if-exists --force "$BENCH_DB" || true
}
trap 'cleanup; drop_quick_database' EXIT
trap 'exit 130' INT TERM

MIX="$WORK/mixed-paths.txt"

# PER_KIND lines: the argument repeated, or the first of stdin (read to the end: no SIGPIPE under pipefail)
repeat_line() { awk -v n="$PER_KIND" -v line="$1" 'BEGIN { for (i = 0; i < n; i++) print line }'; }
first_lines() { awk -v n="$PER_KIND" 'NR <= n'; }

# The mix, one path a line, the five kinds interleaved (each about a fifth of the requests): the summary, the
# regencies' progress, activity searches around program regencies, vector tiles of activities and regions at zoom
# 8, 11 and 14 at the versioned URLs of the current TileJSON, OGC items by bbox (100 a page). Written again before
# every round: an ingestion makes the tile URLs of the previous version redirects.
write_mix() {
  local kind="$WORK/mixed-kind" layer template z
  repeat_line /api/v1/summary >"$kind-summary.txt"
  repeat_line '/api/v1/progress?level=2' >"$kind-progress.txt"
  activity_search_paths | first_lines >"$kind-activities.txt"
  : >"$kind-tiles.txt"
  for layer in activities regions; do
    template=$(tile_template "$layer") || die "the TileJSON of $layer names no tile URL on $APP_URL"
    for z in 8 11 14; do tile_paths "$layer" "$template" "$z" $(((PER_KIND + 5) / 6)) >>"$kind-tiles.txt"; done
  done
  ogc_items_paths | first_lines >"$kind-ogc.txt"
  paste -d '\n' "$kind-summary.txt" "$kind-progress.txt" "$kind-activities.txt" "$kind-tiles.txt" "$kind-ogc.txt" |
    awk 'NF' >"$MIX"
  local k path status
  for k in summary progress activities tiles ogc; do
    path=$(head -1 "$kind-$k.txt")
    [ -n "$path" ] || die "no $k path in the fixture"
    status=$(http_status "$APP_URL$path")
    [ "$status" = 200 ] || die "GET $path answered $status"
  done
}

# Facts of the mix: requests per kind in the list, and an example of each
mix_facts() {
  local kind="$WORK/mixed-kind"
  jq -n --argjson lines "$(wc -l <"$MIX")" \
    --arg summary "$(head -1 "$kind-summary.txt")" --arg progress "$(head -1 "$kind-progress.txt")" \
    --arg activities "$(head -1 "$kind-activities.txt")" --arg tiles "$(head -1 "$kind-tiles.txt")" \
    --arg ogc "$(head -1 "$kind-ogc.txt")" \
    --argjson counts "$(for k in summary progress activities tiles ogc; do printf '{"%s": %d}\n' "$k" "$(grep -c . "$kind-$k.txt")"; done | jq -s add)" \
    '{paths: $lines, perKind: $counts, examples: {summary: $summary, progress: $progress, activitySearch: $activities,
      tile: $tiles, ogcItems: $ogc}}'
}

mix_round() { run_wrk 2 32 "$DURATION" "$APP_URL/" "$MIX"; }

# The mix with nothing else running, into IDLE
IDLE=
idle_round() {
  write_mix
  IDLE=$(mix_round)
  log "round $1 idle: $(jq -r '"\(.rps) req/s, p99 \(.p99Ms) ms"' <<<"$IDLE")"
}

# The file of round $1's full ingestion: odd rounds upload the changed copy, even ones the original (every row
# changes each time; after an even number of rounds the database holds the fixture's values again).
upload_file() { if [ $(($1 % 2)) -eq 1 ]; then echo "$CHANGED"; else echo "$NDJSON"; fi; }

# The copy of the fixture's NDJSON with every beneficiaryPeople one higher (kept while newer than the original)
write_changed_copy() {
  if [ -s "$CHANGED" ] && [ "$CHANGED" -nt "$NDJSON" ]; then return 0; fi
  log "writing $CHANGED (every beneficiaryPeople + 1)"
  perl -pe 's/"beneficiaryPeople":(\d+)/"beneficiaryPeople":@{[$1 + 1]}/' "$NDJSON" >"$CHANGED.tmp"
  mv "$CHANGED.tmp" "$CHANGED"
}

# Waits (120 s at most) until the summary serves data version $1 or newer: the refresh after a batch.
wait_data_version() {
  local version=$1 deadline=$((SECONDS + 120))
  until [ "$(summary_data_version)" -ge "$version" ] 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.5; done
  summary_data_version
}

# One round of the mix during a full upload; the round's result object goes to DURING.
DURING=
ingestion_round() {
  local r=$1 file upload_pid out="$WORK/mixed-upload-$1.json" c0 s0 c1 s1 k0 k1 version served
  file=$(upload_file "$r")
  read -r c0 s0 <<<"$(refresh_metric)"
  read -r -a k0 <<<"$(refresh_kinds)"
  log "round $r: uploading $(basename "$file") ($ROWS rows) while the mix runs"
  # the upload in a subshell of its own, whose post_ndjson samples the heap and is stopped by its own cleanup
  (
    STARTED_PIDS=()
    trap cleanup EXIT
    post_ndjson "mixed-$r" "$file" "$ROWS" "$INGEST_KEY"
    printf '%s\n' "$POSTED" >"$out"
  ) &
  upload_pid=$!
  remember_pid "$upload_pid"
  run_wrk_while "$upload_pid" 2 32 "$INGEST_TIMEOUT" "$APP_URL/" "$MIX"
  wait "$upload_pid" 2>/dev/null || true
  [ -s "$out" ] || die "the upload of round $r left no result"
  version=$(jq -r '.answer.dataVersion // 0' "$out")
  served=$(wait_data_version "$version")
  read -r c1 s1 <<<"$(refresh_metric)"
  read -r -a k1 <<<"$(refresh_kinds)"
  DURING=$(jq -c --arg file "$(basename "$file")" --argjson wrk "$WRK_RESULT" --argjson served "${served:-0}" \
    --argjson refreshes "$((${c1:-0} - ${c0:-0}))" --argjson patched "$((${k1[0]:-0} - ${k0[0]:-0}))" \
    --argjson whole "$((${k1[1]:-0} - ${k0[1]:-0}))" '
    {file: $file, upload: ., mix: $wrk, refreshes: $refreshes, patched: $patched, whole: $whole,
     servedDataVersionAfter: $served}' "$out")
  log "round $r during ingestion: $(jq -r '"upload HTTP \(.upload.httpStatus) in \(.upload.seconds) s (\(.upload.answer.rowsUpdated // "?") rows updated), mix \(.mix.rps) req/s, p99 \(.mix.p99Ms) ms, 5xx \(.mix.statuses."5xx"), timeouts \(.mix.errors.timeout)"' <<<"$DURING")"
}

# Established connections to the app's port (as the kernel sees them)
established() { ss -Htn state established "( sport = :$APP_PORT )" 2>/dev/null | wc -l; }

# One round of the mix while SLOW_CONNECTIONS slow clients hold incomplete requests; the object goes to SLOW.
SLOW=
slow_round() {
  local r=$1 slow_pid out="$WORK/mixed-slowloris-$1.json" before during wrk fresh
  before=$(established)
  python3 "$BENCH_DIR/slowloris.py" --port "$APP_PORT" --connections "$SLOW_CONNECTIONS" --seconds "$SLOW_SECONDS" \
    --interval "$SLOW_INTERVAL" --chunk "$SLOW_CHUNK" >"$out" &
  slow_pid=$!
  remember_pid "$slow_pid"
  sleep 3
  during=$(established)
  wrk=$(mix_round)
  # a new connection while the slow ones are still there: answered within 5 s?
  fresh=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 5 "$APP_URL/api/v1/summary" || true)
  [ -n "$fresh" ] || fresh="000 5"
  wait "$slow_pid" 2>/dev/null || true
  [ -s "$out" ] || die "bench/slowloris.py left no result"
  SLOW=$(jq -c --argjson wrk "$wrk" --argjson before "$before" --argjson during "$during" \
    --argjson status "$((10#${fresh%% *}))" --argjson seconds "${fresh##* }" '
    {mix: $wrk, slowClients: ., establishedBefore: $before, establishedDuring: $during,
     freshRequest: {status: $status, seconds: $seconds}}' "$out")
  log "round $r slow clients: $(jq -r '"mix \(.mix.rps) req/s, p99 \(.mix.p99Ms) ms; \(.slowClients.opened) slow connections, \(.slowClients.openAtEnd) still open after \(.slowClients.seconds) s, \(.slowClients.closedByServer) closed by the server"' <<<"$SLOW")"
}

main() {
  local started_at
  started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  log "$MODE mixed run: $SCALE fixture, app $APP_URL, database $BENCH_DB"
  [ "$(http_status "$APP_URL/" 2)" = 000 ] || die "something already listens on $APP_URL; set BENCH_APP_PORT"
  ensure_tools
  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR" "$OUT_DIR" "$(dirname "$RESULTS_BASE")"
  build_app
  NDJSON="$WORK/activities-$SCALE.ndjson" CHANGED="$WORK/activities-$SCALE-changed.ndjson"
  if [ "$MODE" = quick ] && ! { [ "$REUSE_DB" = yes ] && fixture_present; }; then DROP_DB=yes; fi
  prepare_fixture "$NDJSON"
  ROWS=$(wc -l <"$NDJSON")
  write_changed_copy
  local machine
  machine=$(machine_facts)

  start_app mixed -Xmx512m PORTAL_DEMO_LOAD=false PORTAL_BULK_ENABLED=false
  wait_ready >/dev/null
  wait_figures >/dev/null
  [ -z "$(ingest_unavailable_reason)" ] || die "no ingestion endpoint: $(ingest_unavailable_reason)"
  [ -n "$(refresh_metric)" ] || die "no read-model refresh timer on /actuator/prometheus"
  INGEST_KEY=${INGEST_KEY:-$(create_ingest_key)}
  [ -n "$INGEST_KEY" ] || die "no ingestion key (see $WORK/create-key.log)"
  write_mix
  local mix
  mix=$(mix_facts)
  log "mix of $(jq -r .paths <<<"$mix") paths; warm-up $WARMUP_SECONDS s, then $ROUNDS rounds of idle (first, then last), during ingestion, slow clients"
  warm_up 2 32 "$APP_URL/" "$MIX"
  local heap_start rounds="$RESULTS_DIR/rounds.ndjson" r
  heap_start=$(awk -v b="$(heap_used_bytes)" 'BEGIN { printf "%.1f", b / 1048576 }')
  heap_sampler_start mixed
  : >"$rounds"
  # odd rounds measure idle first, even rounds last, so that neither the warm-up nor the machine's drift favours it
  for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) -eq 1 ]; then idle_round "$r"; fi
    ingestion_round "$r"
    write_mix
    slow_round "$r"
    if [ $((r % 2)) -eq 0 ]; then idle_round "$r"; fi
    jq -nc --argjson r "$r" --argjson idle "$IDLE" --argjson during "$DURING" --argjson slow "$SLOW" \
      '{round: $r, idle: $idle, duringIngestion: $during, slowClients: $slow}' >>"$rounds"
  done
  local peak heap_end alive=true oom
  peak=$(heap_sampler_stop)
  heap_end=$(awk -v b="$(heap_used_bytes)" 'BEGIN { printf "%.1f", b / 1048576 }')
  app_alive || alive=false
  oom=$(grep -c 'OutOfMemoryError' "$APP_LOG" || true)
  stop_app

  jq -s --arg started "$started_at" --arg finished "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg mode "$MODE" \
    --arg scale "$SCALE" --arg db "$BENCH_DB" --argjson machine "$machine" --argjson mix "$mix" \
    --arg commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)" --argjson rows "$ROWS" \
    --argjson seconds "$DURATION" --argjson warmup "$WARMUP_SECONDS" --argjson slowSeconds "$SLOW_SECONDS" \
    --argjson slowConnections "$SLOW_CONNECTIONS" --argjson interval "$SLOW_INTERVAL" --argjson chunk "$SLOW_CHUNK" \
    --argjson ingestTimeout "$INGEST_TIMEOUT" --arg peak "$peak" --argjson heapStart "${heap_start:-null}" \
    --argjson heapEnd "${heap_end:-null}" --argjson alive "$alive" --argjson oom "${oom:-0}" \
    --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" "$JQ_MEDIAN"'
    def side: {rps: (map(.rps) | median | r3), p50Ms: (map(.p50Ms) | median | r3), p99Ms: (map(.p99Ms) | median | r3),
      maxP99Ms: (map(.p99Ms) | max), requests: (map(.requests) | add), seconds: (map(.seconds) | add | r3),
      statuses: {"2xx": (map(.statuses."2xx") | add), "3xx": (map(.statuses."3xx") | add),
                 "4xx": (map(.statuses."4xx") | add), "5xx": (map(.statuses."5xx") | add),
                 other: (map(.statuses.other) | add)},
      notOk: (map(.statuses."4xx" + .statuses."5xx" + .statuses.other) | add),
      socketErrors: {connect: (map(.errors.connect) | add), read: (map(.errors.read) | add),
                     write: (map(.errors.write) | add), timeout: (map(.errors.timeout) | add)}};
    . as $rounds
    | ($rounds | map(.idle) | side) as $idle
    | ($rounds | map(.duringIngestion.mix) | side) as $during
    | ($rounds | map(.slowClients.mix) | side) as $slow
    | ($rounds | map(.duringIngestion.upload)) as $uploads
    | ($rounds | map(.slowClients.slowClients)) as $clients
    | (if $peak == "" then null else ($peak | tonumber) end) as $peakMiB
    | ([$uploads[].peakHeapMiB | select(. != null)] + [$peakMiB | select(. != null)] | max) as $heapPeak
    | {mode: $mode, commit: $commit, startedAt: $started, finishedAt: $finished, scale: $scale, database: $db,
       machine: ($machine + {loadAverageAtEnd: $load}),
       settings: {threads: 2, connections: 32, secondsPerIdleOrSlowRound: $seconds, warmUpSeconds: $warmup,
                  rounds: ($rounds | length), appHeap: "-Xmx512m", wrkTimeoutSeconds: 5, uploadRows: $rows,
                  uploadTimeoutSeconds: $ingestTimeout, slowConnections: $slowConnections, slowSeconds: $slowSeconds,
                  slowIntervalSeconds: $interval, slowBytesPerTrickle: $chunk},
       mix: $mix, idle: $idle, duringIngestion: $during, slowClients: $slow,
       p99Ratios: {duringIngestion: (($during.p99Ms / $idle.p99Ms) | r4), slowClients: (($slow.p99Ms / $idle.p99Ms) | r4)},
       uploads: ($uploads | map({upload, httpStatus, ok, seconds, rowsPerSecond, peakHeapMiB, unfinished,
                                 rowsUpdated: .answer.rowsUpdated, rowsUnchanged: .answer.rowsUnchanged,
                                 dataVersion: .answer.dataVersion})),
       refreshesAfterUploads: ($rounds | map(.duringIngestion | {refreshes, patched, whole, servedDataVersionAfter})),
       slowConnectionsSeen: {opened: ($clients | map(.opened) | add), refused: ($clients | map(.refused) | add),
                             openAtEnd: ($clients | map(.openAtEnd) | add),
                             closedByServer: ($clients | map(.closedByServer) | add),
                             resetByServer: ($clients | map(.resetByServer) | add),
                             answered: ($clients | map(.answered) | add),
                             answerFirstLines: ($clients | map(.answerFirstLines[]) | unique),
                             heldSeconds: ($clients | map(.seconds)), maxBytesSent: ($clients | map(.maxBytesSent) | max),
                             closedAfterSeconds: ($clients | map(.closedAfterSeconds)),
                             establishedDuring: ($rounds | map(.slowClients.establishedDuring)),
                             freshRequests: ($rounds | map(.slowClients.freshRequest))},
       heap: {startMiB: $heapStart, peakMiB: $heapPeak, endMiB: $heapEnd, appAliveAfter: $alive,
              outOfMemoryErrorsInAppLog: $oom},
       targets: {fiveXx: 0, unanswered: "0 (wrk socket timeouts at 5 s, and no read/connect errors)",
                 p99DuringIngestion: "reported against idle (no ratio set)", p99SlowClientsRatio: 2,
                 heap: "-Xmx512m, flat: no OutOfMemoryError, app up, peak under 512 MiB",
                 uploads: "every upload 2xx"},
       met: {fiveXx: (($idle.statuses."5xx" + $during.statuses."5xx" + $slow.statuses."5xx") == 0),
             unanswered: (([$idle, $during, $slow] | map(.socketErrors | .timeout + .read + .connect) | add) == 0),
             slowClientsP99: (($slow.p99Ms / $idle.p99Ms) <= 2),
             responsiveWithSlowClients: ($rounds | all(.slowClients.freshRequest.status == 200)),
             heap: ($alive and $oom == 0 and ($heapPeak // 0) < 512),
             uploads: ($uploads | all(.ok))},
       rounds: $rounds}' "$rounds" >"$RESULTS_BASE.json"
  write_mixed_markdown "$RESULTS_BASE.json" >"$RESULTS_BASE.md"
  log "done: $RESULTS_BASE.md"
}

write_mixed_markdown() {
  jq -r '
    def yn: if . then "met" else "**not met**" end;
    def row($name): "| \($name) | \(.rps) | \(.p50Ms) | \(.p99Ms) | \(.maxP99Ms) | \(.requests) | \(.statuses."3xx") | \(.notOk) | \(.statuses."5xx") | \(.socketErrors | "\(.connect)/\(.read)/\(.write)/\(.timeout)") |";
    "# Mixed load benchmark (\(.mode), \(.scale) fixture), \(.startedAt)\n",
    "`bash bench/mixed.sh\(if .mode == "quick" then " --quick" else "" end)` (bench/README.md), commit \(.commit), database \(.database). Machine: \(.machine.cpu), \(.machine.cores) cores, load average \(.machine.loadAverageAtStart) at start, \(.machine.loadAverageAtEnd) at end.\n",
    "Mix: wrk -t2 -c32 (timeout 5 s) cycling through \(.mix.paths) paths, the five kinds interleaved (\(.mix.perKind | to_entries | map("\(.key) \(.value)") | join(", "))), e.g. `\(.mix.examples.activitySearch)`, `\(.mix.examples.tile)`, `\(.mix.examples.ogcItems)`. App at -Xmx512m, rate limiter off. \(.settings.rounds) rounds, each: idle (\(.settings.secondsPerIdleOrSlowRound) s), during one full upload of \(.settings.uploadRows) activities (every row changed, for as long as the upload takes, at most \(.settings.uploadTimeoutSeconds) s), and with \(.settings.slowConnections) slow clients (\(.settings.secondsPerIdleOrSlowRound) s of mix while they trickle \(.settings.slowBytesPerTrickle) bytes every \(.settings.slowIntervalSeconds) s of an unfinished header for \(.settings.slowSeconds) s).\n",
    "## Results (medians over rounds; counts summed)\n",
    "| round kind | req/s | p50 ms | p99 ms | worst p99 ms | requests | 3xx | not 2xx/3xx | 5xx | socket errors connect/read/write/timeout |",
    "|---|---|---|---|---|---|---|---|---|---|",
    (.idle | row("idle")), (.duringIngestion | row("during ingestion")), (.slowClients | row("slow clients")),
    "\np99 during ingestion / idle: **\(.p99Ratios.duringIngestion)**; with slow clients / idle: **\(.p99Ratios.slowClients)**.\n",
    "## Uploads during the mix\n",
    "| upload | HTTP | seconds | rows/s | rows updated | data version | peak heap MiB | refreshes after (patch/whole) |", "|---|---|---|---|---|---|---|---|",
    ([.uploads, .refreshesAfterUploads] | transpose[] | "| \(.[0].upload) | \(.[0].httpStatus) | \(.[0].seconds) | \(.[0].rowsPerSecond) | \(.[0].rowsUpdated) | \(.[0].dataVersion) | \(.[0].peakHeapMiB) | \(.[1].refreshes) (\(.[1].patched)/\(.[1].whole)) |"),
    "\n## How the app treats the slow connections\n",
    (.slowConnectionsSeen | "Opened \(.opened) (refused \(.refused)); held for \(.heldSeconds | map(tostring) | join(" s, ")) s, up to \(.maxBytesSent) bytes of an unfinished request each: \(.openAtEnd) still open at the end, \(.closedByServer) closed and \(.resetByServer) reset by the server, \(.answered) answered\(if (.answerFirstLines | length) > 0 then " (" + (.answerFirstLines | join(", ")) + ")" else "" end); closed after (min-max s, by round): \(.closedAfterSeconds | map(if .max == null then "none closed" else "\(.min)-\(.max) (p50 \(.p50))" end) | join(", ")). Established connections to the app during the rounds: \(.establishedDuring | map(tostring) | join(", ")). A new request meanwhile: \(.freshRequests | map("HTTP \(.status) in \(.seconds) s") | join(", ")).\n"),
    "## Heap (-Xmx512m)\n",
    (.heap | "Used heap after the warm-up \(.startMiB) MiB, peak \(.peakMiB) MiB (sampled twice a second, uploads included), at the end \(.endMiB) MiB; app up after: \(.appAliveAfter), OutOfMemoryError in the log: \(.outOfMemoryErrorsInAppLog).\n"),
    "## Targets\n",
    "| target | result |", "|---|---|",
    "| zero 5xx | \(.met.fiveXx | yn) (\(.idle.statuses."5xx" + .duringIngestion.statuses."5xx" + .slowClients.statuses."5xx")) |",
    "| zero unanswered (socket timeouts, read and connect errors) | \(.met.unanswered | yn) |",
    "| p99 during ingestion reported against idle | \(.duringIngestion.p99Ms) ms against \(.idle.p99Ms) ms (\(.p99Ratios.duringIngestion)x; no ratio set) |",
    "| p99 with 100 slow clients at most 2x idle | \(.met.slowClientsP99 | yn) (\(.p99Ratios.slowClients)x) |",
    "| responsive with slow clients (a new request answered 200 within 5 s) | \(.met.responsiveWithSlowClients | yn) |",
    "| heap flat at -Xmx512m (app up, no OutOfMemoryError, peak under 512 MiB) | \(.met.heap | yn) (peak \(.heap.peakMiB) MiB) |",
    "| every upload accepted | \(.met.uploads | yn) |"
  ' "$1"
}

main
