#!/usr/bin/env bash
# Runs the OGC's own conformance test suite for OGC API - Features 1.0 (ets-ogcapi-features10, TestNG) against
# the portal's /ogc with the demo data, offline, and reports the result.
#
#   ETS_JAR=/path/to/ets-ogcapi-features10-<version>-aio.jar bash scripts/ogc-ets.sh
#
# ETS_JAR is the suite's all-in-one jar (the "aio" classifier: the suite and all its dependencies). When it is
# unset, a released aio jar in the local Maven repository (~/.m2, org/opengis/cite/ets-ogcapi-features10) is
# used, the newest one. This repository neither ships nor builds the suite.
#
# What it does: builds target/kotaku-portal.jar if missing (scripts/build.sh); creates its own database
# (PORTAL_DB_NAME, default kotaku_ets, dropped at the end); starts the app on a free loopback port with the demo
# data and waits until every demo batch (and the region boundaries, when ../shared/data has them) is committed
# and the summary answers with data; runs the suite on every collection the app lists (noofcollections -1) in a
# network namespace of its own that has only a loopback interface, the app being reached through a socat relay
# over a Unix socket, so no host but the app can be reached; writes the TestNG results under target/ogc-ets/
# and a summary to bench/results/ogc-ets.md; stops the app. Exit status: 0 when no test failed, 1 when one did,
# 2 when the run itself could not be made.
#
# Needs root (database provisioning, unshare -n), java, curl, jq, python3; installs socat if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DB=${PORTAL_DB_NAME:-kotaku_ets}
OUT=$ROOT/target/ogc-ets
SUMMARY=$ROOT/bench/results/ogc-ets.md
JAR=$ROOT/target/kotaku-portal.jar
APP_PID=
RELAY_PID=

