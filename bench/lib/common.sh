# Shared helpers of the benchmark: logging, the processes the run started (and only those), JSON results.
# Sourced by bench/run.sh; expects BENCH_DIR, WORK and RESULTS_DIR to be set.

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# PIDs this run started; cleanup stops exactly these, never anything found by name
STARTED_PIDS=()
remember_pid() { STARTED_PIDS+=("$1"); }

stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  log "pid $pid did not stop within 10 s: killing it"
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do stop_pid "$pid"; done
  STARTED_PIDS=()
}

# seconds since the epoch with milliseconds, and the difference of two of them
now() { date +%s.%3N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# Writes one scenario's result (a JSON object) to the run's result folder, in run order.
SCENARIO_SEQ=0
record() {
  local name=$1 json=$2
  SCENARIO_SEQ=$((SCENARIO_SEQ + 1))
  printf '%s\n' "$json" | jq --arg name "$name" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
    '{scenario: $name, loadAverageAfter: $load} + .' >"$RESULTS_DIR/$(printf '%02d' "$SCENARIO_SEQ")-$name.json"
}

# A scenario whose endpoint this build does not have (yet): recorded, not fatal.
record_unavailable() {
  local name=$1 reason=$2
  log "$name: not available on this build ($reason)"
  record "$name" "$(jq -n --arg reason "$reason" '{status: "not available on this build", reason: $reason}')"
}

record_failed() {
  local name=$1 reason=$2
  log "$name: FAILED ($reason)"
  record "$name" "$(jq -n --arg reason "$reason" '{status: "failed", reason: $reason}')"
}

# HTTP status of a GET (000 when nothing answers)
http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-30}" "$1" || true; }
