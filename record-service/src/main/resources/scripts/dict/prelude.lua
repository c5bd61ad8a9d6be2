-- A manager's dict. KEYS[1] mp:dict:<id>, a hash {session, expiresAt, added}, there exactly while the dict lives;
-- KEYS[2] mp:dict:<id>:entries, key -> the value's JSON text; KEYS[3] mp:dict:<id>:order, each key scored by when it
-- was added: a Python dict keeps insertion order.
-- ARGV[1] the most entries a dict holds; ARGV[2..] the operation's arguments.
local meta, entries, order = KEYS[1], KEYS[2], KEYS[3]
local max = tonumber(ARGV[1])
local CHUNK = 1000 -- unpack() in bounded steps

-- Redis drops an emptied hash, and a re-created one has no TTL: each write gives it the session's deadline again.
local function expire()
  local deadline = redis.call('HGET', meta, 'expiresAt')
  redis.call('PEXPIREAT', entries, deadline)
  redis.call('PEXPIREAT', order, deadline)
end

-- A new key goes last; an existing key keeps its place, as in Python.
local function put(key, value)
  if redis.call('HSET', entries, key, value) == 1 then
    redis.call('ZADD', order, redis.call('HINCRBY', meta, 'added', 1), key)
  end
end

-- Puts ARGV[from], ARGV[from + 1], ... as key, value pairs, unless the dict would then hold more than max entries.
-- The new length.
local function put_all(from)
  local length = redis.call('HLEN', entries)
  for i = from, #ARGV, 2 do
    if redis.call('HEXISTS', entries, ARGV[i]) == 0 then
      length = length + 1
    end
  end
  require_length(length, max)
  for i = from, #ARGV, 2 do
    put(ARGV[i], ARGV[i + 1])
  end
  expire()
  return length
end

