-- wrk script of the benchmark: prints one line "BENCH_JSON {...}" with throughput, latency percentiles (ms)
-- and error counts when the run ends. When the environment variable BENCH_PATHS names a file of request
-- paths (one a line), requests cycle through them, each thread from its own starting point.

local paths_file = os.getenv("BENCH_PATHS")

if paths_file and paths_file ~= "" then
  local paths = {}
  for line in io.lines(paths_file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  local next_index = 0

  function setup(thread)
    thread:set("start", math.random(1, #paths))
  end

  -- thread:set in setup() makes "start" a global of that thread's script
  function init(args)
    next_index = (tonumber(start) or 1) - 1
  end

  function request()
    next_index = next_index % #paths + 1
    return wrk.format("GET", paths[next_index])
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "rps": %.1f, "bytes": %d, '
      .. '"p50Ms": %.3f, "p90Ms": %.3f, "p95Ms": %.3f, "p99Ms": %.3f, "maxMs": %.3f, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
