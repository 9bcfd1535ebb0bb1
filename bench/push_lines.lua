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
  local jwt = os.getenv("JWT")
  if jwt and jwt ~= "" then wrk.headers["Authorization"] = "Bearer " .. jwt end
end

-- Each push's body is its template with the push's seconds substituted: one C-level gsub per
-- request. Building the 1,000 values in Lua on every request took a good part of one of the two
-- cores the server is measured on.
local template, placeholder, encodeSeconds

local function buildTemplate()
  if format == "json" then
    placeholder = "SSSSSSSSSS" -- ten digits of seconds
    encodeSeconds = function(s) return string.format("%010d", s) end
    local values = {}
    for i = 1, 1000 do
      values[i] = '["' .. placeholder .. string.format("%09d", i) .. '","' .. lines[i] .. '"]'
    end
    return '{"streams":[{"stream":{"job":"bench","host":"node-1"},"values":[' .. table.concat(values, ",") .. ']}]}'
  end
  placeholder = string.rep("\255", 5) -- a 5-byte varint of seconds; lines are ASCII
  encodeSeconds = function(s)
    local v = varint(s)
    assert(#v == 5, "seconds must encode as a 5-byte varint")
    return v
  end
  local entries = {}
  for i = 1, 1000 do
    local ts = string.char(8) .. placeholder .. string.char(16) .. varint(i)
    entries[i] = field(2, field(1, ts) .. field(2, lines[i]))
  end
  local stream = field(1, '{host="node-1", job="bench"}') .. table.concat(entries)
  return snappyLiteral(field(1, stream))
end

function request()
  counter = counter + 1
  template = template or buildTemplate()
  local encoded = encodeSeconds(baseSeconds + counter)
  local body = string.gsub(template, placeholder, function() return encoded end)
  return wrk.format("POST", "/loki/api/v1/push", nil, body)
end

function response(status, headers, body)
  if status ~= 204 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
