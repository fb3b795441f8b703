-- Takes back one counted password submission that a dependency failure ended before it was judged,
-- so a customer retrying after a 503 does not spend the token. Never below zero; only while the
-- ticket exists (HINCRBY on an expired ticket would recreate it without a TTL).
-- KEYS[1] ticket hash
if tonumber(redis.call('HGET', KEYS[1], 'submissions') or '0') > 0 then
  redis.call('HINCRBY', KEYS[1], 'submissions', -1)
end
return 1
