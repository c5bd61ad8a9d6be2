-- v.value += delta on one element: ARGV[2] the element's byte offset, ARGV[3] its type: 'f' or 'd' (ARGV[4] is then
-- the delta as a big-endian double) or a BITFIELD type i8 u8 i16 u16 i32 u32 i64 (ARGV[4..] are then the delta in
-- parts that each fit int64). Answers the element and 1, or, when the sum is outside the typecode, the element as it
-- was and 0, having changed nothing.
-- Lua's numbers are doubles, so integers are never computed here: BITFIELD adds them exactly and OVERFLOW FAIL
-- refuses a sum outside its type.
open()
local offset, type = tonumber(ARGV[2]), ARGV[3]
if type == 'f' or type == 'd' then
  local format = '>' .. type
  local size = type == 'f' and 4 or 8
  local before = redis.call('GETRANGE', memory, offset, offset + size - 1)
  -- As Python's v.value += delta: the sum in double precision, then stored (for 'f' rounded to float32).
  local after = struct.pack(format, struct.unpack(format, before) + struct.unpack('>d', ARGV[4]))
  local sum = struct.unpack(format, after)
  if sum == math.huge or sum == -math.huge then
    return {'ok', before, 0}
  end
  redis.call('SETRANGE', memory, offset, after)
  return {'ok', after, 1}
end
local size = tonumber(string.sub(type, 2)) / 8
local before = redis.call('GETRANGE', memory, offset, offset + size - 1)
for i = 4, #ARGV do
  if not redis.call('BITFIELD', memory, 'OVERFLOW', 'FAIL', 'INCRBY', type, offset * 8, ARGV[i])[1] then
    redis.call('SETRANGE', memory, offset, before)
    return {'ok', before, 0}
  end
end
return {'ok', redis.call('GETRANGE', memory, offset, offset + size - 1), 1}
