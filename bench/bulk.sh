#!/usr/bin/env bash
# The bulk files benchmark (make bench-bulk; see bench/README.md):
#
#   bash bench/bulk.sh           national-scale fixture (about 1,000,000 activities)
#   bash bench/bulk.sh --quick   demo-scale fixture and short runs, a check that the harness works
#
# 1. generation: starts the app with -Xmx512m on the loaded fixture and an empty bulk folder, times the writing of
#    every file of the version (whole files, no previous version) and samples the heap meanwhile; then ingests 1,000
#    changed activities and times the next version (whole files and the deltas against the previous version);
# 2. download: the activities CSV.gz at 32 connections (wrk -t2 -c32) against nginx serving the same file, after a
#    cold first run (reported apart) and a warm-up, in alternating rounds.
# Writes bench/results/bulk-latest.json and bulk-latest.md (a --quick run: bench/work/bulk-quick.*). Reuses the
# harness of bench/run.sh (bench/lib), its database (BENCH_DB [kotaku_bench]; BENCH_REUSE_DB=yes keeps a loaded
# fixture) and its ports (BENCH_APP_PORT [18086], BENCH_NGINX_PORT [18090]). Never run it beside a build.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=/dev/null
. "$BENCH_DIR/lib/env.sh"
RESULTS_DIR="$WORK/bulk-results"
REUSE_DB=${BENCH_REUSE_DB:-no}
if [ "$MODE" = quick ]; then
  SCALE=demo WARMUP_SECONDS=3 DURATION=5 ROUNDS=2 LOAD_TIMEOUT=300 COLD_SECONDS=5 RESULTS_BASE=$WORK/bulk-quick
else
  SCALE=national WARMUP_SECONDS=30 DURATION=15 ROUNDS=4 LOAD_TIMEOUT=900 COLD_SECONDS=60 RESULTS_BASE=$OUT_DIR/bulk-latest
fi
GENERATION_TIMEOUT=600
INGEST_TIMEOUT=300
BULK_DIR="$WORK/bulk-files"

for lib in common setup app fixture nginx load adapt scenarios ingest report; do
  # shellcheck source=/dev/null
  . "$BENCH_DIR/lib/$lib.sh"
done

trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits until the app logs the files of a version newer than $1; prints "<version> <seconds> <files> <bytes>" from
# the generator's own log line (its seconds: from the request to the renamed folder).
wait_generation() {
  local after=$1 deadline=$((SECONDS + GENERATION_TIMEOUT)) line
  while :; do
    line=$(grep -o 'Bulk files of data version [0-9]* written in [0-9.]* s: [0-9]* files, [0-9]* bytes' "$WORK/app-bulk.log" |
      awk -v after="$after" '$6 > after' | tail -1 || true)
    [ -n "$line" ] && break
    app_alive || die "the app exited; see $WORK/app-bulk.log"
    grep -q 'Bulk file generation failed' "$WORK/app-bulk.log" && die "generation failed; see $WORK/app-bulk.log"
    [ $SECONDS -lt $deadline ] || die "no bulk files within $GENERATION_TIMEOUT s"
    sleep 0.5
  done
  awk '{ print $6, $9, $11, $13 }' <<<"$line"
}

# generation <label> <after-version>: the result object of one generation (heap sampled while it runs)
generation() {
  local label=$1 after=$2 facts peak
  facts=$(wait_generation "$after")
  peak=$(heap_sampler_stop)
  read -r version seconds files bytes <<<"$facts"
  jq -nc --arg run "$label" --argjson version "$version" --argjson seconds "$seconds" --argjson files "$files" \
    --argjson bytes "$bytes" --arg peak "$peak" --argjson baseline "$BASELINE_HEAP" \
    --argjson manifest "$(curl -s "$APP_URL/downloads/$version/manifest.json" | jq -c '[.files[] | {file, byteSize, rowCount}]')" \
    '{run: $run, version: $version, seconds: $seconds, files: $files, bytes: $bytes,
      peakHeapMiB: (if $peak == "" then null else ($peak | tonumber) end), heapBeforeMiB: $baseline, fileList: $manifest}'
}

BASELINE_HEAP=null

