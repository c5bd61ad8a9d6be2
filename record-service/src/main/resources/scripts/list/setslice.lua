-- l[start:stop:step] = values: ARGV[2..4] start, stop and step, ARGV[5..] the new elements. The whole new list.
local n = open()
local start, stop, step, length = slice(ARGV[2], ARGV[3], ARGV[4], n)
local count = #ARGV - 4
if step == 1 then
  -- l[a:b] = x replaces a..b (nothing when b < a) by x, whatever its length
  stop = math.max(start, stop)
  require_length(n - (stop - start) + count, max)
  local tail = redis.call('LRANGE', values, stop, -1)
  if start == 0 then
    redis.call('DEL', values)
  else
    redis.call('LTRIM', values, 0, start - 1)
  end
  push(ARGV, 5)
  push(tail, 1)
  expire()
else
  if count ~= length then
    refuse('value-error', 'attempt to assign sequence of size ' .. count .. ' to extended slice of size ' .. length)
  end
  for j = 0, count - 1 do
    redis.call('LSET', values, start + j * step, ARGV[5 + j])
  end
end
return {'ok', redis.call('LRANGE', values, 0, -1)}
