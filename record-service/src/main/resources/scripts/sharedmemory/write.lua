-- Writes elements at the positions of a Python slice (any step): all of them or, when refused, none.
-- ARGV[2] byte offset of the first element, ARGV[3] bytes from one element to the next (negative for a negative step),
-- ARGV[4] element size, ARGV[5] the elements' bytes in slice order, ARGV[6] '1' to answer the whole memory afterwards.
open()
local offset, stride, size, elements = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
if stride == size then
  redis.call('SETRANGE', memory, offset, elements)
else
  for i = 0, #elements / size - 1 do
    redis.call('SETRANGE', memory, offset + i * stride, string.sub(elements, i * size + 1, (i + 1) * size))
  end
end
if ARGV[6] == '1' then
  return {'ok', redis.call('GET', memory)}
end
return {'ok'}
