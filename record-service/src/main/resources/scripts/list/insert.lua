-- l.insert(index, value): ARGV[2] the index, ARGV[3] the element. As in Python, before the start when too negative,
-- at the end when too large. The new length.
local n = open()
require_length(n + 1, max)
local i = tonumber(ARGV[2])
if i < 0 then
  i = math.max(i + n, 0)
end
if i >= n then
  redis.call('RPUSH', values, ARGV[3])
elseif i == 0 then
  redis.call('LPUSH', values, ARGV[3])
else
  local displaced = redis.call('LINDEX', values, i)
  redis.call('LSET', values, i, HOLE)
  redis.call('LINSERT', values, 'BEFORE', HOLE, ARGV[3])
  redis.call('LSET', values, i + 1, displaced)
end
expire()
return {'ok', n + 1}
