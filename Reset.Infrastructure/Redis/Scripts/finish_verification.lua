-- The code was right: gives back the attempt begin_attempt.lua booked, stores the reset token and
-- marks the ticket verified (also when that attempt was its last and had locked it).
-- KEYS[1] ticket hash, KEYS[2] token key
-- ARGV[1] now (ms), ARGV[2] HMAC of the new reset token, ARGV[3] token expiry (ms)
local t = redis.call('HMGET', KEYS[1], 'status', 'expires')
local now = tonumber(ARGV[1])
if not t[1] or now >= tonumber(t[2]) then
  return {'not_found'}
end
local expiry = math.min(tonumber(ARGV[3]), tonumber(t[2]))
redis.call('HINCRBY', KEYS[1], 'wrong', -1)
redis.call('SET', KEYS[2], ARGV[2], 'PX', string.format('%.0f', expiry - now))
redis.call('HSET', KEYS[1], 'status', 'verified', 'token_exp', string.format('%.0f', expiry))
return {'verified', string.format('%.0f', expiry)}
