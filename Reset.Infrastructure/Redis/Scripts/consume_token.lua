-- Takes a reset token for use, once: of two parallel password changes with one token, one gets it.
-- KEYS[1] ticket hash, KEYS[2] token key
-- ARGV[1] now (ms), ARGV[2] HMAC of the presented token
local t = redis.call('HMGET', KEYS[1], 'status', 'expires', 'token_exp')
local now = tonumber(ARGV[1])
if not t[1] or now >= tonumber(t[2]) then
  return 'not_found'
end
if t[1] ~= 'verified' then
  return 'state'
end
local stored = redis.call('GET', KEYS[2])
if not stored or stored ~= ARGV[2] or not t[3] or now >= tonumber(t[3]) then
  return 'invalid'
end
redis.call('DEL', KEYS[2])
return 'ok'
