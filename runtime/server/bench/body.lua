-- POSTs the same body on every request: BODY_FILE and CONTENT_TYPE come from the environment, and
-- HEADER_LENGTH, when set, is sent as Inference-Header-Content-Length (binary tensor data).
wrk.method = "POST"
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE")
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.body = f:read("*a")
f:close()
local headerLength = os.getenv("HEADER_LENGTH")
if headerLength ~= nil and headerLength ~= "" then
  wrk.headers["Inference-Header-Content-Length"] = headerLength
end
