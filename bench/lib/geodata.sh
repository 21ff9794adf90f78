# Geodata scenarios (issue #6): vector tiles uncached and cached, and OGC API - Features items by bbox.
# Targets of shared/DESIGN.md section 6: a tile uncached p95 under 50 ms at zoom 5-14, cached "like a static file".

TILE_ZOOMS="5 8 11 14"
# zooms whose tiles only warm up the JIT and the database path (zoom 4: the low-zoom statements, provinces and the
# coarsest activity cells; 6, 9, 12: the others), never the addresses measured (other zooms)
TILE_WARM_ZOOMS="4 6 9 12"
TILE_LAYERS="activities regions slum-areas"

# SQL: the distinct tile addresses "x y" at zoom $2 where a layer ($1) has data in program regencies, in a fixed
# pseudo-random order (spread across the country), at most $3. Activities and regions: the tiles of the activities'
# locations (from their zoom-15 cells, migration V41), which cover every program regency; slum areas: the tiles of
# their centroids.
tile_addresses_sql() {
  local layer=$1 z=$2 limit=$3 cells
  case "$layer" in
    slum-areas)
      cells="select (kotaku_tile_cell(ST_Transform(coalesce(s.centroid, ST_PointOnSurface(s.geom)), 3857)))[1] as cx,
                    (kotaku_tile_cell(ST_Transform(coalesce(s.centroid, ST_PointOnSurface(s.geom)), 3857)))[2] as cy
             from slum_area s where coalesce(s.centroid, s.geom) is not null" ;;
    *) cells="select cell_x as cx, cell_y as cy from activity_tile_cell where zoom = 15" ;;
  esac
  echo "select x || ' ' || y from (select distinct cx >> (15 - $z) as x, cy >> (15 - $z) as y from ($cells) c) t
        order by md5(x || '/' || y) limit $limit"
}

