-- The bytes from ARGV[2] to ARGV[3] (both inclusive), read in one step.
open()
return {'ok', redis.call('GETRANGE', memory, ARGV[2], ARGV[3])}
