-- Claims a ticket's one support request: of two parallel requests on one ticket, one gets it.
-- HSETNX semantics on the ticket's own hash, so the claim lives and expires with the ticket.
-- Running it again with the same request id answers 'ok' again, so a retry after a lost reply is safe.
-- KEYS[1] ticket hash
-- ARGV[1] now (ms), ARGV[2] the request's id, ARGV[3..] the statuses that may take a request
local t = redis.call('HMGET', KEYS[1], 'status', 'expires', 'support')
if not t[1] or tonumber(ARGV[1]) >= tonumber(t[2]) then
  return 'not_found'
end
if t[3] then
  return t[3] == ARGV[2] and 'ok' or 'taken'
end
for i = 3, #ARGV do
  if t[1] == ARGV[i] then
    redis.call('HSET', KEYS[1], 'support', ARGV[2])
    return 'ok'
  end
end
return 'state'
