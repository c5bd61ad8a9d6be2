-- Takes the lock of a Value or an Array for a token, if no one holds it; the lease ends it in Redis (PX) even if the
-- holder never releases it.
-- KEYS[1] the object's memory, KEYS[2] its lock; ARGV[1] the token, ARGV[2] the lease in milliseconds.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'not-found'}
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {'acquired'}
end
return {'held', redis.call('PTTL', KEYS[2])}
