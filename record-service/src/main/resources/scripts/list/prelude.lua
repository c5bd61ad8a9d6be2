-- A manager's list. KEYS[1] mp:list:<id>, a hash {session, expiresAt}, there exactly while the list lives;
-- KEYS[2] mp:list:<id>:values, the elements (Redis drops the key when the list is empty).
-- ARGV[1] the most elements a list holds; ARGV[2..] the operation's arguments, '' for an absent optional one.
-- Indices arrive clamped to +-1e15, where Lua's numbers are exact.
-- An element is kept as its JSON text, prefixed with "<equality key>\n" where Python's == needs another form (1.0 is
-- 1, {"b":1,"a":2} is {"a":2,"b":1}); remove, index, count and contains compare that key.
local meta, values = KEYS[1], KEYS[2]
local max = tonumber(ARGV[1])
local CHUNK = 1000 -- unpack() and LRANGE in bounded steps
-- Marks a position to cut or insert at; never an element, as JSON text starts with a printable character.
local HOLE = '\0'

-- The list's length, once it is known to live.
local function open()
  require_object()
  return redis.call('LLEN', values)
end

local function push(items, from)
  for i = from, #items, CHUNK do
    redis.call('RPUSH', values, unpack(items, i, math.min(i + CHUNK - 1, #items)))
  end
end

-- A list Redis dropped when it emptied comes back without a TTL: each write gives it the session's deadline again.
local function expire()
  redis.call('PEXPIREAT', values, redis.call('HGET', meta, 'expiresAt'))
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

-- Removes the element at i of a list of n; the element.
local function remove_at(i, n)
  if i == n - 1 then
    return redis.call('RPOP', values)
  end
  local element = redis.call('LINDEX', values, i)
  redis.call('LSET', values, i, HOLE)
  redis.call('LREM', values, 1, HOLE)
  return element
end

-- Python's slice.indices(n) and the slice's length; '' is None.
local function slice(start, stop, step, n)
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

-- Python's list index into a list of n: negative counts from the end; nil when out of range.
local function position(index, n)
  index = tonumber(index)
  if index < 0 then
    index = index + n
  end
  if index >= 0 and index < n then
    return index
  end
end

