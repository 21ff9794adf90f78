#!/usr/bin/env bash
# OGC API - Features items against MapServer 8 (make bench-ogc; see bench/README.md):
#
#   bash bench/ogc-mapserver.sh           national-scale fixture (about 1,000,000 activities)
#   bash bench/ogc-mapserver.sh --quick   demo-scale fixture and short runs, a check that the harness works
#
# Both servers answer the same requests over the same `activity` table of the bench database: items of the
# activities collection, limit=100, each request a different 0.3 degree box (around a random activity, so that
# boxes hold data; no two requests alike, so no answer comes from a cache). MapServer 8 (Debian's cgi-mapserver,
# installed when missing) runs as FastCGI workers (two per core, spawn-fcgi) behind an nginx of this run, with a
# mapfile whose layer is the activity table (every column a property, as the portal's collection has). wrk -t2
# -c32, a warm-up of each, then alternating rounds. Writes bench/results/ogc-mapserver.json and .md (a --quick
# run: bench/work/ogc-mapserver-quick.*). Reuses bench/run.sh's database (BENCH_REUSE_DB=yes keeps a loaded
# fixture) and ports (BENCH_APP_PORT; BENCH_NGINX_PORT + 1 for MapServer's nginx, + 2 for its FastCGI workers). Never run it beside a build.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=/dev/null
. "$BENCH_DIR/lib/env.sh"
RESULTS_DIR="$WORK/ogc-mapserver-results"
REUSE_DB=${BENCH_REUSE_DB:-no}
if [ "$MODE" = quick ]; then
  SCALE=demo WARMUP_SECONDS=3 DURATION=5 ROUNDS=2 LOAD_TIMEOUT=300 RESULTS_BASE=$WORK/ogc-mapserver-quick
else
  SCALE=national WARMUP_SECONDS=20 DURATION=15 ROUNDS=4 LOAD_TIMEOUT=900 RESULTS_BASE=$OUT_DIR/ogc-mapserver
fi
MAPSERVER_PORT=$((NGINX_PORT + 1))
MAPSERVER_URL="http://127.0.0.1:$MAPSERVER_PORT"
FASTCGI_PORT=$((NGINX_PORT + 2))
MS_DIR="$WORK/mapserver"
BOXES=${BENCH_OGC_BOXES:-60000}
# MapServer answers one request at a time per process and waits for PostgreSQL meanwhile: two per core keep the
# cores busy (BENCH_MAPSERVER_WORKERS to try others)
MS_WORKERS=${BENCH_MAPSERVER_WORKERS:-$(($(nproc) * 2))}

for lib in common setup app fixture nginx load adapt scenarios ingest report; do
  # shellcheck source=/dev/null
  . "$BENCH_DIR/lib/$lib.sh"
done

trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_mapserver() {
  command -v spawn-fcgi >/dev/null 2>&1 && [ -x /usr/lib/cgi-bin/mapserv ] && return 0
  [ "$(id -u)" -eq 0 ] || die "MapServer is missing; run as root so that apt-get can install cgi-mapserver and spawn-fcgi"
  log "apt-get install cgi-mapserver spawn-fcgi"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  without_service_start DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cgi-mapserver spawn-fcgi >/dev/null
}

# The mapfile: one layer, the activity table, every column a property (gml_include_items all), id as feature id.
write_mapfile() {
  cat <<MAPFILE
MAP
  NAME "kotaku"
  EXTENT 94 -12 142 7
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "ows_title" "KOTAKU benchmark"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "ows_srs" "EPSG:4326"
      "oga_onlineresource" "$MAPSERVER_URL/mapserv/kotaku/ogcapi"
      "oga_html_template_directory" "/usr/share/mapserver/ogcapi/templates/html-plain/"
    END
  END
  LAYER
    NAME "activities"
    TYPE POINT
    STATUS ON
    TEMPLATE "queryable"
    CONNECTIONTYPE POSTGIS
    CONNECTION "host=127.0.0.1 port=5432 dbname=$BENCH_DB user=kotaku password=${PORTAL_DB_PASSWORD:-kotaku}"
    DATA "location from (select * from activity) as t using unique id using srid=4326"
    PROCESSING "CLOSE_CONNECTION=DEFER"
    PROJECTION "init=epsg:4326" END
    EXTENT 94 -12 142 7
    METADATA
      "ows_title" "activities"
      "gml_include_items" "all"
      "gml_featureid" "id"
    END
  END
END
MAPFILE
}

