-- The start of every record-service script (Redis scripts cannot require: LuaScripts puts this text, then the
-- folder's prelude.lua, before each operation, which runs inside answer(function() ... end)).
--
-- One reply protocol for every kind: {'ok', ...}, or {'<refusal>', ...} when the operation was refused. Each check
-- below refuses before the operation writes anything, so a refused operation has changed nothing:
--   not-found          KEYS[1], the object operated on, is gone (never made, deleted, or its session ended)
--   lock-not-held      a write named a Lock-Token that does not hold the object's lock; then the token
--   too-long           the object would hold more than its limit; then how many it would hold
--   too-many-objects   the manager session already holds as many objects as it may
--   index-error, value-error   Python's exceptions; then Python's message
-- A script runs atomically: two record-service replicas on one Redis never interleave half of one.

-- Ends the operation with a refusal.
local function refuse(status, ...)
  error({refused = {status, ...}})
end

local function answer(operation)
  local ran, reply = pcall(operation)
  if ran then
    return reply
  end
  if type(reply) == 'table' and reply.refused then
    return reply.refused
  end
  error(reply, 0)
end

-- The object's own key, KEYS[1], is there exactly while the object lives.
local function require_object()
  if redis.call('EXISTS', KEYS[1]) == 0 then
    refuse('not-found')
  end
end

-- A write naming a Lock-Token (lock given) happens only while that token holds the lock.
local function require_lock(lock, token)
  if lock and redis.call('GET', lock) ~= token then
    refuse('lock-not-held', token)
  end
end

local function require_length(length, max)
  if length > max then
    refuse('too-long', length)
  end
end

-- Puts a new object in a manager session (manager.list(), manager.dict()) and answers the session's deadline, at
-- which each of the object's keys must expire. The object's keys come first in KEYS (its own key, a hash, first),
-- the session's three last (see scripts/manager/); entry is the object as the session lists it, "kind:id".
local function hold(entry, max_objects)
  local session, objects, keys = KEYS[#KEYS - 2], KEYS[#KEYS - 1], KEYS[#KEYS]
  local deadline = redis.call('HGET', session, 'expiresAt')
  if not deadline then
    refuse('not-found')
  end
  if redis.call('LLEN', objects) >= max_objects then
    refuse('too-many-objects')
  end
  redis.call('RPUSH', objects, entry)
  for i = 1, #KEYS - 3 do
    redis.call('SADD', keys, KEYS[i])
  end
  redis.call('HSET', KEYS[1], 'session', session, 'expiresAt', deadline)
  for _, key in ipairs({objects, keys, KEYS[1]}) do
    redis.call('PEXPIREAT', key, deadline)
  end
  return deadline
end

