-- manager.dict(entries): ARGV[2] the session's "dict:<id>" entry, ARGV[3] the most objects a session holds, ARGV[4..]
-- key, value pairs (counted against the limit before the call); KEYS[4..6] the session's keys.
hold(ARGV[2], tonumber(ARGV[3]))
redis.call('HSET', meta, 'added', 0)
for i = 4, #ARGV, 2 do
  put(ARGV[i], ARGV[i + 1])
end
expire()
return {'ok'}
