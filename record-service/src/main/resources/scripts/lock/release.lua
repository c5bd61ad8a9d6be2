-- Releases the lock of a Value or an Array, only for the token that holds it.
-- KEYS[1] the object's memory, KEYS[2] its lock; ARGV[1] the token.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'not-found'}
end
if redis.call('GET', KEYS[2]) ~= ARGV[1] then
  return {'not-held'}
end
redis.call('DEL', KEYS[2])
return {'released'}
