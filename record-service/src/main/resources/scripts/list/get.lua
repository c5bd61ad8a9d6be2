-- list(l): every element.
open()
return {'ok', redis.call('LRANGE', values, 0, -1)}
