#!/usr/bin/env bash
# Activity search benchmark (shared/DESIGN.md section 6: bbox + year + type, 100 rows, p95 under 30 ms for one
# client at national scale). Needs a running portal with the national fixture and the rate limit off, e.g.
#   PORTAL_DB_NAME=kotaku_bench PORTAL_DEMO_SCALE=national PORTAL_RATE_LIMIT_ENABLED=false make run
# then: bench/activity-search.sh [base-url] [seconds]
set -euo pipefail
base=${1:-http://localhost:8080}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
echo "warm-up 5 s"
wrk -t1 -c1 -d5s -s "$here/activity-search.lua" "$base" >/dev/null
echo "one client, ${seconds} s:"
wrk -t1 -c1 -d"${seconds}s" -s "$here/activity-search.lua" "$base" | tail -1
