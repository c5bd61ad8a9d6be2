-- d.setdefault(key, default): ARGV[2] the key, ARGV[3] the default's JSON text. The value, after storing the
-- default when the key was absent.
require_object()
local value = redis.call('HGET', entries, ARGV[2])
if value then
  return {'ok', value}
end
put_all(2)
return {'ok', ARGV[3]}
