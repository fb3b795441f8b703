-- Gives a taken reset token back when the password change it was taken for did not commit,
-- so the customer can try again with it until it expires. The submission it was taken for is
-- uncounted, once: only when the token really comes back (a repeated call finds it there).
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
if redis.call('SET', KEYS[2], ARGV[2], 'PX', string.format('%.0f', ttl), 'NX') then
  if tonumber(redis.call('HGET', KEYS[1], 'submissions') or '0') > 0 then
    redis.call('HINCRBY', KEYS[1], 'submissions', -1)
  end
end
return 1
