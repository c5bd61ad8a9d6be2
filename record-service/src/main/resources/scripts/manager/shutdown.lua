-- manager.shutdown(): the session and every key of its objects are gone.
require_object()
local members = redis.call('SMEMBERS', keys)
for i = 1, #members, 1000 do
  redis.call('UNLINK', unpack(members, i, math.min(i + 999, #members)))
end
redis.call('UNLINK', session, objects, keys)
return {'ok'}
