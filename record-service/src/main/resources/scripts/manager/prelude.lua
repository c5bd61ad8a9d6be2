-- A manager session. KEYS[1] mp:manager:<id>, a hash {expiresAt}, there exactly while the session lives;
-- KEYS[2] mp:manager:<id>:objects, its objects as "kind:id" in creation order; KEYS[3] mp:manager:<id>:keys, every
-- Redis key of those objects (lists and dicts add theirs, see hold in scripts/prelude.lua). Every key of a session
-- expires at the session's deadline, so a session that runs out leaves nothing behind.
local session, objects, keys = KEYS[1], KEYS[2], KEYS[3]

