-- Frees the memory and its lock (KEYS[2], given here without a Lock-Token), in one step.
require_object()
redis.call('DEL', memory, lock)
return {'ok'}
