-- POST /api/cs/sessions/:id/messages over many sessions, with varied customer text; with
-- MESSAGE_ROUTE=agent a person's replies instead (POST .../agent-messages, sessions at the human tier).
-- Env: TOKEN, SESSIONS_FILE (one session id per line), MESSAGE_ROUTE (customer or agent).
local sessions = {}
local messages = {
  "Where is my order?",
  "When will my package arrive?",
  "How do I return a jacket that doesn't fit?",
  "Can I change my shipping address?",
  "I was charged twice for my order",
  "How long does a refund take?",
  "Thanks, that's helpful!",
  "What payment methods do you accept?",
  "I can't log into my account",
  "How do I pause my Trail Club subscription?",
}
local agent = os.getenv("MESSAGE_ROUTE") == "agent"
local counter = 0
local created = 0
local failed = 0

-- Each wrk thread starts at its own place in the session list: threads in step would post to
-- the same session at the same moment, and a session's messages are handled one after another.
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(os.getenv("SESSIONS_FILE")) do sessions[#sessions + 1] = line end
  counter = (tonumber(offset) or 0) * math.floor(#sessions / 2 + 7)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  local id = sessions[(counter % #sessions) + 1]
  local text = messages[(counter % #messages) + 1]
  if agent then
    return wrk.format(nil, "/api/cs/sessions/" .. id .. "/agent-messages", nil, '{"content":"' .. text .. '"}')
  end
  return wrk.format(nil, "/api/cs/sessions/" .. id .. "/messages", nil, '{"message":"' .. text .. '"}')
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-201 responses: %d\n", summary.errors.status))
end
