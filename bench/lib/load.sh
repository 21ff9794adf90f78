# Load generation with wrk (always against 127.0.0.1, bounded in time), results as JSON objects.

wrk_target_check() { case "$1" in http://127.0.0.1:*) ;; *) die "load only against 127.0.0.1 (got $1)" ;; esac; }

# The BENCH_JSON object of a wrk output (file or stdin), with "totalErrors" added.
wrk_json() { sed -n 's/^BENCH_JSON //p' "$@" | jq -c '. + {totalErrors: (.errors | add)}'; }

# run_wrk <threads> <connections> <seconds> <url> [paths file]: prints the BENCH_JSON object of the run
# (requests, rps, p50/p90/p95/p99/max in ms, errors), with "totalErrors" added. BENCH_STATUSES=yes in the
# environment counts the answers by status class as well (see wrk/report.lua).
run_wrk() {
  local threads=$1 connections=$2 seconds=$3 url=$4 paths=${5:-}
  wrk_target_check "$url"
  local out
  out=$(BENCH_PATHS=$paths wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s \
    -s "$BENCH_DIR/wrk/report.lua" "$url" 2>&1) || die "wrk failed: $out"
  printf '%s\n' "$out" | wrk_json
}

# run_wrk_while <pid> <threads> <connections> <max seconds> <url> [paths file]: like run_wrk, but for as long as
# process <pid> runs (at most <max seconds>): wrk is then stopped with SIGINT, on which it still reports. The result
# object goes to WRK_RESULT (not printed: the wrk it starts must stay known to this shell's cleanup).
WRK_RESULT=
run_wrk_while() {
  local pid=$1 threads=$2 connections=$3 seconds=$4 url=$5 paths=${6:-} out="$WORK/wrk-while.out" wrk_pid
  wrk_target_check "$url"
  BENCH_PATHS=$paths wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s \
    -s "$BENCH_DIR/wrk/report.lua" "$url" >"$out" 2>&1 &
  wrk_pid=$!
  remember_pid "$wrk_pid"
  while kill -0 "$pid" 2>/dev/null && kill -0 "$wrk_pid" 2>/dev/null; do sleep 0.2; done
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" 2>/dev/null || true
  WRK_RESULT=$(wrk_json "$out")
  [ -n "$WRK_RESULT" ] || die "wrk reported nothing: $(cat "$out")"
}

# Warm-up whose numbers are thrown away (JIT, connection pools, caches)
warm_up() { run_wrk "$1" "$2" "$WARMUP_SECONDS" "$3" "${4:-}" >/dev/null; }
