-- get_lock().release(), only for the token that holds the lock. KEYS[1] the object's memory, KEYS[2] its lock;
-- ARGV[1] the token.
require_object()
require_lock(KEYS[2], ARGV[1])
redis.call('DEL', KEYS[2])
return {'ok'}
