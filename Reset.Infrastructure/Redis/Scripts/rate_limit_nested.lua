-- Two fixed-window counters of one subject: a narrow one (a login from one client network) under a
-- wide one (that login from anywhere). A request counts in both, and only when both have room:
-- refused requests spend nothing, so a stranger stopped by the narrow limit cannot use up the wide one.
-- KEYS[1] narrow counter, KEYS[2] wide counter (one hash slot)
-- ARGV[1] narrow window (ms), ARGV[2] narrow limit, ARGV[3] wide window (ms), ARGV[4] wide limit
-- Returns {1, 0} when allowed, {0, ms until the full window ends} when refused.
for i = 1, 2 do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used >= tonumber(ARGV[i * 2]) then
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl < 0 then
      redis.call('PEXPIRE', KEYS[i], ARGV[i * 2 - 1])
      ttl = tonumber(ARGV[i * 2 - 1])
    end
    return {0, ttl}
  end
end
for i = 1, 2 do
  if redis.call('INCR', KEYS[i]) == 1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[i * 2 - 1])
  end
end
return {1, 0}
