-- The typecode (the first byte) and the size in bytes of the memory, read together.
open()
return {'ok', redis.call('GETRANGE', memory, 0, 0), redis.call('STRLEN', memory)}
