-- wrk script of the benchmark: prints one line "BENCH_JSON {...}" with throughput, latency percentiles (ms)
-- and error counts when the run ends. When the environment variable BENCH_PATHS names a file of request
-- paths (one a line), requests cycle through them, each thread from its own starting point. When BENCH_STATUSES
-- is "yes", every answer's status is counted too (a response() hook: wrk then hands each answer to Lua, which
-- costs some throughput) and the line gets "statuses": {"2xx", "3xx", "4xx", "5xx", "other"}.

local paths_file = os.getenv("BENCH_PATHS")
local count_statuses = os.getenv("BENCH_STATUSES") == "yes"
local paths = nil
local threads = {}

if paths_file and paths_file ~= "" then
  paths = {}
  for line in io.lines(paths_file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  local next_index = 0

  -- thread:set in setup() makes "start" a global of that thread's script
  function init(args)
    next_index = (tonumber(start) or 1) - 1
  end

  function request()
    next_index = next_index % #paths + 1
    return wrk.format("GET", paths[next_index])
  end
end

function setup(thread)
  threads[#threads + 1] = thread
  if paths then thread:set("start", math.random(1, #paths)) end
end

-- per-thread counters (each thread runs its own copy of this script); done() adds them up
s2xx, s3xx, s4xx, s5xx, sother = 0, 0, 0, 0, 0

if count_statuses then
  function response(status, headers, body)
    if status >= 200 and status < 300 then s2xx = s2xx + 1
    elseif status >= 300 and status < 400 then s3xx = s3xx + 1
    elseif status >= 400 and status < 500 then s4xx = s4xx + 1
    elseif status >= 500 and status < 600 then s5xx = s5xx + 1
    else sother = sother + 1 end
  end
end

local function statuses_json()
  if not count_statuses then return "" end
  local sums = {s2xx = 0, s3xx = 0, s4xx = 0, s5xx = 0, sother = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(sums) do sums[name] = sums[name] + (tonumber(thread:get(name)) or 0) end
  end
  return string.format(', "statuses": {"2xx": %d, "3xx": %d, "4xx": %d, "5xx": %d, "other": %d}',
    sums.s2xx, sums.s3xx, sums.s4xx, sums.s5xx, sums.sother)
end

function done(summary, latency, requests)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "rps": %.1f, "bytes": %d, '
      .. '"p50Ms": %.3f, "p90Ms": %.3f, "p95Ms": %.3f, "p99Ms": %.3f, "maxMs": %.3f, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}%s}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout, statuses_json()))
end
