# Renders bench/results/latest.json as Markdown (jq -r -f report.jq latest.json).
def v: if . == null then "-" else tostring end;
def ms: if . == null then "-" else "\(.) ms" end;
def met: if . == true then "yes" elif . == false then "**no**" else "-" end;
def heap: if . == null then "-" else "\(.) MiB" end;
def lat: "p50 \(.p50Ms | ms), p90 \(.p90Ms | ms), p99 \(.p99Ms | ms)";

def line:
  if .status != "ok" and .insert == null then
    {result: "\(.status): \(.reason)", target: "-", met: "-"}
  elif .scenario == "startup" then
    (if .runs then
      {result: (.runs | map("\(.launch): ready \(.seconds) s, first figures (HTTP \(.summaryStatus)) \(.figuresSeconds) s") | join("; ")),
       target: "restart: figures < \(.targets.figuresSeconds) s", met: "figures \(.met.figures | met)"}
    else
      {result: "readiness probe UP \(.seconds) s after launch; first figures (summary HTTP \(.summaryStatus)) after \(.figuresSeconds) s", target: "< 10 s",
       met: "ready \(.met.seconds | met), figures \(.met.figures | met)"}
    end)
  elif .scenario | startswith("cached_") then
    {result: "app \(.app.rps) req/s, nginx \(.nginx.rps) req/s: **ratio \(.ratio)** (rounds \(.roundRatios | map(tostring) | join(", "))); app \(.app | lat); \(.bytes) bytes\(if .etag == null then "; no ETag: not served from a cache on this build" else "" end)",
     target: "ratio >= \(.targets.ratio), p99 < 10 ms, no errors",
     met: "ratio \(.met.ratio | met), p99 \(.met.p99 | met), errors \(.met.errors | met)"}
  elif .scenario == "region_search" then
    {result: "\(.result.rps) req/s at \(.connections) connections; \(.result | lat)", target: "none in DESIGN.md (issue #8: a few ms)", met: "-"}
  elif .scenario == "activity_search" then
    {result: "p95 \(.result.p95Ms | ms) at 1 connection (\(.result.rps) req/s, \(.distinctQueries) bboxes)", target: "p95 < 30 ms",
     met: "p95 \(.met.p95 | met), errors \(.met.errors | met)"}
  elif .scenario | startswith("tiles_uncached_") then
    {result: "\(.layer): \(.zooms | map("z\(.zoom) p95 \(.p95Ms | ms) (\(.requests) tiles, max \((.maxBytes / 1024) | round) KB)") | join("; "))",
     target: "p95 < 50 ms at each zoom; tiles < 500 KB",
     met: "p95 \(.met.p95 | met), size \(.met.size | met), errors \(.met.errors | met)"}
  elif .scenario == "tiles_cached" then
    {result: "app \(.app.rps) req/s, nginx \(.nginx.rps) req/s: **ratio \(.ratio)** (rounds \(.roundRatios | map(tostring) | join(", "))); app \(.app | lat); \(.tiles) hot tiles of \(.meanBytes) bytes on average",
     target: "like a static file (no ratio set); p99 < 10 ms, no errors", met: "p99 \(.met.p99 | met), errors \(.met.errors | met)"}
  elif .scenario == "ogc_items" then
    {result: "p95 \(.result.p95Ms | ms) at 1 connection (\(.result.rps) req/s, \(.result.requests) requests over \(.distinctQueries) bboxes)",
     target: "none set (activity search: p95 < 30 ms)", met: "p95 < 30 ms \(.met.p95 | met), errors \(.met.errors | met)"}
  elif .scenario == "read_model_refresh" then
    {result: "median \(.medianSeconds) s, max \(.maxSeconds) s over \(.refreshes) refreshes", target: "< 3 s", met: (.met.seconds | met)}
  elif .scenario == "p99_during_refresh" or .scenario == "p99_during_ingestion" or .scenario == "p99_during_rebuild" then
    {result: "p99 idle \(.idle.p99Ms | ms), during \(.refreshesDuring) refreshes (\(.patched // "?") patched, \(.whole // "?") whole; mean \(.meanRefreshSeconds // "?") s) \(.during.p99Ms | ms): ratio \(.p99Ratio); errors during \(.during.errors)",
     target: (if .targets.p99Ratio then "ratio <= 2, zero errors" elif .scenario == "p99_during_ingestion" then "reported (no ratio target: the uploads' own work on top of the refreshes); zero errors" else "reported (no ratio target: whole rebuilds happen at start and after changed regions); zero errors" end),
     met: ((if .met.p99Ratio == null then "" else "ratio \(.met.p99Ratio | met), " end) + "errors \(.met.errors | met)")}
  elif .scenario == "ingest_activities" then
    {result: "\(if .status != "ok" then "**\(.status)**: " else "" end)insert \(if .insert.unfinished then .insert.unfinished else "\(.insert.rowsPerSecond | v) rows/s (\(.insert.seconds) s, HTTP \(.insert.httpStatus))" end), peak heap \(.insert.peakHeapMiB | heap), lines with OutOfMemoryError in the app log: \(.insert.outOfMemoryErrorsInAppLog // 0); resend \(if .resend.skipped then "skipped: \(.resend.skipped)" else "\(.resend.rowsPerSecond | v) rows/s (\(.resend.seconds) s)" end)",
     target: ">= 50,000 rows/s with -Xmx512m", met: "rows/s \(.met.rowsPerSecond | met), heap \(.met.heap | met)"}
  else {result: (. | tostring), target: "-", met: "-"} end;

