-- l.clear(): the list stays, empty.
open()
redis.call('DEL', values)
return {'ok'}
