-- Compares a typed code with the account's newest code, and consumes it when it matches: two
-- parallel requests can never both use one code. A six-digit guess first takes one from the
-- account's wrong-code budget (kept only when wrong); with the budget spent a six-digit code can
-- no longer be checked, so it is void and the next code e-mailed is a long one. A long code needs
-- no budget: 50 bits are not guessed. A decoy's codes never match.
-- KEYS[1] the account's code (hash: mac, kind, exp), KEYS[2] the account's wrong-code counter
-- ARGV[1] now (ms), ARGV[2] HMAC of the typed code, ARGV[3] its kind ('short' or 'long'),
-- ARGV[4] '1' for a decoy ticket, ARGV[5] wrong-code budget, ARGV[6] its window (ms)
-- Returns 'match' or 'wrong'.
local code = redis.call('HMGET', KEYS[1], 'mac', 'kind', 'exp')
local now = tonumber(ARGV[1])
local matches = ARGV[4] ~= '1' and code[1] == ARGV[2] and code[2] == ARGV[3] and now < tonumber(code[3])
if ARGV[3] == 'long' then
  if matches then
    redis.call('DEL', KEYS[1])
    return 'match'
  end
  return 'wrong'
end
local budget = tonumber(ARGV[5])
local used = redis.call('INCR', KEYS[2])
if used == 1 then
  redis.call('PEXPIRE', KEYS[2], ARGV[6])
end
if used > budget then
  redis.call('DECR', KEYS[2])
  matches = false
elseif matches then
  redis.call('DEL', KEYS[1])
  redis.call('DECR', KEYS[2])
  return 'match'
end
if used >= budget and code[2] == 'short' then
  redis.call('DEL', KEYS[1])
end
return 'wrong'
