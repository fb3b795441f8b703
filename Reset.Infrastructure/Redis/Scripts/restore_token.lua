-- Gives a taken reset token back when the password change it was taken for did not commit,
-- so the customer can try again with it until it expires.
-- KEYS[1] ticket hash, KEYS[2] token key
-- ARGV[1] now (ms), ARGV[2] token HMAC
local t = redis.call('HMGET', KEYS[1], 'status', 'token_exp')
if t[1] ~= 'verified' or not t[2] then
  return 0
end
local ttl = tonumber(t[2]) - tonumber(ARGV[1])
if ttl <= 0 then
  return 0
end
redis.call('SET', KEYS[2], ARGV[2], 'PX', string.format('%.0f', ttl), 'NX')
return 1
