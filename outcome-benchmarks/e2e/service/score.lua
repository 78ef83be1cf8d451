-- wrk script for the scoring service's load figure: POST /instruments/gse/score with complete
-- GSE answers (a different answer set per request, from a fixed cycle), bearer token from the
-- environment variable OUTCOME_SERVICE_TOKEN. Usage (see README.md beside this file):
--   wrk -t2 -c16 -d30s --latency -s score.lua http://127.0.0.1:8080
local token = os.getenv("OUTCOME_SERVICE_TOKEN")
local bodies = {}
for i = 1, 256 do
  local parts = {}
  for k = 1, 10 do
    parts[k] = string.format('"%d":%d', k, 1 + ((i * 7 + k * 3) % 4))
  end
  bodies[i] = '{"answers":{' .. table.concat(parts, ",") .. '}}'
end
local n = 0
request = function()
  n = n % 256 + 1
  local headers = {["Content-Type"] = "application/json"}
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("POST", "/instruments/gse/score", headers, bodies[n])
end
response = function(status, headers, body)
  if status ~= 200 then error("status " .. status) end
end
