-- if v.value == expect: v.value = update, on one element: ARGV[2] the element's byte offset, ARGV[3] how to compare:
-- 'bytes', or 'f'/'d' numerically (0.0 equals -0.0), ARGV[4] the expected element's bytes, ARGV[5] the update's bytes.
-- Answers the element after, and 1 if it was replaced, else 0.
open()
local offset, compare, expected, update = tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5]
local current = redis.call('GETRANGE', memory, offset, offset + #update - 1)
local equal = current == expected
if compare ~= 'bytes' then
  equal = struct.unpack('>' .. compare, current) == struct.unpack('>' .. compare, expected)
end
if not equal then
  return {'ok', current, 0}
end
redis.call('SETRANGE', memory, offset, update)
return {'ok', update, 1}
