-- d.update(entries), and d[key] = value as the update by one: ARGV[2..] key, value pairs. The new length.
require_object()
return {'ok', put_all(2)}
