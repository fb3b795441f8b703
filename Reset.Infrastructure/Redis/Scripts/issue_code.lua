-- Decides which code a booked request gets, in the account's hash slot. The code belongs to the
-- account's mailbox, not to one ticket: the newest code e-mailed verifies on any of the account's
-- tickets, so whoever reads the mailbox has it, even when a stranger asked for it.
--   * While the account's send budget lasts, a new code replaces the old one, and counts.
--   * Once it is spent, the newest code is reused: no e-mail, nothing refused. Only when no usable
--     code is live (it expired, or it is six digits and the wrong-code budget is spent) does a new
--     one go out anyway, so the owner is never left without a code: at most one e-mail per code
--     lifetime beyond the budget.
-- KEYS[1] the account's code (hash: mac, kind, exp), KEYS[2] codes e-mailed in the window,
-- KEYS[3] the account's wrong-code counter
-- ARGV[1] now (ms), ARGV[2] HMAC of the new code, ARGV[3] its kind ('short' or 'long'),
-- ARGV[4] its expiry (ms), ARGV[5] send budget, ARGV[6] send window (ms), ARGV[7] wrong-code budget
-- Returns {'new', expiry} or {'reuse', expiry of the newest code}.
local now = tonumber(ARGV[1])
local code = redis.call('HMGET', KEYS[1], 'kind', 'exp')
local guessesSpent = tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[7])
local usable = code[1] and now < tonumber(code[2]) and (code[1] == 'long' or not guessesSpent)
local sent = tonumber(redis.call('GET', KEYS[2]) or '0')
if usable and sent >= tonumber(ARGV[5]) then
  return {'reuse', code[2]}
end
if redis.call('INCR', KEYS[2]) == 1 then
  redis.call('PEXPIRE', KEYS[2], ARGV[6])
end
redis.call('HSET', KEYS[1], 'mac', ARGV[2], 'kind', ARGV[3], 'exp', ARGV[4])
redis.call('PEXPIREAT', KEYS[1], ARGV[4])
return {'new', ARGV[4]}
