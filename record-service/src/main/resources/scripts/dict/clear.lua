-- d.clear(): the dict stays, empty.
require_object()
redis.call('DEL', entries, order)
return {'ok'}
