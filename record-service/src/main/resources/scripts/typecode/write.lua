-- Writes elements into a Value's or an Array's memory at the positions of a Python slice (any step): all of them or,
-- when refused, none.
-- KEYS[1] the memory; KEYS[2], if given, its lock, which the token ARGV[1] must hold.
-- ARGV[2] byte offset of the first element, ARGV[3] bytes from one element to the next (negative for a negative step),
-- ARGV[4] element size, ARGV[5] the elements' bytes in slice order, ARGV[6] '1' to answer the whole memory afterwards.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'not-found'}
end
if KEYS[2] and redis.call('GET', KEYS[2]) ~= ARGV[1] then
  return {'lock-not-held'}
end
local offset, stride, size, elements = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
if stride == size then
  redis.call('SETRANGE', KEYS[1], offset, elements)
else
  for i = 0, #elements / size - 1 do
    redis.call('SETRANGE', KEYS[1], offset + i * stride, string.sub(elements, i * size + 1, (i + 1) * size))
  end
end
if ARGV[6] == '1' then
  return {'ok', redis.call('GET', KEYS[1])}
end
return {'ok'}
