-- key in d: ARGV[2] the key. 1 or 0.
require_object()
return {'ok', redis.call('HEXISTS', entries, ARGV[2])}
