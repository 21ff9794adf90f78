#!/usr/bin/env bash
# Ingestion benchmark: ROWS activities as NDJSON, pushed with curl to a running portal, end to end (validated,
# staged, merged, committed). Reports rows/s and the peak heap seen on /actuator/prometheus while it ran, and
# appends the result to bench/results/ingest.txt.
#
# Usage: PORTAL_KEY=<api key for activities> bash bench/ingest.sh [ROWS]   (default 1000000)
# Environment: PORTAL_URL [http://127.0.0.1:8080], BENCH_ID_PREFIX [BENCH] (a new prefix measures inserts,
# the same one again measures unchanged rows), PORTAL_DB_* as for the app (to read the village codes).
# Run the portal with -Xmx512m (the budget), e.g. SPRING_PROFILES_ACTIVE=dev PORT=8080 java -Xmx512m -jar target/kotaku-portal.jar
set -euo pipefail

rows=${1:-1000000}
url=${PORTAL_URL:-http://127.0.0.1:8080}
: "${PORTAL_KEY:?set PORTAL_KEY to an API key that may write activities (see README, API keys)}"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill "$sampler" 2>/dev/null || true; rm -rf "$work"' EXIT

PGPASSWORD=${PORTAL_DB_PASSWORD:-kotaku} psql -qAt -h "${PORTAL_DB_HOST:-127.0.0.1}" -p "${PORTAL_DB_PORT:-5432}" \
  -U "${PORTAL_DB_USER:-kotaku}" -d "${PORTAL_DB_NAME:-kotaku}" \
  -c "select code from region where level = 4 order by code" > "$work/villages.txt"
[ -s "$work/villages.txt" ] || { echo "no villages in the database: load the demo data or import the regions first" >&2; exit 1; }

python3 "$here/ingest-activities.py" "$rows" "$work/villages.txt" "${BENCH_ID_PREFIX:-BENCH}" > "$work/rows.ndjson"
bytes=$(stat -c %s "$work/rows.ndjson")

# sample the heap in use every 500 ms while the upload runs
(while true; do
   curl -s "$url/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { s += $NF } END { printf "%d\n", s }'
   sleep 0.5
 done) > "$work/heap.txt" &
sampler=$!

result=$(curl -sS -o "$work/answer.json" -w '%{http_code} %{time_total}' -X POST "$url/internal/v1/ingest/activities" \
  -H "Authorization: Bearer $PORTAL_KEY" -H 'Content-Type: application/x-ndjson' --data-binary @"$work/rows.ndjson")
kill "$sampler" 2>/dev/null || true
status=${result%% *}
seconds=${result##* }
[ "$status" = 201 ] || { echo "upload answered $status:" >&2; cat "$work/answer.json" >&2; exit 1; }

peak_mb=$(sort -n "$work/heap.txt" | tail -1 | awk '{ printf "%.0f", $1 / 1048576 }')
rate=$(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')
line="$(date -u +%Y-%m-%dT%H:%M:%SZ) rows=$rows bytes=$bytes seconds=$seconds rows_per_s=$rate peak_heap_mb=$peak_mb answer=$(cat "$work/answer.json")"
mkdir -p "$here/results"
echo "$line" | tee -a "$here/results/ingest.txt"
