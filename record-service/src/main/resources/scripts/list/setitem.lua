-- l[index] = value: ARGV[2] the index, ARGV[3] the element.
local i = position(ARGV[2], open())
if not i then
  refuse('index-error', 'list assignment index out of range')
end
redis.call('LSET', values, i, ARGV[3])
return {'ok'}
