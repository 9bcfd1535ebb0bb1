-- wrk script: a fleet of FLEET collectors polling GetConfig in binary protobuf, as Alloy does.
-- HASH set: every agent already has the config (the not-modified path); empty: full answers.
local fleet = tonumber(os.getenv("FLEET") or "1000")
local hash = os.getenv("HASH") or ""
local counter = 0
local offset = 0

local function varint(x)
  local s = ""
  while x >= 128 do
    s = s .. string.char(x % 128 + 128)
    x = math.floor(x / 128)
  end
  return s .. string.char(x)
end

local function field(tag, value)
  return string.char(tag) .. varint(#value) .. value
end

function init(args)
  wrk.headers["Content-Type"] = "application/proto"
  wrk.headers["Connect-Protocol-Version"] = "1"
  wrk.headers["User-Agent"] = "Alloy/v1.12.0 (linux/amd64)"
  local token = os.getenv("AGENT_TOKEN")
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  offset = math.random(0, fleet - 1)
end

function request()
  counter = counter + 1
  local id = "fleet-" .. ((counter + offset) % fleet)
  local body = field(0x0a, id)
  if hash ~= "" then
    body = body .. field(0x1a, hash)
  end
  return wrk.format("POST", "/collector.v1.CollectorService/GetConfig", nil, body)
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