mapserver_start() {
  mkdir -p "$MS_DIR/logs" "$MS_DIR/tmp"
  write_mapfile >"$MS_DIR/kotaku.map"
  printf 'CONFIG\n  MAPS\n    "kotaku" "%s"\n  END\nEND\n' "$MS_DIR/kotaku.map" >"$MS_DIR/mapserver.conf"
  log "starting MapServer $(/usr/lib/cgi-bin/mapserv -v | head -1 | cut -d' ' -f3) FastCGI ($MS_WORKERS workers) behind nginx on $MAPSERVER_URL"
  # a TCP socket: nginx's workers run as another user than this script
  MAPSERVER_CONFIG_FILE="$MS_DIR/mapserver.conf" spawn-fcgi -a 127.0.0.1 -p "$FASTCGI_PORT" -F "$MS_WORKERS" \
    -P "$MS_DIR/spawn.pid" -- /usr/lib/cgi-bin/mapserv >"$MS_DIR/logs/spawn.log" 2>&1 ||
    die "spawn-fcgi failed; see $MS_DIR/logs/spawn.log"
  local pid
  for pid in $(pgrep -f "^/usr/lib/cgi-bin/mapserv$" || true); do remember_pid "$pid"; done
  cat >"$MS_DIR/nginx.conf" <<CONF
worker_processes auto;
pid $MS_DIR/nginx.pid;
error_log $MS_DIR/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path $MS_DIR/tmp/client;
  proxy_temp_path $MS_DIR/tmp/proxy;
  fastcgi_temp_path $MS_DIR/tmp/fastcgi;
  uwsgi_temp_path $MS_DIR/tmp/uwsgi;
  scgi_temp_path $MS_DIR/tmp/scgi;
  # no kept FastCGI connections: a worker serves one connection at a time, and one kept idle by nginx holds its
  # worker while requests on new connections wait in the listen queue (measured: 78 req/s with p50 31 ms at 32
  # connections, a worker idle most of the time)
  upstream mapserv { server 127.0.0.1:$FASTCGI_PORT; }
  server {
    listen 127.0.0.1:$MAPSERVER_PORT;
    location /mapserv/ {
      gzip off;
      fastcgi_pass mapserv;
      fastcgi_buffers 64 16k;
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_NAME /mapserv;
      fastcgi_param PATH_INFO \$uri;
      fastcgi_param MAPSERVER_CONFIG_FILE $MS_DIR/mapserver.conf;
    }
  }
}
CONF
  # PATH_INFO must be what follows /mapserv: nginx hands the whole URI, so cut it in a map-free way
  sed -i 's|fastcgi_param PATH_INFO \$uri;|fastcgi_split_path_info ^(/mapserv)(/.*)$;\n      fastcgi_param PATH_INFO $fastcgi_path_info;|' "$MS_DIR/nginx.conf"
  "$(nginx_bin)" -p "$MS_DIR/" -c "$MS_DIR/nginx.conf" -e "$MS_DIR/logs/error.log"
  for _ in $(seq 1 50); do [ -s "$MS_DIR/nginx.pid" ] && break; sleep 0.1; done
  remember_pid "$(cat "$MS_DIR/nginx.pid")"
}

mapserver_stop() {
  [ -s "$MS_DIR/nginx.pid" ] && stop_pid "$(cat "$MS_DIR/nginx.pid")"
  local pid
  for pid in $(pgrep -f "^/usr/lib/cgi-bin/mapserv$" || true); do stop_pid "$pid"; done
}

# Request paths of both servers: BOXES boxes of 0.3 degrees around activities drawn at random (fixed seed).
write_paths() {
  bench_psql -c "select setseed(0.2016);
    select format('%s,%s,%s,%s', round((x - 0.15)::numeric, 4), round((y - 0.15)::numeric, 4),
                  round((x + 0.15)::numeric, 4), round((y + 0.15)::numeric, 4))
    from (select ST_X(location) + (random() - 0.5) * 0.2 as x, ST_Y(location) + (random() - 0.5) * 0.2 as y
          from activity tablesample bernoulli (least(100, 100.0 * $BOXES * 3 / greatest(1, (select count(*) from activity))))
          where location is not null order by random() limit $BOXES) p" | grep -v '^$' >"$WORK/ogc-boxes.txt"
  [ "$(wc -l <"$WORK/ogc-boxes.txt")" -gt 100 ] || die "too few activity locations for the boxes"
  sed 's|^|/ogc/collections/activities/items?limit=100\&bbox=|' "$WORK/ogc-boxes.txt" >"$WORK/ogc-paths-app.txt"
  sed 's|^|/mapserv/kotaku/ogcapi/collections/activities/items?f=json\&limit=100\&bbox=|' "$WORK/ogc-boxes.txt" \
    >"$WORK/ogc-paths-mapserver.txt"
}

