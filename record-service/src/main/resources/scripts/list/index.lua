-- l.index(value, start, stop), and value in l: ARGV[2] the value's equality key, ARGV[3] and ARGV[4] start and stop.
-- Negative bounds count from the end, then clamp to the list. The first position of an equal element, or -1.
local n = open()
local start = ARGV[3] == '' and 0 or tonumber(ARGV[3])
local stop = ARGV[4] == '' and n or tonumber(ARGV[4])
if start < 0 then
  start = math.max(start + n, 0)
end
if stop < 0 then
  stop = math.max(stop + n, 0)
end
return {'ok', find(ARGV[2], start, math.min(stop, n))}
