-- Compares, counts and consumes in one step: two parallel requests can never both use one code,
-- and parallel wrong guesses never count past the ticket's cap. A decoy's codes never verify.
-- KEYS[1] ticket hash, KEYS[2] code key, KEYS[3] token key
-- ARGV[1] now (ms), ARGV[2] HMAC of the typed code, ARGV[3] max wrong codes,
-- ARGV[4] HMAC of the new reset token, ARGV[5] token expiry (ms)
local t = redis.call('HMGET', KEYS[1], 'status', 'expires', 'wrong', 'decoy', 'code_exp')
local now = tonumber(ARGV[1])
if not t[1] or now >= tonumber(t[2]) then
  return {'not_found'}
end
if t[1] == 'locked' then
  return {'locked', '0'}
end
if t[1] ~= 'code_sent' then
  return {'state'}
end
local max = tonumber(ARGV[3])
local wrong = tonumber(t[3])
local stored = redis.call('GET', KEYS[2])
-- The key expires by itself; the check against the stored expiry also holds when clocks are shifted in tests.
local live = t[5] and now < tonumber(t[5])
if t[4] ~= '1' and live and stored and stored == ARGV[2] then
  local expiry = math.min(tonumber(ARGV[5]), tonumber(t[2]))
  redis.call('DEL', KEYS[2])
  redis.call('SET', KEYS[3], ARGV[4], 'PX', string.format('%.0f', expiry - now))
  redis.call('HSET', KEYS[1], 'status', 'verified', 'token_exp', string.format('%.0f', expiry))
  return {'verified', string.format('%.0f', expiry)}
end
wrong = wrong + 1
redis.call('HSET', KEYS[1], 'wrong', wrong)
if wrong >= max then
  redis.call('DEL', KEYS[2])
  redis.call('HSET', KEYS[1], 'status', 'locked')
  return {'wrong_locked', '0'}
end
return {'wrong', tostring(max - wrong)}
