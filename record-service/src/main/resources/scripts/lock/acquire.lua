-- get_lock().acquire(): takes the lock of a Value or an Array for a token, if no one holds it; the lease ends it in
-- Redis (PX) even if the holder never releases it. KEYS[1] the object's memory, KEYS[2] its lock; ARGV[1] the token,
-- ARGV[2] the lease in milliseconds. Answers 1, or 0 and how many milliseconds the holder's lease has left.
require_object()
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {'ok', 1}
end
return {'ok', 0, redis.call('PTTL', KEYS[2])}
