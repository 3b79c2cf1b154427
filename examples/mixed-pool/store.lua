-- Bundled example store module: acquire() connects and returns the client, release() pools it.
local redis = require "resty.redis"

local _M = {}

local HOST, PORT = "127.0.0.1", 6379

function _M.acquire()
  local red = redis:new()
  red:set_timeout(1000)
  local ok, err = red:connect(HOST, PORT)
  if not ok then
    return nil, err
  end
  return red
end

function _M.release(red)
  return red:set_keepalive(60000, 50)
end

-- Named close, but it keeps the connection alive.
function _M.close(red)
  local ok, err = red:set_keepalive(60000, 50)
  if not ok then
    red:close()
  end
end

function _M.destroy(red)
  red:close()
end

return _M
