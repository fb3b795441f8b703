-- Stores a new ticket with its expiry in one command, so a ticket never exists without a TTL.
-- KEYS[1] ticket hash
-- ARGV[1] expiry (Unix ms), ARGV[2..] field, value, field, value, ...
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
return 1
