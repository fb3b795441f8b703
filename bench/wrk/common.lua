-- Loaded by every scenario (dofile). Splits the data file between wrk's threads, one item per
-- request; counts answers by status; prints one summary that ./bench.sh reads.
-- Environment: BENCH_THREADS (wrk -t), BENCH_DATA (one item per line, tab-separated fields),
-- BENCH_REUSE (how many requests one item serves, 1 by default), BENCH_EXPECT (the statuses the
-- scenario expects, comma-separated).
local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

items = {}
statuses = {}
ran_out = 0
local used = 0
local reuse = tonumber(os.getenv("BENCH_REUSE") or "1")

function init(args)
  local path = os.getenv("BENCH_DATA")
  if not path or path == "" then return end
  local count = tonumber(os.getenv("BENCH_THREADS") or "1")
  local n = 0
  for line in io.lines(path) do
    if line ~= "" then
      if n % count == thread_index then
        local fields = {}
        for field in string.gmatch(line, "[^\t]+") do table.insert(fields, field) end
        table.insert(items, fields)
      end
      n = n + 1
    end
  end
end

-- The next item; past the end (each item served BENCH_REUSE requests) it starts over and counts
-- the request as ran_out: the answers then show as unexpected statuses.
function next_item()
  used = used + 1
  if used > #items * reuse then ran_out = ran_out + 1 end
  return items[((used - 1) % #items) + 1]
end

function post_json(path, body)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local expect = {}
  for s in string.gmatch(os.getenv("BENCH_EXPECT") or "200", "%d+") do expect[tonumber(s)] = true end
  local all, out, answered = {}, 0, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do all[status] = (all[status] or 0) + n end
    out = out + thread:get("ran_out")
  end
  local expected_non2xx, unexpected = 0, 0
  for status, n in pairs(all) do
    answered = answered + n
    if not expect[status] then unexpected = unexpected + n
    elseif status >= 300 then expected_non2xx = expected_non2xx + n end
    io.write(string.format("BENCH_STATUS %d %d\n", status, n))
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH_RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f expected_non2xx=%d unexpected=%d socket_errors=%d timeouts=%d ran_out=%d seconds=%.1f\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, expected_non2xx, unexpected, e.connect + e.read + e.write, e.timeout, out, seconds))
end
