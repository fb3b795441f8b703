-- Gives a ticket's support claim back when its request could not be stored: only the claim this
-- request made, and never recreating a ticket that has expired meanwhile.
-- KEYS[1] ticket hash; ARGV[1] the request's id
if redis.call('HGET', KEYS[1], 'support') == ARGV[1] then
  redis.call('HDEL', KEYS[1], 'support')
end
return 1
