-- l.remove(value): ARGV[2] the value's equality key. Where the element was, or -1 when none equals it.
local n = open()
local i = find(ARGV[2], 0, n)
if i >= 0 then
  remove_at(i, n)
end
return {'ok', i}
