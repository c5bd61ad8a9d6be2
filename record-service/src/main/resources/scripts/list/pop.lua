-- l.pop(index): ARGV[2] the index, '' for the last element. The element.
local n = open()
if n == 0 then
  refuse('index-error', 'pop from empty list')
end
local i = position(ARGV[2] == '' and -1 or ARGV[2], n)
if not i then
  refuse('index-error', 'pop index out of range')
end
return {'ok', remove_at(i, n)}
