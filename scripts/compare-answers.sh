#!/usr/bin/env bash
# Proves that two builds of the portal give the same public answers for the same data:
#   scripts/compare-answers.sh OLD_JAR NEW_JAR
# 1. loads the demo data once (fixed seed, PORTAL_DEMO_SEED) with OLD_JAR into a seed database, ${ANSWERS_DB}_seed;
# 2. for each jar in turn: copies the seed into ${ANSWERS_DB} (dropped first; a template copy, so both jars read
#    byte-identical rows, commit times included), starts the jar on a free port with its own bulk directory, waits
#    until it serves the seed's data version with its bulk files written, records the status, the headers and the
#    body bytes of every request of scripts/answers/urls.txt (scripts/answers/answers.py), and stops it (its PID);
# 3. compares the two recordings and fails on any difference (the normalisations are listed in answers.py).
# Recordings, app logs and the report: target/answers/. Run it with the same jar twice to see that it is
# deterministic. Environment: ANSWERS_DB [kotaku_answers], PORTAL_DEMO_SEED [20161], ANSWERS_OUT [target/answers],
# ANSWERS_REGION_FILES [../shared/data or ../../shared/data, the first that exists], ANSWERS_SEED=reuse (keep the
# seed database of the previous run instead of loading it again: a few minutes less).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -eq 2 ] || { echo "usage: $0 OLD_JAR NEW_JAR" >&2; exit 2; }
old_jar=$(realpath "$1")
new_jar=$(realpath "$2")
[ -f "$old_jar" ] && [ -f "$new_jar" ] || { echo "no such jar: $1 or $2" >&2; exit 2; }
db=${ANSWERS_DB:-kotaku_answers}
seed=${PORTAL_DEMO_SEED:-20161}
out=${ANSWERS_OUT:-target/answers}
here=scripts/answers
# the real region files the demo lays its boundaries over (portal.demo.region-files, ../shared/data from the main
# checkout); without them the seed has no boundaries, the same for both jars
regions=${ANSWERS_REGION_FILES:-}
for candidate in ../shared/data ../../shared/data; do
  if [ -z "$regions" ] && [ -d "$candidate" ]; then regions=$(realpath "$candidate"); fi
done

log() { printf '[compare-answers] %s\n' "$*" >&2; }
psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

pid=""
stop_app() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
  fi
}
trap stop_app EXIT

# start_app JAR DATABASE LABEL: starts the jar in the background (pid, base), its log in $out/LABEL.log
start_app() {
  local port
  port=$(free_port)
  base="http://127.0.0.1:$port"
  rm -rf "$out/$3.bulk" "$out/$3.read-model"
  # a bulk and a snapshot directory of its own: nothing a previous run wrote is read
  SPRING_PROFILES_ACTIVE=dev PORT=$port PORTAL_DB_NAME=$2 PORTAL_DEMO_SEED=$seed PORTAL_LOG_FORMAT=text \
    PORTAL_RATE_LIMIT_ENABLED=false PORTAL_BULK_DIRECTORY="$out/$3.bulk" \
    PORTAL_READ_MODEL_SNAPSHOT_DIRECTORY="$out/$3.read-model" \
    java -Dkotaku.compare-answers=1 -Xmx512m -jar "$1" ${regions:+--portal.demo.region-files=$regions} \
    >"$out/$3.log" 2>&1 &
  pid=$!
  log "$3: $(basename "$1") on $base against $2 (log: $out/$3.log)"
}

# wait_for_data [VERSION]: until the app is ready and serves VERSION (or, without one, until its version held still
# for 20 s: the demo loads batch by batch, then the real boundaries), with the bulk files of that version written
wait_for_data() {
  local want=${1:-} previous="" current="" steady=0
  for _ in $(seq 1 180); do
    kill -0 "$pid" 2>/dev/null || { log "the app exited; see its log"; exit 1; }
    current=$(python3 "$here/answers.py" version "$base" 2>/dev/null || true)
    if [ -n "$want" ]; then
      [ "$current" = "$want" ] && python3 "$here/answers.py" settled "$base" "$want" && return 0
    else
      if [ -n "$current" ] && [ "$current" = "$previous" ]; then steady=$((steady + 1)); else steady=0; fi
      [ "$steady" -ge 4 ] && python3 "$here/answers.py" settled "$base" "$current" && { version=$current; return 0; }
      previous=$current
      sleep 4
    fi
    sleep 1
  done
  log "the app did not reach a steady data version ${want:+$want }with its bulk files"
  exit 1
}

mkdir -p "$out"
rm -rf "$out/old" "$out/new"

if [ "${ANSWERS_SEED:-}" = reuse ] && [ -s "$out/seed.version" ]; then
  version=$(cat "$out/seed.version")
  log "reusing the seed database ${db}_seed (data version $version; ANSWERS_SEED=reuse)"
else
  log "seed database ${db}_seed: the demo data (seed $seed) loaded by $(basename "$old_jar")"
  rm -f "$out/seed.version"
  psql_admin -c "drop database if exists ${db}_seed with (force)"
  PORTAL_DB_NAME=${db}_seed bash scripts/db-setup.sh
  start_app "$old_jar" "${db}_seed" seed
  wait_for_data
  stop_app
  echo "$version" >"$out/seed.version"
  log "seed loaded: data version $version"
fi

for side in old new; do
  jar=$old_jar
  [ "$side" = new ] && jar=$new_jar
  psql_admin -c "drop database if exists $db with (force)" -c "create database $db template ${db}_seed owner kotaku"
  # rows a query does not order (a tile's features) then come in the heap's order on every run: no parallel
  # workers and no synchronized scans, which hand them out in an order that changes from one run to the next
  psql_admin -c "alter database $db set max_parallel_workers_per_gather = 0" \
    -c "alter database $db set synchronize_seqscans = off"
  start_app "$jar" "$db" "$side"
  wait_for_data "$version"
  python3 "$here/answers.py" record "$base" "$here/urls.txt" "$out/$side"
  stop_app
done

python3 "$here/answers.py" compare "$out/old" "$out/new" | tee "$out/report.txt"
