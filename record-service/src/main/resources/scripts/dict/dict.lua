-- Every operation on a manager's dict, each one atomic: two record-service replicas on one Redis never interleave
-- half of one, and a refused operation has changed nothing.
-- KEYS[1] mp:dict:<id>          hash {session, expiresAt, added}: exists exactly while the dict lives
-- KEYS[2] mp:dict:<id>:entries  key -> the value's JSON text
-- KEYS[3] mp:dict:<id>:order    key scored by when it was added: a Python dict keeps insertion order
-- KEYS[4..6] create only: the session's keys (see manager.lua)
-- ARGV[1] the operation, ARGV[2] the most entries a dict holds, ARGV[3..] the operation's arguments.
-- Replies: {'ok', ...} or {'<refusal>', ...}.
local meta, entries, order = KEYS[1], KEYS[2], KEYS[3]
local op, max = ARGV[1], tonumber(ARGV[2])
local CHUNK = 1000 -- unpack() in bounded steps

-- A new key goes last; an existing key keeps its place, as in Python.
local function put(key, value)
  if redis.call('HSET', entries, key, value) == 1 then
    redis.call('ZADD', order, redis.call('HINCRBY', meta, 'added', 1), key)
  end
end

-- Puts ARGV[from], ARGV[from + 1], ... as key, value pairs unless the dict would then hold more than max entries.
local function put_all(from)
  local length = redis.call('HLEN', entries)
  for i = from, #ARGV, 2 do
    if redis.call('HEXISTS', entries, ARGV[i]) == 0 then
      length = length + 1
    end
  end
  if length > max then
    return {'too-long', length}
  end
  for i = from, #ARGV, 2 do
    put(ARGV[i], ARGV[i + 1])
  end
  return {'ok', length}
end

local deadline
-- Redis drops an emptied hash, and a re-created one has no TTL: each write gives it the session's deadline again.
local function expire()
  redis.call('PEXPIREAT', entries, deadline)
  redis.call('PEXPIREAT', order, deadline)
end

if op == 'create' then
  -- ARGV[3] the session's "kind:id" entry, ARGV[4] the session's object limit, ARGV[5..] key, value pairs
  local session, objects, keys = KEYS[4], KEYS[5], KEYS[6]
  deadline = redis.call('HGET', session, 'expiresAt')
  if not deadline then
    return {'no-manager'}
  end
  if redis.call('LLEN', objects) >= tonumber(ARGV[4]) then
    return {'too-many-objects'}
  end
  redis.call('RPUSH', objects, ARGV[3])
  redis.call('SADD', keys, meta, entries, order)
  redis.call('HSET', meta, 'session', session, 'expiresAt', deadline, 'added', 0)
  for _, key in ipairs({objects, keys, meta}) do
    redis.call('PEXPIREAT', key, deadline)
  end
  put_all(5)
  expire()
  return {'ok'}
end

deadline = redis.call('HGET', meta, 'expiresAt')
if not deadline then
  return {'not-found'}
end

if op == 'entries' then
  -- keys in insertion order, then their values in the same order
  local keys = redis.call('ZRANGE', order, 0, -1)
  local values = {}
  for i = 1, #keys, CHUNK do
    for _, value in ipairs(redis.call('HMGET', entries, unpack(keys, i, math.min(i + CHUNK - 1, #keys)))) do
      values[#values + 1] = value
    end
  end
  return {'ok', keys, values}

elseif op == 'keys' then
  return {'ok', redis.call('ZRANGE', order, 0, -1)}

elseif op == 'length' then
  return {'ok', redis.call('HLEN', entries)}

elseif op == 'get' then
  -- the value, or false when the key is absent
  return {'ok', redis.call('HGET', entries, ARGV[3])}

elseif op == 'contains' then
  return {'ok', redis.call('HEXISTS', entries, ARGV[3])}

elseif op == 'set' or op == 'update' then
  local reply = put_all(3)
  if reply[1] == 'ok' then
    expire()
  end
  return reply

elseif op == 'delete' or op == 'pop' then
  -- the removed value, or false when the key was absent
  local value = redis.call('HGET', entries, ARGV[3])
  if value then
    redis.call('HDEL', entries, ARGV[3])
    redis.call('ZREM', order, ARGV[3])
  end
  return {'ok', value}

elseif op == 'setdefault' then
  local value = redis.call('HGET', entries, ARGV[3])
  if value then
    return {'ok', value}
  end
  local reply = put_all(3)
  if reply[1] ~= 'ok' then
    return reply
  end
  expire()
  return {'ok', ARGV[4]}

elseif op == 'clear' then
  redis.call('DEL', entries, order)
  return {'ok'}
end

return redis.error_reply('unknown operation ' .. tostring(op))
