-- wrk script of benchmarks/serve-latency.sh: one endpoint (BENCH_MODE customer,
-- recommendations or score), ids rotating through BENCH_IDS, what-if bodies built
-- from BENCH_FEATURES. Run with one thread (-t 1): after BENCH_REQUESTS responses
-- it interrupts wrk (SIGINT, which wrk takes as "stop now and report", timing the
-- run until then; otherwise wrk waits out its -d), so the run is a fixed number of
-- requests; it prints one line:
-- RESULT requests errors req/s p50_ms p90_ms p99_ms max_ms
local mode = os.getenv("BENCH_MODE")
local total = tonumber(os.getenv("BENCH_REQUESTS"))
local threads = {}
local ids = {}
local bodies = {}

local function read_ids()
  for line in io.lines(os.getenv("BENCH_IDS")) do
    if line ~= "" then ids[#ids + 1] = line end
  end
end

-- Bodies of the what-if: every feature at its typical value times a factor, so each request differs.
local function make_bodies()
  local file = io.open(os.getenv("BENCH_FEATURES"))
  local text = file:read("*a")
  file:close()
  local features = {}
  for name, value in text:gmatch('"name":"([^"]+)","typical_value":([-%d%.eE]+)') do
    features[#features + 1] = { name = name, value = tonumber(value) }
  end
  for i = 1, 100 do
    local factor = 0.5 + (i - 1) / 99
    local parts = {}
    for _, f in ipairs(features) do
      parts[#parts + 1] = string.format('"%s":%.6f', f.name, f.value * factor)
    end
    bodies[i] = '{"features":{' .. table.concat(parts, ",") .. '}}'
  end
end

function setup(thread)
  threads[#threads + 1] = thread
end

local function own_pid()
  local stat = io.open("/proc/self/stat")
  local pid = stat:read("*n")
  stat:close()
  return pid
end

function init(args)
  read_ids()
  make_bodies()
  counter = math.random(#ids)
  responses = 0
  errors = 0
  pid = own_pid()
end

function request()
  counter = counter + 1
  if mode == "score" then
    return wrk.format("POST", wrk.path .. "/score", { ["Content-Type"] = "application/json" }, bodies[counter % #bodies + 1])
  end
  local id = ids[counter % #ids + 1]
  if mode == "recommendations" then
    return wrk.format("GET", wrk.path .. "/customers/" .. id .. "/recommendations?limit=10")
  end
  return wrk.format("GET", wrk.path .. "/customers/" .. id)
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 then errors = errors + 1 end
  if responses == total then
    -- The signal comes from a detached shell a moment later: sent from this thread while it runs,
    -- wrk did not stop (os.execute ignores SIGINT while it waits). The moment (0.05 s) is counted in
    -- the run's time, less than 0.2 % of a run of 60,000 requests.
    wrk.thread:stop()
    io.popen("(sleep 0.05; kill -INT " .. pid .. ") >/dev/null 2>&1 &"):close()
  end
end

function done(summary, latency, requests)
  local errors_total = 0
  for _, thread in ipairs(threads) do errors_total = errors_total + thread:get("errors") end
  local seconds = summary.duration / 1e6
  print(string.format("RESULT %d %d %.0f %.2f %.2f %.2f %.2f", summary.requests, errors_total + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
