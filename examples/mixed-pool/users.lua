-- Bundled example: `npx resty-lint examples/mixed-pool` flags the close() below.
local store = require "store"

local _M = {}

function _M.load_user(id)
  local red, err = store.acquire()
  if not red then
    return nil, err
  end
  local user = red:hgetall("user:" .. id)
  store.release(red) -- back to the pool
  return user
end

function _M.purge(id)
  local red, err = store.acquire()
  if not red then
    return nil, err
  end
  red:del("user:" .. id)
  red:close() -- closes a connection of the same pool: load_user loses its reuse
end

return _M
