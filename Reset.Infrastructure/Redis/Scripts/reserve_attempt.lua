-- Reserves one code attempt against the account's wrong-code budget before the code is checked,
-- so parallel guesses across tickets never exceed the budget. A refused reservation is not counted.
-- KEYS[1] the account's wrong-code counter
-- ARGV[1] budget, ARGV[2] window (ms)
local used = redis.call('INCR', KEYS[1])
if used == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if used > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  return {0, redis.call('PTTL', KEYS[1])}
end
return {1, 0}
