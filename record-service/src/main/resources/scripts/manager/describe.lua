-- The session's deadline and its objects.
require_object()
return {'ok', redis.call('HGET', session, 'expiresAt'), redis.call('LRANGE', objects, 0, -1)}
