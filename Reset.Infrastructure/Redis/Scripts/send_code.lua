-- Stores a new code for a ticket if the rules allow one now; a new code replaces the old one.
-- Atomic, so parallel requests can neither pass the cooldown together nor exceed the per-ticket cap.
-- KEYS[1] ticket hash, KEYS[2] code key
-- ARGV[1] now (ms), ARGV[2] code HMAC, ARGV[3] code expiry (ms), ARGV[4] cooldown (ms), ARGV[5] max codes
local t = redis.call('HMGET', KEYS[1], 'status', 'expires', 'sends', 'last_send')
local now = tonumber(ARGV[1])
if not t[1] or now >= tonumber(t[2]) then
  return {'not_found'}
end
if t[1] == 'locked' then
  return {'locked'}
end
if t[1] ~= 'started' and t[1] ~= 'code_sent' then
  return {'state'}
end
local sends = tonumber(t[3])
if sends >= tonumber(ARGV[5]) then
  return {'no_codes_left'}
end
if t[4] and t[4] ~= '' then
  local available = tonumber(t[4]) + tonumber(ARGV[4])
  if now < available then
    return {'too_soon', string.format('%.0f', available)}
  end
end
redis.call('SET', KEYS[2], ARGV[2], 'PX', string.format('%.0f', tonumber(ARGV[3]) - now))
redis.call('HSET', KEYS[1], 'status', 'code_sent', 'sends', sends + 1, 'last_send', ARGV[1], 'code_exp', ARGV[3])
return {'ok'}
