-- Withdraws a new code whose e-mail could not be queued: forgets it (unless a newer code replaced
-- it meanwhile) and takes it off the mailbox's send count, so a spent budget never hands out a
-- code that never reached the mailbox.
-- KEYS[1] the account's code, KEYS[2] its codes-sent counter
-- ARGV[1] HMAC of the withdrawn code
if redis.call('HGET', KEYS[1], 'mac') ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
  redis.call('DECR', KEYS[2])
end
return 1
