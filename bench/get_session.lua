-- GET /api/cs/sessions/:id over many sessions. Env: TOKEN, SESSIONS_FILE.
local sessions = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("SESSIONS_FILE")) do sessions[#sessions + 1] = line end
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  return wrk.format("GET", "/api/cs/sessions/" .. sessions[(counter % #sessions) + 1])
end
