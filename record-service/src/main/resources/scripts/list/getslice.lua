-- l[start:stop:step]: ARGV[2..4] start, stop and step.
local start, _, step, length = slice(ARGV[2], ARGV[3], ARGV[4], open())
if length == 0 then
  return {'ok', {}}
end
local last = start + (length - 1) * step
local first = math.min(start, last)
local covered = redis.call('LRANGE', values, first, math.max(start, last))
if step == 1 then
  return {'ok', covered}
end
local picked = {}
for j = 0, length - 1 do
  picked[j + 1] = covered[start + j * step - first + 1]
end
return {'ok', picked}
