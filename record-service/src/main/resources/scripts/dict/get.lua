-- d[key] and d.get(key): ARGV[2] the key. Its value, or false when absent.
require_object()
return {'ok', redis.call('HGET', entries, ARGV[2])}
