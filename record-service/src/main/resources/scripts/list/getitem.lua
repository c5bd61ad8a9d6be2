-- l[index]: ARGV[2] the index.
local i = position(ARGV[2], open())
if not i then
  refuse('index-error', 'list index out of range')
end
return {'ok', redis.call('LINDEX', values, i)}
