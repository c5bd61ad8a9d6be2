-- Replaces one element of a Value's or an Array's memory if it equals the expected one; answers the element after.
-- KEYS[1] the memory; KEYS[2], if given, its lock, which the token ARGV[1] must hold.
-- ARGV[2] the element's byte offset, ARGV[3] how to compare: 'bytes', or 'f'/'d' numerically (0.0 equals -0.0),
-- ARGV[4] the expected element's bytes, ARGV[5] the update's bytes.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'not-found'}
end
if KEYS[2] and redis.call('GET', KEYS[2]) ~= ARGV[1] then
  return {'lock-not-held'}
end
local offset, compare, expected, update = tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5]
local current = redis.call('GETRANGE', KEYS[1], offset, offset + #update - 1)
local equal = current == expected
if compare ~= 'bytes' then
  equal = struct.unpack('>' .. compare, current) == struct.unpack('>' .. compare, expected)
end
if not equal then
  return {'kept', current}
end
redis.call('SETRANGE', KEYS[1], offset, update)
return {'swapped', update}
