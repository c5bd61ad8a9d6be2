-- The memory of a Value or an Array, as Python's sharedctypes hold it. KEYS[1] mp:value:<id> or mp:array:<id>: the
-- typecode's byte, then the elements as a C array (big-endian); KEYS[2], given with a Lock-Token, its lock (see
-- scripts/lock/). ARGV[1] the Lock-Token, '' without one; ARGV[2..] the operation's arguments.
local memory, lock, token = KEYS[1], KEYS[2], ARGV[1]

-- Checks the memory is there and, when a Lock-Token was given, that the token holds its lock.
local function open()
  require_object()
  require_lock(lock, token)
end