def wrk_row($name): "| \($name) | \(.rps) | \(.p50Ms | ms) | \(.p90Ms | ms) | \(.p99Ms | ms) | \(.totalErrors // .errors) |";

. as $run
| "# Benchmark results: \($run.mode) run",
  "",
  (if $run.mode == "quick" then
    "> **Quick mode**: the DEMO-scale fixture (about 2,000 program villages, not the national 1,000,000 activities) and short runs. It proves the harness works end to end; it does **not** check the DESIGN.md targets, which are set at national scale (`make bench`)."
   else empty end),
  "> The machine is shared (load average \($run.machine.loadAverageAtStart) at the start, \($run.machine.loadAverageAtEnd) at the end; busiest processes at the start: \($run.machine.busiestProcessesAtStart)). Absolute numbers drift with the other tenants; the side-by-side ratios are the figures to read. wrk runs on the same cores as the servers, for nginx and the app alike.",
  "",
  (if $run.settings.scenarios != null and $run.settings.scenarios != "all" then "> **Partial run**: scenarios \($run.settings.scenarios) only (BENCH_SCENARIOS).\n" else empty end),
  "Run \($run.startedAt) to \($run.finishedAt), commit `\($run.commit)`; warm-up \($run.settings.warmUpSeconds) s, \($run.settings.secondsPerRun) s per measured run, \($run.settings.rounds) alternating rounds; app started with \($run.settings.appHeap).",
  "",
  "## Summary",
  "",
  "| scenario | result | target (DESIGN.md section 6) | met |",
  "|---|---|---|---|",
  ($run.scenarios[] | line as $l | "| \(.scenario) | \($l.result) | \($l.target) | \($l.met) |"),
  "",
  "## Machine",
  "",
  "| | |",
  "|---|---|",
  "| CPU | \($run.machine.cpu), \($run.machine.cores) cores |",
  "| memory | \($run.machine.memoryMiB) MiB |",
  "| Java | \($run.machine.java) |",
  "| OS | \($run.machine.os) |",
  "| PostgreSQL | \($run.machine.postgres) |",
  "| nginx / wrk | \($run.machine.nginx) / \($run.machine.wrk) |",
  "| load average (1, 5, 15 min) | start \($run.machine.loadAverageAtStart), end \($run.machine.loadAverageAtEnd) |",
  "",
  "## Fixture",
  "",
  "\($run.fixture.scale) scale, seed \($run.fixture.seed): \($run.fixture.provinces) provinces, \($run.fixture.regencies) regencies (\($run.fixture.programRegencies) in the program), \($run.fixture.districts) districts, \($run.fixture.villages) villages (\($run.fixture.programVillages) with activities), \($run.fixture.slumAreas) slum areas with \($run.fixture.assessments) assessments, \($run.fixture.allocations) allocations, \($run.fixture.activities) activities. Region codes: \($run.fixture.regionCodes). \(if $run.fixture.loadSeconds == null then "The database already held the fixture (BENCH_REUSE_DB=yes): loaded by an earlier run." else "Loaded by the app's demo loader (through IngestService, in process) in \($run.fixture.loadSeconds) s with \($run.fixture.loadedWith)." end)",
  "",
  "## Details",
  "",
  ($run.scenarios[] | select(.status == "ok" or .insert != null) |
    if .scenario | startswith("cached_") then
      "### \(.scenario): `GET \(.path)` (\(.bytes) bytes) vs nginx",
      "",
      "ETag: \(.etag | v); Cache-Control: \(.cacheControl | v); peak heap \(.peakHeapMiB | heap); wrk -t2 -c32, \(.secondsPerRun) s per run.",
      "",
      "| run | req/s | p50 | p90 | p99 | errors |",
      "|---|---|---|---|---|---|",
      (.rounds[] | .round as $r | (.nginx | wrk_row("nginx, round \($r)")), (.app | wrk_row("app, round \($r)"))),
      (.nginx | wrk_row("**nginx, median**")),
      (.app | wrk_row("**app, median**")),
      ""
    elif .scenario | startswith("tiles_uncached_") then
      "### \(.scenario): `GET \(.template)`, every tile once",
      "",
      "Each tile requested once, one after another on one kept-alive connection (curl), so the app's tile cache never answers; peak heap \(.peakHeapMiB | heap).",
      "",
      "| zoom | tiles | 200 | 204 | p50 | p90 | p95 | p99 | max | mean bytes | max bytes | errors |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|",
      (.zooms[] | "| \(.zoom) | \(.requests) | \(.ok) | \(.empty204) | \(.p50Ms | ms) | \(.p90Ms | ms) | \(.p95Ms | ms) | \(.p99Ms | ms) | \(.maxMs | ms) | \(.meanBytes | v) | \(.maxBytes | v) | \(.errors) |"),
      ""
    elif .scenario == "tiles_cached" then
      "### tiles_cached: \(.tiles) hot tiles (e.g. `\(.examplePath)`) vs nginx",
      "",
      "wrk -t2 -c32 cycling through the hot tiles (in the app's tile cache), \(.secondsPerRun) s per run; nginx serves the same bytes at the same paths; peak heap \(.peakHeapMiB | heap).",
      "",
      "| run | req/s | p50 | p90 | p99 | errors |",
      "|---|---|---|---|---|---|",
      (.rounds[] | .round as $r | (.nginx | wrk_row("nginx, round \($r)")), (.app | wrk_row("app, round \($r)"))),
      (.nginx | wrk_row("**nginx, median**")),
      (.app | wrk_row("**app, median**")),
      ""
    elif .scenario == "p99_during_refresh" or .scenario == "p99_during_ingestion" or .scenario == "p99_during_rebuild" then
      "### \(.scenario): `GET \(.path)`, idle vs refreshes back to back",
      "",
      "Refreshes: \(.refreshes // "NOTIFY").",
      "",
      "| run | req/s | p50 | p90 | p99 | errors |",
      "|---|---|---|---|---|---|",
      (.rounds[] | .round as $r | .refreshesDuring as $n | (.idle | wrk_row("idle, round \($r)")), (.during | wrk_row("during \($n) refreshes, round \($r)"))),
      ""
    elif .scenario == "region_search" or .scenario == "activity_search" or .scenario == "ogc_items" then
      "### \(.scenario): `GET \(.path // .examplePath)`",
      "",
      "wrk -t\(.threads) -c\(.connections), \(.seconds) s; \(.result.requests) requests, p95 \(.result.p95Ms | ms), max \(.result.maxMs | ms), errors \(.result.totalErrors); peak heap \(.peakHeapMiB | heap).",
      ""
    elif .scenario == "ingest_activities" then
      "### ingest_activities: `POST \(.path)` (\(.contentType))",
      "",
      "| upload | HTTP | rows | MB | seconds | rows/s | peak heap | app alive after |",
      "|---|---|---|---|---|---|---|---|",
      (.insert, .resend | select(.skipped == null) | "| \(.upload) | \(.httpStatus) | \(.rows) | \((.bytes / 1048576 * 10 | round) / 10) | \(.seconds) | \(.rowsPerSecond | v) | \(.peakHeapMiB | heap) | \(.appAliveAfter) |"),
      "",
      "Batch records: insert \(.insert.answer | if . == null then "-" else tojson end), resend \(.resend.answer | if . == null then "-" else tojson end).",
      ""
    else empty end)