# The tile URL template the layer's TileJSON names (versioned, as MapLibre requests them), as a path.
tile_template() {
  local layer=$1 template
  template=$(curl -s --max-time 30 "$APP_URL/tiles/$layer.json" | jq -r '.tiles[0] // empty' 2>/dev/null)
  case "$template" in "$APP_URL"/*) echo "${template#"$APP_URL"}" ;; *) return 1 ;; esac
}

# tile_paths <layer> <template> <zoom> <limit>: request paths of distinct tiles with data at that zoom.
tile_paths() {
  local layer=$1 template=$2 z=$3 limit=$4
  bench_psql -c "$(tile_addresses_sql "$layer" "$z" "$limit")" | while read -r x y; do
    local path=${template//\{z\}/$z}
    path=${path//\{x\}/$x}
    printf '%s\n' "${path//\{y\}/$y}"
  done
}

# fetch_once <paths file>: requests every path exactly once, one after another on one kept-alive connection
# (one curl for the whole list), and prints "status seconds bytes path" per request. A tile is cached in the app
# (and a CDN) by data version and address, so a path requested once in the app's lifetime always takes the
# database path.
fetch_once() {
  local paths=$1 config="$WORK/curl-$$.cfg"
  awk -v base="$APP_URL" 'NF { printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", base, $0 }' "$paths" >"$config"
  curl -s --max-time 600 -K "$config" -w '%{http_code} %{time_total} %{size_download} %{url_effective}\n' || true
  rm -f "$config"
}

# Percentiles (nearest rank) and sizes of fetch_once lines, as one JSON object.
JQ_ONCE_STATS='def pct($p): if length == 0 then null else .[((($p / 100) * length) | ceil) - 1] end;
  def r3: if . == null then null else (. * 1000 | round) / 1000 end;
  split("\n") | map(select(length > 0) | split(" ") | {status: .[0], ms: ((.[1] | tonumber) * 1000), bytes: (.[2] | tonumber)})
  | (map(.ms) | sort) as $ms | (map(.bytes)) as $bytes
  | {requests: length, p50Ms: ($ms | pct(50) | r3), p90Ms: ($ms | pct(90) | r3), p95Ms: ($ms | pct(95) | r3),
     p99Ms: ($ms | pct(99) | r3), maxMs: ($ms | max | r3),
     ok: map(select(.status == "200")) | length, empty204: map(select(.status == "204")) | length,
     errors: map(select(.status != "200" and .status != "204")) | length,
     maxBytes: ($bytes | max), meanBytes: (if length == 0 then null else ($bytes | add / length | round) end)}'

geodata_probe() {
  local name=$1 path=$2 status
  status=$(http_status "$APP_URL$path")
  [ "$status" = 200 ] && return 0
  record_unavailable "$name" "GET $path answered $status"
  return 1
}

# Uncached tiles of one layer: at each zoom of TILE_ZOOMS, up to TILES_PER_ZOOM distinct tiles with data, each
# requested exactly once on one connection, after a warm-up on tiles of other zooms.
scenario_tiles_uncached() {
  local layer=$1 name="tiles_uncached_${1//-/_}" template
  geodata_probe "$name" "/tiles/$layer.json" || return 0
  template=$(tile_template "$layer") || { record_failed "$name" "the TileJSON of $layer names no tile URL on $APP_URL"; return 0; }
  local z paths="$WORK/$name-warm.txt" zooms="$WORK/$name-zooms.ndjson"
  : >"$paths"
  for z in $TILE_WARM_ZOOMS; do tile_paths "$layer" "$template" "$z" "$TILE_WARM_PER_ZOOM" >>"$paths"; done
  fetch_once "$paths" >/dev/null
  : >"$zooms"
  heap_sampler_start "$name"
  for z in $TILE_ZOOMS; do
    tile_paths "$layer" "$template" "$z" "$TILES_PER_ZOOM" >"$WORK/$name-z$z.txt"
    fetch_once "$WORK/$name-z$z.txt" >"$WORK/$name-z$z.out"
    jq -Rsc --argjson z "$z" "$JQ_ONCE_STATS"' | {zoom: $z} + .' "$WORK/$name-z$z.out" >>"$zooms"
    log "$name zoom $z: $(jq -r '"\(.requests) tiles, p95 \(.p95Ms) ms, max \(.maxBytes) bytes"' <<<"$(tail -1 "$zooms")")"
  done
  local peak
  peak=$(heap_sampler_stop)
  record "$name" "$(jq -s --arg layer "$layer" --arg template "$template" --arg peak "$peak" '
    {status: "ok", layer: $layer, template: $template, zooms: .,
     what: "each tile requested once (one connection, one curl), versioned URLs from the TileJSON: every request takes the database path",
     peakHeapMiB: (if $peak == "" then null else ($peak | tonumber) end),
     targets: {p95Ms: 50, maxBytes: 512000},
     met: {p95: all(.[]; .p95Ms != null and .p95Ms < 50), errors: all(.[]; .errors == 0),
           size: all(.[]; .maxBytes < 512000), tiles: all(.[]; .requests > 0)}}' "$zooms")"
}

# Cached tiles: a few hot tiles per zoom and layer (already in the app's tile cache from the uncached runs), wrk
# -t2 -c32 cycling through them, against nginx serving the same bytes at the same paths, alternating rounds.
scenario_tiles_cached() {
  local name=tiles_cached hot="$WORK/tiles-hot.txt" layer z path
  : >"$hot"
  for layer in activities regions; do
    for z in $TILE_ZOOMS; do
      [ -s "$WORK/tiles_uncached_${layer}-z$z.out" ] || continue
      awk -v base="$APP_URL" '$1 == 200 && n++ < 4 { sub("^" base, "", $4); print $4 }' "$WORK/tiles_uncached_${layer}-z$z.out" >>"$hot"
    done
  done
  [ -s "$hot" ] || { record_unavailable "$name" "no tile was served by the uncached runs (run the tiles scenarios together)"; return 0; }
  local bytes=0 size
  while read -r path; do
    mkdir -p "$NGINX_DIR/root$(dirname "$path")"
    curl -s -o "$NGINX_DIR/root$path" "$APP_URL$path"
    cmp -s <(curl -s "$NGINX_URL$path") "$NGINX_DIR/root$path" || { record_failed "$name" "nginx does not serve the app's bytes of $path"; return 0; }
    size=$(stat -c %s "$NGINX_DIR/root$path")
    bytes=$((bytes + size))
  done <"$hot"
  warm_up 2 32 "$NGINX_URL" "$hot"
  warm_up 2 32 "$APP_URL" "$hot"
  local rounds="$WORK/$name-rounds.ndjson"
  heap_sampler_start "$name"
  alternate_rounds "$name" "$rounds" "$NGINX_URL" "$APP_URL" "$hot"
  local peak
  peak=$(heap_sampler_stop)
  record "$name" "$(jq -s --argjson tiles "$(wc -l <"$hot")" --argjson bytes "$bytes" --arg peak "$peak" \
    --argjson seconds "$DURATION" --arg example "$(head -1 "$hot")" \
    --arg app "$(jq -s -c 'map(.app)' "$rounds" | side_summary)" \
    --arg nginx "$(jq -s -c 'map(.nginx)' "$rounds" | side_summary)" "$JQ_MEDIAN"'
    ($app | fromjson) as $a | ($nginx | fromjson) as $n
    | {status: "ok", tiles: $tiles, meanBytes: (($bytes / $tiles) | round), examplePath: $example,
       threads: 2, connections: 32, secondsPerRun: $seconds, app: $a, nginx: $n, ratio: (($a.rps / $n.rps) | r4),
       roundRatios: map(.ratio), peakHeapMiB: (if $peak == "" then null else ($peak | tonumber) end),
       targets: {note: "DESIGN.md: cached tiles like a static file (no ratio set)", p99Ms: 10},
       met: {p99: ($a.p99Ms < 10), errors: ($a.errors == 0)}, rounds: .}' "$rounds")"
}

# OGC API - Features items paths by bbox, 100 per page, one a line: a box of about 0.2 degree (a city district on a
# map) around every program village in a fixed pseudo-random order (also the OGC requests of bench/mixed.sh).
ogc_items_paths() {
  bench_psql -c "select format('/ogc/collections/activities/items?bbox=%s,%s,%s,%s&limit=100',
        round(st_x(r.label_point)::numeric - 0.1, 4), round(st_y(r.label_point)::numeric - 0.1, 4),
        round(st_x(r.label_point)::numeric + 0.1, 4), round(st_y(r.label_point)::numeric + 0.1, 4))
      from region r
     where r.level = 4 and r.label_point is not null
       and r.code in (select distinct village_code from activity)
     order by md5(r.code)"
}

# OGC items at one connection, cycling through ogc_items_paths: thousands of distinct queries, so that neither a
# cached count nor a cached page answers them.
scenario_ogc_items() {
  local name=ogc_items paths="$WORK/ogc-items-paths.txt" first
  ogc_items_paths >"$paths"
  first=$(head -1 "$paths")
  [ -n "$first" ] || { record_failed "$name" "no program village with a label point in the fixture"; return 0; }
  geodata_probe "$name" "$first" || return 0
  local features
  features=$(curl -s "$APP_URL$first" | jq '(.features // []) | length' 2>/dev/null || echo null)
  # warm-up and measured run each start at a random point of thousands of boxes: few boxes meet twice
  warm_up 1 1 "$APP_URL$first" "$paths"
  heap_sampler_start "$name"
  local result peak
  result=$(run_wrk 1 1 "$DURATION" "$APP_URL$first" "$paths")
  peak=$(heap_sampler_stop)
  record "$name" "$(jq <<<"$result" --arg path "$first" --argjson n "$(wc -l <"$paths")" --argjson features "${features:-null}" \
    --arg peak "$peak" --argjson s "$DURATION" '
    {status: "ok", examplePath: $path, distinctQueries: $n, featuresInFirstAnswer: $features, threads: 1,
     connections: 1, seconds: $s, result: ., peakHeapMiB: (if $peak == "" then null else ($peak | tonumber) end),
     targets: {note: "none set in DESIGN.md; activity search (bbox + year + type, 100 rows) has p95 < 30 ms", p95Ms: 30},
     met: {p95: (.p95Ms < 30), errors: (.totalErrors == 0)}}')"
}
