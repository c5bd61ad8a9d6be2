-- The typecode (first byte) and the size in bytes of a Value's or an Array's memory, read together.
-- KEYS[1] the memory.
local typecode = redis.call('GETRANGE', KEYS[1], 0, 0)
if typecode == '' then
  return {'not-found'}
end
return {'ok', typecode, redis.call('STRLEN', KEYS[1])}
