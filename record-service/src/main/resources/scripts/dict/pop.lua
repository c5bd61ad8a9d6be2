-- d.pop(key), and del d[key]: ARGV[2] the key. The removed value, or false when the key was absent.
require_object()
local value = redis.call('HGET', entries, ARGV[2])
if value then
  redis.call('HDEL', entries, ARGV[2])
  redis.call('ZREM', order, ARGV[2])
end
return {'ok', value}
