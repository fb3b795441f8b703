-- A fixed-window counter: counts this request, and refuses it when the window's limit is used up.
-- KEYS[1] the counter; ARGV[1] window (ms), ARGV[2] limit
-- Returns {1, 0} when allowed, {0, ms until the window ends} when refused.
local used = redis.call('INCR', KEYS[1])
if used == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
if used > tonumber(ARGV[2]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  return {0, ttl}
end
return {1, 0}
