-- l.extend(values), and l.append(value) as the extend by one: ARGV[2..] the elements. The new length.
local length = open() + #ARGV - 1
require_length(length, max)
push(ARGV, 2)
expire()
return {'ok', length}
