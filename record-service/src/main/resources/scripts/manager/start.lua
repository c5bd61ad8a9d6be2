-- Manager().start(): ARGV[1] the session's time-to-live in milliseconds. Its deadline, from Redis's clock, which
-- every replica shares.
local now = redis.call('TIME')
local deadline = string.format('%d', now[1] * 1000 + math.floor(now[2] / 1000) + tonumber(ARGV[1]))
redis.call('HSET', session, 'expiresAt', deadline)
redis.call('PEXPIREAT', session, deadline)
return {'ok', deadline}
