# Facts about the machine and the fixture, and the results files: latest.json (everything) and latest.md
# (the same, for people).

machine_facts() {
  jq -n --arg cpu "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
    --argjson cores "$(nproc)" \
    --argjson memMiB "$(awk '/MemTotal/ { printf "%.0f", $2 / 1024 }' /proc/meminfo)" \
    --arg java "$(java -version 2>&1 | head -2 | tail -1)" \
    --arg os "$(. /etc/os-release && echo "$PRETTY_NAME")" \
    --arg postgres "$(bench_psql -c 'show server_version' 2>/dev/null)" \
    --arg nginx "$("$(nginx_bin)" -v 2>&1 | sed 's/^nginx version: //')" \
    --arg wrk "$(wrk -v 2>&1 | head -1 | awk '{ print $2 }')" \
    --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
    --arg busy "$(ps -eo pcpu=,comm= --sort=-pcpu | head -5 | awk '{ printf "%s%s %s%%", sep, $2, $1; sep = ", " }')" \
    '{cpu: $cpu, cores: $cores, memoryMiB: $memMiB, java: $java, os: $os, postgres: $postgres, nginx: $nginx,
      wrk: $wrk, loadAverageAtStart: $load, busiestProcessesAtStart: $busy}'
}

fixture_facts() {
  local load_seconds=$1
  bench_psql -c "select json_build_object(
      'scale', '$SCALE', 'seed', $SEED,
      'regionCodes', 'synthetic generator (org.kotaku.portal.demo.DemoWorld): the 38 real provinces and real program-city codes, synthetic regencies at national scale, synthetic districts and villages; ' ||
        case when exists (select 1 from ingest_batch where source = 'region-files') then 'real province and regency boundaries from ../shared/data laid over them' else 'no boundaries' end ||
        '; wilayah_kode.csv not used',
      'provinces', (select count(*) from region where level = 1),
      'regencies', (select count(*) from region where level = 2),
      'districts', (select count(*) from region where level = 3),
      'villages', (select count(*) from region where level = 4),
      'programRegencies', (select count(distinct left(village_code, 5)) from activity),
      'programVillages', (select count(distinct village_code) from activity),
      'slumAreas', (select count(*) from slum_area),
      'assessments', (select count(*) from assessment),
      'allocations', (select count(*) from allocation),
      'activities', (select count(*) from activity),
      'loadSeconds', $load_seconds,
      'loadedWith', '$LOAD_JAVA_OPTS')"
}

# Puts every recorded scenario together with the run's facts into latest.json.
write_json() {
  local machine=$1 fixture=$2 started=$3 out=$4
  jq -s --argjson machine "$machine" --argjson fixture "$fixture" --arg mode "$MODE" --arg started "$started" \
    --arg finished "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)" \
    --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --argjson warmup "$WARMUP_SECONDS" --argjson seconds "$DURATION" \
    --argjson rounds "$ROUNDS" --arg scenarios "$SCENARIOS" --arg reuse "$REUSE_DB" \
    '{mode: $mode, commit: $commit, startedAt: $started, finishedAt: $finished,
      settings: {warmUpSeconds: $warmup, secondsPerRun: $seconds, rounds: $rounds, appHeap: "-Xmx512m",
                 scenarios: $scenarios, reuseDatabase: ($reuse == "yes")},
      machine: ($machine + {loadAverageAtEnd: $load}), fixture: $fixture, scenarios: .}' \
    "$RESULTS_DIR"/*.json >"$out"
}

write_markdown() {
  jq -r -f "$BENCH_DIR/lib/report.jq" "$1" >"$2"
}
