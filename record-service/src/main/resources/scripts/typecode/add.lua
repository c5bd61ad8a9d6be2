-- Adds to one element of a Value's or an Array's memory; a sum outside the typecode changes nothing.
-- KEYS[1] the memory; KEYS[2], if given, its lock, which the token ARGV[1] must hold.
-- ARGV[2] the element's byte offset, ARGV[3] its type: 'f' or 'd' (ARGV[4] is then the delta as a big-endian double)
-- or a BITFIELD type i8 u8 i16 u16 i32 u32 i64 (ARGV[4..] are then the delta in parts that each fit int64).
-- Lua's numbers are doubles, so integers are never computed here: BITFIELD adds them exactly and OVERFLOW FAIL
-- refuses a sum outside its type.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'not-found'}
end
if KEYS[2] and redis.call('GET', KEYS[2]) ~= ARGV[1] then
  return {'lock-not-held'}
end
local offset, type = tonumber(ARGV[2]), ARGV[3]
if type == 'f' or type == 'd' then
  local format = '>' .. type
  local size = type == 'f' and 4 or 8
  local before = redis.call('GETRANGE', KEYS[1], offset, offset + size - 1)
  -- As Python's v.value += delta: the sum in double precision, then stored (for 'f' rounded to float32).
  local after = struct.pack(format, struct.unpack(format, before) + struct.unpack('>d', ARGV[4]))
  local sum = struct.unpack(format, after)
  if sum == math.huge or sum == -math.huge then
    return {'out-of-range', before}
  end
  redis.call('SETRANGE', KEYS[1], offset, after)
  return {'ok', after}
end
local size = tonumber(string.sub(type, 2)) / 8
local before = redis.call('GETRANGE', KEYS[1], offset, offset + size - 1)
for i = 4, #ARGV do
  if not redis.call('BITFIELD', KEYS[1], 'OVERFLOW', 'FAIL', 'INCRBY', type, offset * 8, ARGV[i])[1] then
    redis.call('SETRANGE', KEYS[1], offset, before)
    return {'out-of-range', before}
  end
end
return {'ok', redis.call('GETRANGE', KEYS[1], offset, offset + size - 1)}
