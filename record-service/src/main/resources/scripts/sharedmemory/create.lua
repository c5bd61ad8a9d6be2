-- Value(typecode, value), Array(typecode, size_or_initializer): ARGV[2] the new memory.
redis.call('SET', memory, ARGV[2])
return {'ok'}
