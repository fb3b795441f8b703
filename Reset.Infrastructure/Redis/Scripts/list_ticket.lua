-- Lists a ticket under its account; the list lives as long as its longest-lived ticket.
-- KEYS[1] the account's ticket set
-- ARGV[1] ticket id, ARGV[2] the ticket's expiry (Unix ms)
redis.call('SADD', KEYS[1], ARGV[1])
local expiry = tonumber(ARGV[2])
local current = redis.call('PEXPIRETIME', KEYS[1])
if current < 0 or current < expiry then
  redis.call('PEXPIREAT', KEYS[1], ARGV[2])
end
return 1
