-- wrk script: Loki pushes of 1,000 lines of 100 bytes, as a shipper sends them: every push one
-- second later than the last (FORMAT=json, or FORMAT=proto for protobuf + snappy).
local format = os.getenv("FORMAT") or "json"
local counter = 0
local baseSeconds = os.time() - 6 * 86400
local lines = {}
local words = {"request", "served", "user", "disk", "cache", "latency", "ok", "GET", "POST", "shard"}

local function varint(n)
  local out = {}
  while n >= 128 do
    out[#out + 1] = string.char(n % 128 + 128)
    n = math.floor(n / 128)
  end
  out[#out + 1] = string.char(n)
  return table.concat(out)
end

local function field(number, payload) -- length-delimited
  return string.char(number * 8 + 2) .. varint(#payload) .. payload
end

-- Snappy framing with one uncompressed literal: valid input for any snappy decoder.
local function snappyLiteral(data)
  local n = #data - 1
  local header = string.char(63 * 4, n % 256, math.floor(n / 256) % 256, math.floor(n / 65536) % 256,
                             math.floor(n / 16777216) % 256)
  return varint(#data) .. header .. data
end

function init(args)
  for i = 1, 1000 do
    local s = ""
    while #s < 100 do
      s = s .. words[(i * 7 + #s) % #words + 1] .. " "
    end
    lines[i] = string.sub(s, 1, 100)
  end
  wrk.headers["Content-Type"] = format == "json" and "application/json" or "application/x-protobuf"
  wrk.headers["X-Scope-OrgID"] = os.getenv("TENANT")
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("JWT")
end

function request()
  counter = counter + 1
  local seconds = baseSeconds + counter
  local body
  if format == "json" then
    local values = {}
    for i = 1, 1000 do
      values[i] = '["' .. seconds .. string.format("%09d", i) .. '","' .. lines[i] .. '"]'
    end
    body = '{"streams":[{"stream":{"job":"bench","host":"node-1"},"values":[' .. table.concat(values, ",") .. ']}]}'
  else
    local entries = {}
    for i = 1, 1000 do
      local ts = string.char(8) .. varint(seconds) .. string.char(16) .. varint(i)
      entries[i] = field(2, field(1, ts) .. field(2, lines[i]))
    end
    local stream = field(1, '{host="node-1", job="bench"}') .. table.concat(entries)
    body = snappyLiteral(field(1, stream))
  end
  return wrk.format("POST", "/loki/api/v1/push", nil, body)
end

function response(status, headers, body)
  if status ~= 204 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
