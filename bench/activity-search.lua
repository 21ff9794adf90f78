-- wrk script: activity search as a map client does it, bbox + fiscal year + type, 100 rows, over a varied set of
-- map views (about 0.5 degree: a city; about 2 degrees: a province part) across Indonesia's program regions.
-- Reports p50/p95/p99 and counts answers that are not 200 (a 429 means the rate limit is still on).
local views = {
  {116.7, -1.4, 117.1, -1.0}, {119.2, -5.3, 119.6, -5.0}, {112.5, -7.5, 113.0, -7.0}, {107.4, -7.1, 107.8, -6.7},
  {106.6, -6.4, 107.1, -6.0}, {110.2, -7.2, 110.6, -6.8}, {98.5, 3.4, 98.9, 3.8}, {95.2, 5.4, 95.5, 5.7},
  {104.6, -3.1, 105.0, -2.8}, {109.2, -0.1, 109.5, 0.2}, {124.7, 1.3, 125.0, 1.6}, {140.6, -2.7, 140.8, -2.5},
  {105.0, -8.0, 107.0, -6.0}, {110.0, -8.0, 112.0, -6.5}, {115.0, -9.0, 117.0, -8.0}, {119.0, -6.0, 121.0, -4.0}
}
local types = {"road", "drainage", "water", "sanitation", "waste"}
local counter = 0
local bad = 0

request = function()
  counter = counter + 1
  local v = views[(counter % #views) + 1]
  local t = types[(counter % #types) + 1]
  local year = 2016 + (counter % 10)
  local path = string.format("/api/v1/activities?bbox=%.2f,%.2f,%.2f,%.2f&year=%d&type=%s&limit=100",
    v[1], v[2], v[3], v[4], year, t)
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-200 %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, bad, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
