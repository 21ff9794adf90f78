#!/usr/bin/env bash
# The site's first view (make bench-site; see bench/README.md): how long a new visitor waits until each page type
# is usable, on a local run of the portal with the demo data (the budget of issue 13: under 2 s).
#
#   bash bench/site.sh           7 measured visits per page type after 3 warm-up visits
#   bash bench/site.sh --quick   2 measured visits after 1 warm-up, a check that the harness works
#
# Starts the built jar with -Xmx512m on BENCH_DB (default kotaku_bench_quick, the demo fixture of bench/run.sh
# --quick; loaded here when missing or when BENCH_REUSE_DB is not yes) and runs frontend/scripts/first-view.mjs
# in Debian's chromium: each visit a fresh browser context, timed from the navigation's start to the rendered page
# (and the drawn map where there is one); the first visit of each page type after start-up is reported apart.
# Writes bench/results/site-latest.json and .md (a --quick run: bench/work/site-quick.*). Never run it beside a build.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
BENCH_DB=${BENCH_DB:-kotaku_bench_quick}
# shellcheck source=/dev/null
. "$BENCH_DIR/lib/env.sh"
REUSE_DB=${BENCH_REUSE_DB:-no}
SCALE=demo LOAD_TIMEOUT=300
if [ "$MODE" = quick ]; then
  RUNS=2 WARMUP=1 RESULTS_BASE=$WORK/site-quick
else
  RUNS=7 WARMUP=3 RESULTS_BASE=$OUT_DIR/site-latest
fi

for lib in common setup app fixture nginx report; do
  # shellcheck source=/dev/null
  . "$BENCH_DIR/lib/$lib.sh"
done

trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK"
ensure_tools
[ -x /usr/bin/chromium ] || die "Debian's chromium is missing: bash scripts/site-tests.sh unit installs it"
[ -d "$ROOT/frontend/node_modules/playwright-core" ] || (cd "$ROOT/frontend" && npm ci --no-audit --no-fund >&2)
build_app
prepare_fixture "$WORK/site-activities.ndjson"

start_app site -Xmx512m
wait_ready >/dev/null
read -r figures_seconds _ <<<"$(wait_figures)"
log "first figures after ${figures_seconds} s; visiting every page type ($WARMUP warm-up and $RUNS measured visits each)"
result=$(cd "$ROOT/frontend" && BASE_URL=$APP_URL RUNS=$RUNS WARMUP=$WARMUP node scripts/first-view.mjs)
stop_app

jq --argjson machine "$(machine_facts)" --arg at "$(date -u +%FT%TZ)" --arg mode "$MODE" \
  '{at: $at, mode: $mode, machine: $machine} + .' <<<"$result" >"$RESULTS_BASE.json"
jq -r '
  "# Site first view (\(.mode)), \(.at)\n",
  "Machine: \(.machine | tojson)\n",
  "Each visit a new visitor (fresh browser context, empty cache), 1280 x 900, Debian chromium headless, the portal",
  "with -Xmx512m on the demo data; \(.warmup) warm-up and \(.runs) measured visits per page type, taken in turn.",
  "ready: the page rendered (figures, lists, links); usable: and its map drawn where it has one. Budget: usable",
  "under \(.budgetMs) ms on every measured visit.\n",
  "| page | path | cold ready ms | cold usable ms | ready median ms | usable median ms | usable max ms | within budget |",
  "|---|---|---:|---:|---:|---:|---:|---|",
  (.pages[] | "| \(.page) | `\(.path)` | \(.coldReadyMs) | \(.coldUsableMs) | \(.readyMs.median) | \(.usableMs.median) | \(.usableMs.max) | \(.withinBudget) |"),
  "\nEvery page type within budget: **\(.withinBudget)**. The cold column is the first visit of each page type right",
  "after start-up (the JIT and the caches cold), reported apart and not held to the budget."' "$RESULTS_BASE.json" >"$RESULTS_BASE.md"
log "done: $RESULTS_BASE.md"