# Bytes and feature count of the first request of each side (the same box), to show they answer alike.
compare_first() {
  local app ms
  app=$(curl -s "$APP_URL$(head -1 "$WORK/ogc-paths-app.txt")")
  ms=$(curl -s "$MAPSERVER_URL$(head -1 "$WORK/ogc-paths-mapserver.txt")")
  jq -nc --argjson a "$(jq -c '{features: (.features | length), matched: .numberMatched}' <<<"$app")" \
    --argjson m "$(jq -c '{features: (.features | length), matched: .numberMatched}' <<<"$ms")" \
    --argjson ab "${#app}" --argjson mb "${#ms}" \
    '{app: ($a + {bytes: $ab}), mapserver: ($m + {bytes: $mb})}'
}

main() {
  local started_at
  started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  log "$MODE OGC items run: $SCALE fixture, app $APP_URL, MapServer $MAPSERVER_URL, database $BENCH_DB"
  ensure_tools
  ensure_mapserver
  rm -rf "$RESULTS_DIR" "$MS_DIR"
  mkdir -p "$RESULTS_DIR" "$OUT_DIR" "$(dirname "$RESULTS_BASE")"
  build_app
  prepare_fixture "$WORK/activities-$SCALE.ndjson"
  local machine first rounds="$RESULTS_DIR/rounds.ndjson"
  machine=$(machine_facts)
  write_paths
  start_app ogc -Xmx512m PORTAL_DEMO_LOAD=false PORTAL_BULK_ENABLED=false
  wait_ready >/dev/null
  wait_figures >/dev/null
  mapserver_start
  first=$(compare_first)
  log "first box: $first"
  [ "$(jq .mapserver.features <<<"$first")" -gt 0 ] || die "MapServer answered no features; see $MS_DIR/logs"
  export BENCH_STATUSES=yes
  warm_up 2 32 "$MAPSERVER_URL" "$WORK/ogc-paths-mapserver.txt"
  warm_up 2 32 "$APP_URL" "$WORK/ogc-paths-app.txt"
  alternate_rounds ogc_items "$rounds" "$MAPSERVER_URL" "$APP_URL" "$WORK/ogc-paths-mapserver.txt" \
    "$WORK/ogc-paths-app.txt"
  mapserver_stop
  stop_app

  jq -n --arg started "$started_at" --arg mode "$MODE" --arg scale "$SCALE" --argjson machine "$machine" \
    --argjson first "$first" --argjson seconds "$DURATION" --argjson boxes "$(wc -l <"$WORK/ogc-boxes.txt")" \
    --slurpfile rounds "$rounds" "$JQ_MEDIAN"'
    ($rounds | map({round, ratio, app, mapserver: .nginx})) as $rounds
    | ($rounds | map(.app.rps) | median) as $app | ($rounds | map(.mapserver.rps) | median) as $ms
    | {startedAt: $started, mode: $mode, scale: $scale, machine: $machine, boxes: $boxes, threads: 2,
       connections: 32, secondsPerRun: $seconds, firstBox: $first,
       rounds: $rounds,
       appRpsMedian: $app, mapserverRpsMedian: $ms, ratio: ((($app / $ms) * 100 | round) / 100),
       targets: {ratio: 2}, met: {ratio: (($app / $ms) >= 2)}}' >"$RESULTS_BASE.json"
  jq -r '
    "# OGC API - Features items: the portal against MapServer 8 (\(.mode), \(.scale) fixture), \(.startedAt)\n",
    "Machine: \(.machine | tostring)\n",
    "Items of the activities collection, limit=100, \(.boxes) distinct 0.3 degree boxes around activities, wrk -t\(.threads) -c\(.connections), rounds of \(.secondsPerRun) s alternating which server goes first. First box: \(.firstBox | tostring).\n",
    "| round | portal req/s | MapServer req/s | ratio | portal p99 ms | MapServer p99 ms | portal non-2xx | MapServer non-2xx |",
    "|---|---|---|---|---|---|---|---|",
    (.rounds[] | "| \(.round) | \(.app.rps) | \(.mapserver.rps) | \(.ratio) | \(.app.p99Ms) | \(.mapserver.p99Ms) | \((.app.statuses // {}) | del(."2xx") | add // 0) | \((.mapserver.statuses // {}) | del(."2xx") | add // 0) |"),
    "\nMedian: portal \(.appRpsMedian) req/s, MapServer \(.mapserverRpsMedian) req/s, ratio **\(.ratio)** (target 2: \(.met.ratio))."
  ' "$RESULTS_BASE.json" >"$RESULTS_BASE.md"
  log "done: $RESULTS_BASE.md"
}

main
