-- l.count(value): ARGV[2] the value's equality key.
local n = open()
local count = 0
for base = 0, n - 1, CHUNK do
  for _, element in ipairs(redis.call('LRANGE', values, base, base + CHUNK - 1)) do
    if equality_key(element) == ARGV[2] then
      count = count + 1
    end
  end
end
return {'ok', count}
