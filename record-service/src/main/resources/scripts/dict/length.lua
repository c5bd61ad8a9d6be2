-- len(d).
require_object()
return {'ok', redis.call('HLEN', entries)}