main() {
  local started_at
  started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  log "$MODE bulk run: $SCALE fixture, app $APP_URL, nginx $NGINX_URL, database $BENCH_DB"
  ensure_tools
  rm -rf "$RESULTS_DIR" "$WORK/nginx" "$BULK_DIR"
  mkdir -p "$RESULTS_DIR" "$OUT_DIR" "$(dirname "$RESULTS_BASE")"
  build_app
  local ndjson="$WORK/activities-$SCALE.ndjson"
  prepare_fixture "$ndjson"
  local machine
  machine=$(machine_facts)

  # 1. generation of a first version: every whole file, no previous version to diff against
  start_app bulk -Xmx512m PORTAL_DEMO_LOAD=false PORTAL_BULK_DIRECTORY="$BULK_DIR"
  heap_sampler_start generation-first
  wait_ready >/dev/null
  local first second key changes version
  first=$(generation first 0)
  log "first version: $(jq -r '"\(.seconds) s, \(.files) files, \(.bytes) bytes, peak heap \(.peakHeapMiB) MiB"' <<<"$first")"

  # 2. a second version after 1,000 changed activities: whole files and the deltas
  BASELINE_HEAP=$(awk -v b="$(heap_used_bytes)" 'BEGIN { printf "%.1f", b / 1048576 }')
  key=${INGEST_KEY:-$(create_ingest_key)}
  [ -n "$key" ] || die "no ingestion key (see bench/lib/adapt.sh)"
  changes="$WORK/bulk-changes.ndjson"
  # an amount of this run, so that a rerun on a reused database changes the rows again
  local bump=$(( $(date +%s) % 100000 + 1 ))
  head -1000 "$ndjson" | jq -c --argjson bump "$bump" '.budgetIdr += $bump | .costBpmIdr += $bump' >"$changes"
  version=$(jq -r .version <<<"$first")
  post_ndjson bulk-changes "$changes" 1000 "$key"
  jq -e .ok <<<"$POSTED" >/dev/null || die "the 1,000 changes were refused: $POSTED"
  heap_sampler_start generation-second
  second=$(generation second "$version")
  log "second version: $(jq -r '"\(.seconds) s, \(.files) files, peak heap \(.peakHeapMiB) MiB"' <<<"$second")"
  local delta_lines
  delta_lines=$(curl -sL "$APP_URL/downloads/latest/activities.delta.ndjson.gz" | gunzip | wc -l)

  # 3. download of the activities CSV.gz against nginx serving the same bytes
  nginx_start
  local path file cold rounds="$RESULTS_DIR/download-rounds.ndjson"
  path=$(curl -s -o /dev/null -w '%{redirect_url}' "$APP_URL/downloads/latest/activities.csv.gz")
  path=${path#"$APP_URL"}
  file="$NGINX_DIR/root$path"
  mkdir -p "$(dirname "$file")"
  curl -s -o "$file" "$APP_URL$path"
  cmp -s <(curl -s "$NGINX_URL$path") "$file" || die "nginx does not serve the app's bytes of $path"
  log "download: $path, $(stat -c %s "$file") bytes; cold run ($COLD_SECONDS s), warm-up, $ROUNDS rounds"
  cold=$(run_wrk 2 32 "$COLD_SECONDS" "$APP_URL$path")
  warm_up 2 32 "$NGINX_URL$path"
  warm_up 2 32 "$APP_URL$path"
  heap_sampler_start download
  alternate_rounds download "$rounds" "$NGINX_URL$path" "$APP_URL$path"
  local download_peak
  download_peak=$(heap_sampler_stop)
  nginx_stop
  stop_app

  jq -n --arg started "$started_at" --arg mode "$MODE" --arg scale "$SCALE" --argjson machine "$machine" \
    --argjson first "$first" --argjson second "$second" --argjson deltaLines "$delta_lines" --argjson cold "$cold" \
    --arg path "$path" --argjson bytes "$(stat -c %s "$file")" --arg peak "$download_peak" --argjson seconds "$DURATION" \
    --slurpfile rounds "$rounds" "$JQ_MEDIAN"'
    ($rounds | map(.app.rps) | median) as $app | ($rounds | map(.nginx.rps) | median) as $nginx
    | {startedAt: $started, mode: $mode, scale: $scale, machine: $machine,
       generation: {first: $first, second: ($second + {activitiesDeltaLines: $deltaLines}),
                    targets: {seconds: 60, heap: "-Xmx512m, flat"},
                    met: {seconds: (([$first.seconds, $second.seconds] | max) < 60)}},
       download: {path: $path, bytes: $bytes, threads: 2, connections: 32, secondsPerRun: $seconds,
                  coldFirstRun: $cold, rounds: $rounds, appRpsMedian: $app, nginxRpsMedian: $nginx,
                  ratio: ((($app / $nginx) * 10000 | round) / 10000),
                  peakHeapMiB: (if $peak == "" then null else ($peak | tonumber) end),
                  targets: {ratio: 0.9}, met: {ratio: (($app / $nginx) >= 0.9)}}}' >"$RESULTS_BASE.json"
  jq -r '
    "# Bulk files benchmark (\(.mode), \(.scale) fixture), \(.startedAt)\n",
    "Machine: \(.machine | tostring)\n",
    "## Generation (-Xmx512m)\n",
    "| run | version | seconds | files | bytes | peak heap MiB | heap before MiB |", "|---|---|---|---|---|---|---|",
    (.generation | .first, .second | "| \(.run) | \(.version) | \(.seconds) | \(.files) | \(.bytes) | \(.peakHeapMiB) | \(.heapBeforeMiB) |"),
    "\nTarget: under 60 s: **\(.generation.met.seconds)**. The second version holds the deltas too (\(.generation.second.activitiesDeltaLines) activity lines).\n",
    "Files of the second version:\n", "| file | bytes | rows |", "|---|---|---|",
    (.generation.second.fileList[] | "| \(.file) | \(.byteSize) | \(.rowCount) |"),
    "\n## Download of \(.download.path) (\(.download.bytes) bytes), wrk -t2 -c32\n",
    "Cold first run (\(.download.coldFirstRun.rps) req/s, p99 \(.download.coldFirstRun.p99Ms) ms), reported apart; then warm-up and \(.download.rounds | length) alternating rounds of \(.download.secondsPerRun) s:\n",
    "| round | app req/s | nginx req/s | ratio | app p99 ms | nginx p99 ms |", "|---|---|---|---|---|---|",
    (.download.rounds[] | "| \(.round) | \(.app.rps) | \(.nginx.rps) | \(.ratio) | \(.app.p99Ms) | \(.nginx.p99Ms) |"),
    "\nMedian: app \(.download.appRpsMedian) req/s, nginx \(.download.nginxRpsMedian) req/s, ratio **\(.download.ratio)** (target 0.9: \(.download.met.ratio)); peak heap while serving \(.download.peakHeapMiB) MiB."
  ' "$RESULTS_BASE.json" >"$RESULTS_BASE.md"
  log "done: $RESULTS_BASE.md"
}

main
