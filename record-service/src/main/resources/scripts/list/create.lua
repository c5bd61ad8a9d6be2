-- manager.list(values): ARGV[2] the session's "list:<id>" entry, ARGV[3] the most objects a session holds, ARGV[4..]
-- the elements (counted against the limit before the call); KEYS[3..5] the session's keys.
local deadline = hold(ARGV[2], tonumber(ARGV[3]))
push(ARGV, 4)
redis.call('PEXPIREAT', values, deadline)
return {'ok'}