log() { printf '[ogc-ets] %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

psql_admin() { PGOPTIONS='--client-min-messages=warning' runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; }

find_ets_jar() {
  if [ -n "${ETS_JAR:-}" ]; then
    [ -f "$ETS_JAR" ] || die "ETS_JAR=$ETS_JAR is not a file"
    echo "$ETS_JAR"
    return
  fi
  local released
  released=$(ls "$HOME"/.m2/repository/org/opengis/cite/ets-ogcapi-features10/*/ets-ogcapi-features10-*-aio.jar \
    2>/dev/null | sort -V | tail -1 || true)
  [ -n "$released" ] || die "no suite: set ETS_JAR to the all-in-one jar of ets-ogcapi-features10"
  echo "$released"
}

ensure_tools() {
  local tool
  for tool in java curl jq python3 unshare; do
    command -v "$tool" >/dev/null || die "$tool is needed"
  done
  if ! command -v socat >/dev/null; then
    log "apt-get install socat"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq socat >/dev/null
  fi
}

drop_database() {
  psql_admin -d postgres -c "drop database if exists \"$DB\" with (force)" || true
}

stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  [ -z "$RELAY_PID" ] || stop_pid "$RELAY_PID"
  [ -z "$APP_PID" ] || { log "stopping the app (pid $APP_PID)"; stop_pid "$APP_PID"; }
  log "dropping database $DB"
  drop_database
}

start_app() {
  log "starting the app on database $DB (log: $OUT/app.log)"
  # PORT=0: the app takes a free port and logs it; the suite sends hundreds of requests, so no rate limit
  env SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-dev}" PORT=0 PORTAL_DB_NAME="$DB" PORTAL_RATE_LIMIT_ENABLED=false PORTAL_DEMO_LOAD=true \
    java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" --server.address=127.0.0.1 >"$OUT/app.log" 2>&1 &
  APP_PID=$!
}

app_port() {
  local port=
  for _ in $(seq 1 1800); do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up; see $OUT/app.log"
    port=$(sed -n 's/.*Netty started on port \([0-9]*\).*/\1/p' "$OUT/app.log" | head -1)
    [ -z "$port" ] || { echo "$port"; return; }
    sleep 0.1
  done
  die "the app did not start within 180 s; see $OUT/app.log"
}

# Every demo batch committed (the region boundaries come last, when their files exist), then the summary has data.
wait_for_data() {
  local url=$1 boundaries=no
  [ -f "$ROOT/../shared/data/provinces.geojson" ] && boundaries=yes
  log "waiting for the demo data (region boundaries: $boundaries)"
  for _ in $(seq 1 600); do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited while loading; see $OUT/app.log"
    grep -q 'loading the demo dataset failed' "$OUT/app.log" && die "the demo load failed; see $OUT/app.log"
    if grep -q 'demo dataset loaded in' "$OUT/app.log" && { [ $boundaries = no ] || [ "$(psql_admin -d "$DB" -tAc \
        "select count(*) from ingest_batch where source = 'region-files'")" -gt 0 ]; } && \
        [ "$(curl -sf "$url/api/v1/summary" | jq -r '.hasData' 2>/dev/null)" = true ]; then
      return
    fi
    sleep 1
  done
  die "the demo data were not loaded within 600 s; see $OUT/app.log"
}

write_properties() {
  local iut=$1
  # no DOCTYPE: the suite parses this with a validating-capable parser that would try to fetch the DTD
  cat >"$OUT/test-run-props.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<properties version="1.0">
  <comment>ets-ogcapi-features10 run of scripts/ogc-ets.sh</comment>
  <entry key="iut">$iut</entry>
  <entry key="noofcollections">-1</entry>
</properties>
XML
}

# The suite runs in a new network namespace whose only interface is its own loopback: socat listens there on the
# app's port and relays each connection over a Unix socket to a second socat in this namespace, which connects to
# the app. The Host header (127.0.0.1:port) is the same on both sides, so the app's links resolve inside too.
run_suite() {
  local ets=$1 port=$2 sock=$OUT/relay.sock
  rm -f "$sock"
  socat "UNIX-LISTEN:$sock,fork,mode=600" "TCP:127.0.0.1:$port" &
  RELAY_PID=$!
  for _ in $(seq 1 50); do [ -S "$sock" ] && break; sleep 0.1; done
  [ -S "$sock" ] || die "the relay socket did not appear"
  log "running $(basename "$ets") against http://127.0.0.1:$port/ogc, offline (log: $OUT/ets.log)"
  set +e
  unshare -n bash -c '
    set -e
    ip link set lo up
    socat "TCP-LISTEN:$1,bind=127.0.0.1,fork,reuseaddr" "UNIX-CONNECT:$2" &
    relay=$!
    for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && break; sleep 0.1; done
    java -Xmx1g -jar "$3" -o "$4" "$5"
    status=$?
    kill $relay
    exit $status
  ' ogc-ets "$port" "$sock" "$ets" "$OUT/testng" "$OUT/test-run-props.xml" >"$OUT/ets.log" 2>&1
  local status=$?
  set -e
  stop_pid "$RELAY_PID"
  RELAY_PID=
  [ $status -eq 0 ] || die "the suite did not run (exit $status); see $OUT/ets.log"
}

# Writes the summary (markdown) from testng-results.xml; prints the number of failed tests.
summarise() {
  local results=$1 ets=$2
  python3 - "$results" "$SUMMARY" "$(basename "$ets")" "$(git describe --always --dirty 2>/dev/null || echo unknown)" <<'PY'
import collections, datetime, re, sys, xml.etree.ElementTree as ET

results, summary, suite, commit = sys.argv[1:5]
root = ET.parse(results).getroot()
total, passed, failed, skipped = (int(root.get(k, 0)) for k in ("total", "passed", "failed", "skipped"))

def name(cls, method):
    params = [p.findtext("value", "").strip() for p in method.findall("./params/param")]
    label = cls.rsplit(".", 1)[-1] + "." + method.get("name")
    return label + ("(" + ", ".join(params) + ")" if params else "")

def message(method):
    text = (method.findtext("./exception/message") or method.findtext("./exception/full-stacktrace") or "").strip()
    return " ".join(text.split())[:600] or method.get("description", "")

tests = [(c.get("name"), m) for c in root.iter("class") for m in c.findall("test-method") if m.get("is-config") != "true"]
fails = [(c, m) for c, m in tests if m.get("status") == "FAIL"]
def reason(method):
    """Why a test was skipped, without the instance and parameter noise that would make every reason unique."""
    text = re.sub(r"^org\.testng\.SkipException: ", "", message(method))
    group = re.search(r'depends on not successfully finished methods in group "([^"]+)"', text)
    if group:
        return 'depends on group "%s", which did not pass' % group.group(1)
    needed = re.search(r"depends on not successfully finished methods \[[\w.]*?(\w+\.\w+)\(", text)
    if needed:
        return "depends on %s, which did not pass" % needed.group(1)
    return text.split(". ")[0][:200]

skips = collections.defaultdict(collections.Counter)
for c, m in tests:
    if m.get("status") == "SKIP":
        skips[reason(m)][c.rsplit(".", 1)[-1] + "." + m.get("name")] += 1

lines = ["# OGC API - Features conformance: ets-ogcapi-features10", "",
         "Written by `scripts/ogc-ets.sh` on " + datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
         + ", portal commit " + commit + ", suite " + suite + ", demo data, every collection the app lists "
         "(noofcollections -1), offline (only the app reachable). TestNG results: target/ogc-ets/.", "",
         "| tests run | passed | failed | skipped |", "| ---: | ---: | ---: | ---: |",
         "| %d | %d | %d | %d |" % (total, passed, failed, skipped), ""]
lines.append("## Failed tests" if fails else "No test failed.")
for c, m in fails:
    lines += ["", "- `" + name(c, m) + "`: " + message(m)]
if skips:
    lines += ["", "## Skipped tests, by reason", "", "| tests | reason (the suite's words) | which |", "| ---: | --- | --- |"]
    for reason, which in sorted(skips.items(), key=lambda r: -sum(r[1].values())):
        names = ", ".join("`%s`" % n + (" x%d" % k if k > 1 else "") for n, k in sorted(which.items()))
        lines.append("| %d | %s | %s |" % (sum(which.values()), reason.replace("|", "\\|") or "(no message)", names))
open(summary, "w").write("\n".join(lines) + "\n")
print(failed)
PY
}

main() {
  ensure_tools
  local ets
  ets=$(find_ets_jar)
  [ "$(id -u)" -eq 0 ] || die "run as root: database provisioning and the network namespace need it"
  [ -f "$JAR" ] || bash scripts/build.sh
  rm -rf "$OUT"
  mkdir -p "$OUT" "$(dirname "$SUMMARY")"

  drop_database
  PORTAL_DB_NAME=$DB bash scripts/db-setup.sh
  trap cleanup EXIT
  start_app
  local port
  port=$(app_port)
  wait_for_data "http://127.0.0.1:$port"
  log "collections: $(curl -sf "http://127.0.0.1:$port/ogc/collections" | jq -r '[.collections[].id] | join(", ")')"

  write_properties "http://127.0.0.1:$port/ogc"
  run_suite "$ets" "$port"
  local results
  results=$(find "$OUT/testng" -name testng-results.xml -printf '%T@ %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
  [ -n "$results" ] || die "the suite wrote no testng-results.xml; see $OUT/ets.log"
  local failed
  failed=$(summarise "$results" "$ets")
  log "summary: $SUMMARY"
  sed -n '/^| tests run/,/^$/p' "$SUMMARY" >&2
  [ "$failed" -eq 0 ] || { log "$failed test(s) failed"; exit 1; }
}

main "$@"
