-- Counts one password submission made with the ticket's live reset token, before the submission is
-- checked, so a token allows a bounded number of tries (refused ones included) however many run in
-- parallel; the one past the bound spends the token. A wrong token counts nothing: it must not let
-- anyone who knows only the ticket id spend its holder's token.
-- KEYS[1] ticket hash, KEYS[2] token key
-- ARGV[1] now (ms), ARGV[2] HMAC of the presented token, ARGV[3] max submissions per token
-- Returns 1 when the submission may go on, 0 when the token is wrong, expired or spent.
local t = redis.call('HMGET', KEYS[1], 'status', 'expires', 'token_exp')
local now = tonumber(ARGV[1])
if t[1] ~= 'verified' or now >= tonumber(t[2]) or not t[3] or now >= tonumber(t[3]) then
  return 0
end
local stored = redis.call('GET', KEYS[2])
if not stored or stored ~= ARGV[2] then
  return 0
end
if redis.call('HINCRBY', KEYS[1], 'submissions', 1) > tonumber(ARGV[3]) then
  redis.call('DEL', KEYS[2])
  return 0
end
return 1
