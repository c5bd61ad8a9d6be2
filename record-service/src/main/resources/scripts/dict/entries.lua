-- dict(d): the keys in insertion order, then their values in the same order.
require_object()
local keys = redis.call('ZRANGE', order, 0, -1)
local values = {}
for i = 1, #keys, CHUNK do
  for _, value in ipairs(redis.call('HMGET', entries, unpack(keys, i, math.min(i + CHUNK - 1, #keys)))) do
    values[#values + 1] = value
  end
end
return {'ok', keys, values}
