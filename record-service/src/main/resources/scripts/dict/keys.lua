-- list(d.keys()), in insertion order.
require_object()
return {'ok', redis.call('ZRANGE', order, 0, -1)}
