-- Books one attempt on a ticket before the code is compared (in the account's slot, check_code.lua),
-- so parallel guesses never count past the ticket's cap. The last attempt locks the ticket at once;
-- finish_verification.lua gives the attempt back and verifies the ticket when the code was right.
-- KEYS[1] ticket hash
-- ARGV[1] now (ms), ARGV[2] max wrong codes
-- Returns {'ok', attempts left after this one}, or {'not_found'}, {'locked'}, {'state'}.
local t = redis.call('HMGET', KEYS[1], 'status', 'expires')
local now = tonumber(ARGV[1])
if not t[1] or now >= tonumber(t[2]) then
  return {'not_found'}
end
if t[1] == 'locked' then
  return {'locked'}
end
if t[1] ~= 'code_sent' then
  return {'state'}
end
local max = tonumber(ARGV[2])
local used = redis.call('HINCRBY', KEYS[1], 'wrong', 1)
if used > max then
  redis.call('HINCRBY', KEYS[1], 'wrong', -1)
  return {'locked'}
end
if used == max then
  redis.call('HSET', KEYS[1], 'status', 'locked')
end
return {'ok', tostring(max - used)}
