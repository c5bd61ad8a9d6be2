-- Every operation on a manager's list, each one atomic: two record-service replicas on one Redis never interleave
-- half of one, and a refused operation has changed nothing.
-- KEYS[1] mp:list:<id>         hash {session, expiresAt}: exists exactly while the list lives
-- KEYS[2] mp:list:<id>:values  the elements (Redis drops the key when the list is empty)
-- KEYS[3..5] create only: the session's keys (see manager.lua)
-- ARGV[1] the operation, ARGV[2] the most elements a list holds, ARGV[3..] the operation's arguments; an absent
-- optional argument is ''. Indices arrive clamped to +-1e15, where Lua's numbers are exact.
-- An element is kept as its JSON text, prefixed with "<equality key>\n" where Python's == needs another form (1.0 is
-- 1, {"b":1,"a":2} is {"a":2,"b":1}); remove, index, count and contains compare that key.
-- Replies: {'ok', ...} or {'<refusal>', ...}.
local meta, values = KEYS[1], KEYS[2]
local op, max = ARGV[1], tonumber(ARGV[2])
local CHUNK = 1000 -- unpack() and LRANGE in bounded steps
-- Marks a position to cut or insert at; never an element, as JSON text starts with a printable character.
local HOLE = '\0'

local function push(items, from)
  for i = from, #items, CHUNK do
    redis.call('RPUSH', values, unpack(items, i, math.min(i + CHUNK - 1, #items)))
  end
end

local function too_long(length)
  if length > max then
    return {'too-long', length}
  end
end

if op == 'create' then
  -- ARGV[3] the session's "kind:id" entry, ARGV[4] the session's object limit, ARGV[5..] the elements
  local session, objects, keys = KEYS[3], KEYS[4], KEYS[5]
  local deadline = redis.call('HGET', session, 'expiresAt')
  if not deadline then
    return {'no-manager'}
  end
  if redis.call('LLEN', objects) >= tonumber(ARGV[4]) then
    return {'too-many-objects'}
  end
  redis.call('RPUSH', objects, ARGV[3])
  redis.call('SADD', keys, meta, values)
  redis.call('HSET', meta, 'session', session, 'expiresAt', deadline)
  push(ARGV, 5)
  for _, key in ipairs({objects, keys, meta, values}) do
    redis.call('PEXPIREAT', key, deadline)
  end
  return {'ok'}
end

local deadline = redis.call('HGET', meta, 'expiresAt')
if not deadline then
  return {'not-found'}
end
local n = redis.call('LLEN', values)

-- A list Redis dropped when it emptied comes back without a TTL: each write gives it the session's deadline again.
local function expire()
  redis.call('PEXPIREAT', values, deadline)
end

local function equality_key(element)
  local newline = string.find(element, '\n', 1, true)
  return newline and string.sub(element, 1, newline - 1) or element
end

-- The first position in [from, to) whose element equals key, or -1.
local function find(key, from, to)
  for base = from, to - 1, CHUNK do
    local chunk = redis.call('LRANGE', values, base, math.min(base + CHUNK, to) - 1)
    for i, element in ipairs(chunk) do
      if equality_key(element) == key then
        return base + i - 1
      end
    end
  end
  return -1
end

local function remove_at(i)
  if i == n - 1 then
    return redis.call('RPOP', values)
  end
  local element = redis.call('LINDEX', values, i)
  redis.call('LSET', values, i, HOLE)
  redis.call('LREM', values, 1, HOLE)
  return element
end

-- Python's slice.indices(n) and the slice's length; '' is None.
local function slice(start, stop, step)
  step = step == '' and 1 or tonumber(step)
  local lower, upper = 0, n
  if step < 0 then
    lower, upper = -1, n - 1
  end
  local function clamp(index, default)
    if index == '' then
      return default
    end
    index = tonumber(index)
    if index < 0 then
      index = math.max(index + n, lower)
    end
    return math.min(index, upper)
  end
  start = clamp(start, step < 0 and upper or lower)
  stop = clamp(stop, step < 0 and lower or upper)
  local length = 0
  if step > 0 and stop > start then
    length = math.floor((stop - start - 1) / step) + 1
  elseif step < 0 and start > stop then
    length = math.floor((start - stop - 1) / -step) + 1
  end
  return start, stop, step, length
end

-- Python's list index: negative counts from the end; nil when out of range.
local function position(index)
  index = tonumber(index)
  if index < 0 then
    index = index + n
  end
  if index >= 0 and index < n then
    return index
  end
end

if op == 'get' then
  return {'ok', redis.call('LRANGE', values, 0, -1)}

elseif op == 'length' then
  return {'ok', n}

elseif op == 'append' or op == 'extend' then
  local refused = too_long(n + #ARGV - 2)
  if refused then
    return refused
  end
  push(ARGV, 3)
  expire()
  return {'ok', n + #ARGV - 2}

elseif op == 'insert' then
  -- list.insert clamps: before the start when too negative, at the end when too large
  local refused = too_long(n + 1)
  if refused then
    return refused
  end
  local i = tonumber(ARGV[3])
  if i < 0 then
    i = math.max(i + n, 0)
  end
  if i >= n then
    redis.call('RPUSH', values, ARGV[4])
  elseif i == 0 then
    redis.call('LPUSH', values, ARGV[4])
  else
    local displaced = redis.call('LINDEX', values, i)
    redis.call('LSET', values, i, HOLE)
    redis.call('LINSERT', values, 'BEFORE', HOLE, ARGV[4])
    redis.call('LSET', values, i + 1, displaced)
  end
  expire()
  return {'ok', n + 1}

elseif op == 'getitem' then
  local i = position(ARGV[3])
  if not i then
    return {'index-error', 'list index out of range'}
  end
  return {'ok', redis.call('LINDEX', values, i)}

elseif op == 'setitem' then
  local i = position(ARGV[3])
  if not i then
    return {'index-error', 'list assignment index out of range'}
  end
  redis.call('LSET', values, i, ARGV[4])
  return {'ok'}

elseif op == 'getslice' then
  local start, _, step, length = slice(ARGV[3], ARGV[4], ARGV[5])
  if length == 0 then
    return {'ok', {}}
  end
  local last = start + (length - 1) * step
  local first = math.min(start, last)
  local covered = redis.call('LRANGE', values, first, math.max(start, last))
  if step == 1 then
    return {'ok', covered}
  end
  local picked = {}
  for j = 0, length - 1 do
    picked[j + 1] = covered[start + j * step - first + 1]
  end
  return {'ok', picked}

elseif op == 'setslice' then
  -- ARGV[6..] the new elements
  local start, stop, step, length = slice(ARGV[3], ARGV[4], ARGV[5])
  local count = #ARGV - 5
  if step == 1 then
    -- l[a:b] = x replaces a..b (nothing when b < a) by x, whatever its length
    stop = math.max(start, stop)
    local refused = too_long(n - (stop - start) + count)
    if refused then
      return refused
    end
    local tail = redis.call('LRANGE', values, stop, -1)
    if start == 0 then
      redis.call('DEL', values)
    else
      redis.call('LTRIM', values, 0, start - 1)
    end
    push(ARGV, 6)
    push(tail, 1)
    expire()
  else
    if count ~= length then
      return {'value-error', 'attempt to assign sequence of size ' .. count .. ' to extended slice of size ' .. length}
    end
    for j = 0, count - 1 do
      redis.call('LSET', values, start + j * step, ARGV[6 + j])
    end
  end
  return {'ok', redis.call('LRANGE', values, 0, -1)}

elseif op == 'pop' then
  if n == 0 then
    return {'index-error', 'pop from empty list'}
  end
  local i = position(ARGV[3] == '' and -1 or ARGV[3])
  if not i then
    return {'index-error', 'pop index out of range'}
  end
  return {'ok', remove_at(i)}

elseif op == 'remove' then
  local i = find(ARGV[3], 0, n)
  if i >= 0 then
    remove_at(i)
  end
  return {'ok', i}

elseif op == 'index' then
  -- list.index(x, start, stop): negative bounds count from the end, then clamp to the list
  local start = ARGV[4] == '' and 0 or tonumber(ARGV[4])
  local stop = ARGV[5] == '' and n or tonumber(ARGV[5])
  if start < 0 then
    start = math.max(start + n, 0)
  end
  if stop < 0 then
    stop = math.max(stop + n, 0)
  end
  return {'ok', find(ARGV[3], start, math.min(stop, n))}

elseif op == 'count' then
  local count = 0
  for base = 0, n - 1, CHUNK do
    for _, element in ipairs(redis.call('LRANGE', values, base, base + CHUNK - 1)) do
      if equality_key(element) == ARGV[3] then
        count = count + 1
      end
    end
  end
  return {'ok', count}

elseif op == 'clear' then
  redis.call('DEL', values)
  return {'ok'}
end

return redis.error_reply('unknown operation ' .. tostring(op))
