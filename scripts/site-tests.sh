#!/usr/bin/env bash
# Tests of the public map site (frontend/), in two steps called by scripts/test.sh:
#   site-tests.sh unit  installs Debian's chromium if missing, runs npm ci and the Vitest unit tests;
#   site-tests.sh e2e   checks the size budget of the built site, starts the built jar on a free port against
#                       its own database (SITE_E2E_DB, default kotaku_e2e, dropped and recreated each run, demo data loaded on start),
#                       waits for health and data, runs the browser tests (playwright-core + chromium), stops
#                       the app (its PID only). Any failure fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[site-tests] %s\n' "$*" >&2; }

unit() {
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium (browser tests)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  (cd frontend && npm ci --no-audit --no-fund && npm test)
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

json_field() { # json_field URL PYTHON_EXPRESSION_ON_j
  curl -sf "$1" | python3 -c "import json, sys; j = json.load(sys.stdin); print($2)" 2>/dev/null || true
}

e2e() {
  [ -f target/kotaku-portal.jar ] || { log "target/kotaku-portal.jar is missing: build first (mvn package)"; exit 1; }
  node frontend/scripts/size.mjs target/classes/static

  local db=${SITE_E2E_DB:-kotaku_e2e} port pid base
  port=$(free_port)
  base="http://127.0.0.1:$port"
  log "fresh database $db"
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $db with (force)"
  PORTAL_DB_NAME=$db bash scripts/db-setup.sh

  log "starting the portal on $base (log: target/site-e2e-app.log)"
  # one browser on one address loads pages, tiles and downloads far faster than a person: the per-address
  # rate limiter (tested on its own in HttpConventionsIntegrationTests) would answer 429 part of the way through
  SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-dev} PORT=$port PORTAL_DB_NAME=$db PORTAL_RATE_LIMIT_ENABLED=false java -Xmx512m -Dreactor.netty.http.server.accessLogEnabled=true -jar target/kotaku-portal.jar >target/site-e2e-app.log 2>&1 &
  pid=$!
  trap "kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true" EXIT

  for _ in $(seq 1 120); do
    [ "$(json_field "$base/actuator/health" "j['status']")" = UP ] && break
    kill -0 "$pid" 2>/dev/null || { log "the portal exited; see target/site-e2e-app.log"; exit 1; }
    sleep 1
  done
  [ "$(json_field "$base/actuator/health" "j['status']")" = UP ] || { log "the portal is not healthy"; exit 1; }

  # the demo data are loaded after start, batch by batch, then the real boundaries (about 15 s later): wait
  # until activities exist and the data version has held still for 20 s
  local previous="" current="" steady=0
  for _ in $(seq 1 90); do
    current=$(json_field "$base/api/v1/summary" "str(j['dataVersion']) if j['activities']['total'] > 0 else ''")
    if [ -n "$current" ] && [ "$current" = "$previous" ]; then steady=$((steady + 1)); else steady=0; fi
    [ "$steady" -ge 4 ] && break
    previous=$current
    sleep 5
  done
  [ "$steady" -ge 4 ] || { log "the demo data did not finish loading"; exit 1; }
  log "demo data loaded (data version $current)"

  (cd frontend && BASE_URL=$base npm run e2e)
}

case "${1:-}" in
  unit) unit ;;
  e2e) e2e ;;
  *) echo "usage: $0 unit|e2e" >&2; exit 2 ;;
esac
