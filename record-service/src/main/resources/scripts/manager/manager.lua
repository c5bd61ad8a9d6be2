-- A manager session, each operation atomic (two record-service replicas on one Redis never interleave half of one).
-- KEYS[1] mp:manager:<id>          hash {expiresAt}: exists exactly while the session lives
-- KEYS[2] mp:manager:<id>:objects  its objects as "kind:id", in creation order
-- KEYS[3] mp:manager:<id>:keys     every Redis key of its objects (list.lua and dict.lua add theirs)
-- Every key of a session expires at the session's deadline, so a session that runs out leaves nothing behind.
-- ARGV[1] is the operation. Replies are {'ok', ...} or {'not-found'}.
local session, objects, keys = KEYS[1], KEYS[2], KEYS[3]
local op = ARGV[1]

if op == 'start' then
  -- The deadline comes from Redis's clock, which every replica shares.
  local now = redis.call('TIME')
  local deadline = string.format('%d', now[1] * 1000 + math.floor(now[2] / 1000) + tonumber(ARGV[2]))
  redis.call('HSET', session, 'expiresAt', deadline)
  redis.call('PEXPIREAT', session, deadline)
  return {'ok', deadline}
end

local deadline = redis.call('HGET', session, 'expiresAt')
if not deadline then
  return {'not-found'}
end

if op == 'describe' then
  return {'ok', deadline, redis.call('LRANGE', objects, 0, -1)}
end

if op == 'shutdown' then
  local members = redis.call('SMEMBERS', keys)
  for i = 1, #members, 1000 do
    redis.call('UNLINK', unpack(members, i, math.min(i + 999, #members)))
  end
  redis.call('UNLINK', session, objects, keys)
  return {'ok'}
end

return redis.error_reply('unknown operation ' .. tostring(op))
