# Load generation with wrk (always against 127.0.0.1, bounded in time), results as JSON objects.

# run_wrk <threads> <connections> <seconds> <url> [paths file]: prints the BENCH_JSON object of the run
# (requests, rps, p50/p90/p95/p99/max in ms, errors), with "totalErrors" added.
run_wrk() {
  local threads=$1 connections=$2 seconds=$3 url=$4 paths=${5:-}
  case "$url" in http://127.0.0.1:*) ;; *) die "load only against 127.0.0.1 (got $url)" ;; esac
  local out
  out=$(BENCH_PATHS=$paths wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s \
    -s "$BENCH_DIR/wrk/report.lua" "$url" 2>&1) || die "wrk failed: $out"
  printf '%s\n' "$out" | sed -n 's/^BENCH_JSON //p' |
    jq -c '. + {totalErrors: (.errors | add)}'
}

# Warm-up whose numbers are thrown away (JIT, connection pools, caches)
warm_up() { run_wrk "$1" "$2" "$WARMUP_SECONDS" "$3" "${4:-}" >/dev/null; }
