-- Writes the results of a wrk run in the Prometheus text format to the file named by WRK_RESULTS, for the Job's
-- push container to send to the Pushgateway; prints them too. wrk measures durations and latencies in microseconds.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  local lines = {
    "# TYPE wrk_requests_total counter",
    string.format("wrk_requests_total %d", summary.requests),
    "# TYPE wrk_duration_seconds gauge",
    string.format("wrk_duration_seconds %.3f", seconds),
    "# TYPE wrk_requests_per_second gauge",
    string.format("wrk_requests_per_second %.3f", summary.requests / seconds),
    "# TYPE wrk_bytes_total counter",
    string.format("wrk_bytes_total %d", summary.bytes),
    "# TYPE wrk_errors_total counter",
    string.format("wrk_errors_total{type=\"connect\"} %d", errors.connect),
    string.format("wrk_errors_total{type=\"read\"} %d", errors.read),
    string.format("wrk_errors_total{type=\"write\"} %d", errors.write),
    string.format("wrk_errors_total{type=\"status\"} %d", errors.status),
    string.format("wrk_errors_total{type=\"timeout\"} %d", errors.timeout),
    "# TYPE wrk_latency_seconds gauge",
  }
  for _, q in ipairs({ 50, 90, 99, 99.9 }) do
    lines[#lines + 1] = string.format("wrk_latency_seconds{quantile=\"%s\"} %.6f", q / 100, latency:percentile(q) / 1e6)
  end
  lines[#lines + 1] = "# TYPE wrk_latency_mean_seconds gauge"
  lines[#lines + 1] = string.format("wrk_latency_mean_seconds %.6f", latency.mean / 1e6)
  local text = table.concat(lines, "\n") .. "\n"
  io.write(text)
  local path = os.getenv("WRK_RESULTS")
  if path ~= nil and path ~= "" then
    local file = assert(io.open(path, "w"))
    file:write(text)
    file:close()
  end
end
