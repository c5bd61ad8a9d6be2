-- The whole memory, read in one step.
open()
return {'ok', redis.call('GET', memory)}
