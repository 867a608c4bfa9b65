-- The load and the report of a wrk run, for wrk 4 (LuaJIT). Configured by environment variables, all optional:
--   COUNTLY_APP_KEY   with it, requests go to Countly's write API (/i, one event per request, many device ids) and,
--   COUNTLY_API_KEY,  with these two, WRK_READ_PERCENT % of them (default 20) to its read API (/o, method=events);
--   COUNTLY_APP_ID    without an app key, every request is a GET of the URL wrk was given.
--   WRK_RESULTS       a file to write the results to, for the Job's push container (they are printed too)
--   WRK_SOURCE        what ran the load, for the report; WRK_CONNECTIONS, WRK_THREADS, WRK_RATE: the settings, echoed
-- The results are in the Prometheus text format (names wrk_*, read by cncfdemo's benchmark and the Grafana dashboard).
-- Latencies are wrk's, from send to response, per connection: a closed loop. wrk 4 corrects them for coordinated
-- omission after the run, with the mean interval per connection (stats_correct), before done() sees them.
-- Completed responses are also counted per second of the wall clock (os.time), with those of status 400 or more.

local app_key = os.getenv("COUNTLY_APP_KEY") or ""
local api_key = os.getenv("COUNTLY_API_KEY") or ""
local app_id = os.getenv("COUNTLY_APP_ID") or ""
local read_percent = tonumber(os.getenv("WRK_READ_PERCENT") or "") or 20
if api_key == "" or app_id == "" then
  read_percent = 0
end
-- [{"key":"wrk","count":1,"sum":1}], URL-encoded
local events = "%5B%7B%22key%22%3A%22wrk%22%2C%22count%22%3A1%2C%22sum%22%3A1%7D%5D"
local read_path = "/o?api_key=" .. api_key .. "&app_id=" .. app_id .. "&method=events&event=wrk&period=hour"

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

-- per thread
counts = {}
errors = {}
sent = 0

if app_key ~= "" then
  function request()
    sent = sent + 1
    if (sent % 100) < read_percent then
      return wrk.format("GET", read_path)
    end
    local device = string.format("wrk-%d-%d", id or 0, sent % 1000)
    return wrk.format("GET", "/i?app_key=" .. app_key .. "&device_id=" .. device .. "&events=" .. events)
  end
end

function response(status, headers, body)
  local second = os.time()
  counts[second] = (counts[second] or 0) + 1
  if status >= 400 then
    errors[second] = (errors[second] or 0) + 1
  end
end

local function label(value)
  return (tostring(value):gsub("\\", "\\\\"):gsub("\"", "\\\""):gsub("\n", "\\n"))
end

local function env_number(name)
  return tonumber(os.getenv(name) or "")
end

-- the per-second counts of every thread, merged, in at most 600 intervals
local function timeline()
  local total, failed = {}, {}
  local first, last
  for _, thread in ipairs(threads) do
    local c, e = thread:get("counts") or {}, thread:get("errors") or {}
    for second, n in pairs(c) do
      total[second] = (total[second] or 0) + n
      first = (first == nil or second < first) and second or first
      last = (last == nil or second > last) and second or last
    end
    for second, n in pairs(e) do
      failed[second] = (failed[second] or 0) + n
    end
  end
  if first == nil then
    return {}
  end
  local width = math.max(1, math.ceil((last - first + 1) / 600))
  local lines = {
    "# TYPE wrk_interval_seconds gauge",
    string.format("wrk_interval_seconds %d", width),
    "# TYPE wrk_interval_requests gauge",
  }
  local error_lines = { "# TYPE wrk_interval_errors gauge" }
  for start = first, last, width do
    local n, f = 0, 0
    for second = start, math.min(last, start + width - 1) do
      n = n + (total[second] or 0)
      f = f + (failed[second] or 0)
    end
    lines[#lines + 1] = string.format("wrk_interval_requests{start=\"%d\"} %d", start - first, n)
    error_lines[#error_lines + 1] = string.format("wrk_interval_errors{start=\"%d\"} %d", start - first, f)
  end
  for _, line in ipairs(error_lines) do
    lines[#lines + 1] = line
  end
  return lines
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local source = os.getenv("WRK_SOURCE") or "wrk"
  local method = "closed loop (wrk 4): latency from send to response, corrected by wrk after the run with the mean interval per connection"
  if env_number("WRK_RATE") then
    method = method .. "; the asked rate was not held: plain wrk has no constant-rate mode"
  end
  local lines = {
    "# TYPE wrk_info gauge",
    string.format("wrk_info{method=\"%s\",source=\"%s\"} 1", label(method), label(source)),
    "# TYPE wrk_requests_total gauge",
    string.format("wrk_requests_total %d", summary.requests),
    "# TYPE wrk_duration_seconds gauge",
    string.format("wrk_duration_seconds %.6f", seconds),
    "# TYPE wrk_requests_per_second gauge",
    string.format("wrk_requests_per_second %.3f", summary.requests / seconds),
    "# TYPE wrk_bytes_total gauge",
    string.format("wrk_bytes_total %d", summary.bytes),
    "# TYPE wrk_errors_total gauge",
    string.format("wrk_errors_total{type=\"connect\"} %d", e.connect),
    string.format("wrk_errors_total{type=\"read\"} %d", e.read),
    string.format("wrk_errors_total{type=\"write\"} %d", e.write),
    string.format("wrk_errors_total{type=\"status\"} %d", e.status),
    string.format("wrk_errors_total{type=\"timeout\"} %d", e.timeout),
    "# TYPE wrk_latency_seconds gauge",
  }
  for _, q in ipairs({ 50, 90, 99, 99.9 }) do
    lines[#lines + 1] = string.format("wrk_latency_seconds{quantile=\"%s\"} %.6f", q / 100, latency:percentile(q) / 1e6)
  end
  lines[#lines + 1] = "# TYPE wrk_latency_max_seconds gauge"
  lines[#lines + 1] = string.format("wrk_latency_max_seconds %.6f", latency.max / 1e6)
  lines[#lines + 1] = "# TYPE wrk_latency_mean_seconds gauge"
  lines[#lines + 1] = string.format("wrk_latency_mean_seconds %.6f", latency.mean / 1e6)
  lines[#lines + 1] = "# TYPE wrk_threads gauge"
  lines[#lines + 1] = string.format("wrk_threads %d", env_number("WRK_THREADS") or #threads)
  local connections = env_number("WRK_CONNECTIONS")
  if connections then
    lines[#lines + 1] = "# TYPE wrk_connections gauge"
    lines[#lines + 1] = string.format("wrk_connections %d", connections)
  end
  local rate = env_number("WRK_RATE")
  if rate then
    lines[#lines + 1] = "# TYPE wrk_target_rate gauge"
    lines[#lines + 1] = string.format("wrk_target_rate %d", rate)
  end
  for _, line in ipairs(timeline()) do
    lines[#lines + 1] = line
  end
  local text = table.concat(lines, "\n") .. "\n"
  io.write(text)
  local path = os.getenv("WRK_RESULTS")
  if path ~= nil and path ~= "" then
    local file = assert(io.open(path, "w"))
    file:write(text)
    file:close()
  end
end
