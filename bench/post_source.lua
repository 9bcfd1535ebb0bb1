-- wrk script: POST a new, uniquely named source per request (durable-write benchmark).
local counter = 0
local prefix = nil

function setup(thread)
  thread:set("seed", math.random(100000, 999999))
end

function init(args)
  prefix = "w" .. tostring(seed) .. "-" .. tostring(os.time() % 100000)
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("JWT")
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local name = prefix .. "-" .. counter
  local body = '{"name":"' .. name .. '","minLevel":"INFO","journald":{"syslogIdentifier":"' .. name .. '"}}'
  return wrk.format("POST", "/api/v2/logs/sources", nil, body)
end

function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
