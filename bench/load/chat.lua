-- wrk script for bench/load/run.sh: every request is a chat message never sent before (a ticket
-- number tagged with the run's start second and wrk's thread), so no cache of message embeddings
-- flatters the figures; answers other than 2xx are counted; one summary line at the end.
--
--   wrk -t2 -c64 -d20s -s bench/load/chat.lua http://127.0.0.1:PORT/api/v1/chat
--       (this service: POST {"message": "..."})
--   wrk -t2 -c64 -d20s -s bench/load/chat.lua http://127.0.0.1:PORT/v1/chat/completions -- openai [UPSTREAM]
--       (an OpenAI chat-completions body; with UPSTREAM, e.g. http://127.0.0.1:N/v1, the headers
--       that make Portkey forward it there as provider openai)

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
  thread:set("run", os.time())
end

function init(args)
  shape = args[1] or "service"
  sent = 0
  non2xx = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if shape == "openai" then
    wrk.headers["Authorization"] = "Bearer sk-bench"
    if args[2] then
      wrk.headers["x-portkey-provider"] = "openai"
      wrk.headers["x-portkey-custom-host"] = args[2]
    end
  end
end

function request()
  sent = sent + 1
  local message = "How do I reset my password? My ticket number is "
    .. run .. "-" .. thread_id .. "-" .. sent .. "."
  local body
  if shape == "openai" then
    body = '{"model":"gpt-4.1-mini","messages":[{"role":"user","content":"' .. message .. '"}]}'
  else
    body = '{"message": "' .. message .. '"}'
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local refused = 0
  for _, thread in ipairs(threads) do
    refused = refused + thread:get("non2xx")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "requests=%d non2xx=%d socket_errors=%d seconds=%.1f throughput=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests, refused, e.connect + e.read + e.write + e.timeout, seconds,
    (summary.requests - refused) / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
