-- Used by bench/run.py for every wrk run.
-- With an argument (wrk ... -s bench/wrk.lua URL -- paths.txt) requests rotate over the paths in
-- that file, one per line; without one, wrk sends its own fixed request (faster).
-- Prints one JSON line when done: counts, bytes and latency percentiles in microseconds.

function init(args)
  if args[1] then
    local paths = {}
    for line in io.lines(args[1]) do
      if #line > 0 then paths[#paths + 1] = line end
    end
    local counter = 0
    request = function()
      counter = counter + 1
      return wrk.format(nil, paths[(counter - 1) % #paths + 1])
    end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, "read_errors": %d, ' ..
    '"write_errors": %d, "timeouts": %d, "bad_status": %d, "p50_us": %d, "p90_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read, errors.write,
    errors.timeout, errors.status, latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max))
end
