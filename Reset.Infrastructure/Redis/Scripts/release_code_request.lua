-- Undoes a booked code request whose code never went out (its e-mail could not be queued), so the
-- customer's retry is not refused as "too soon". Only while nothing else booked since.
-- KEYS[1] ticket hash
-- ARGV[1] the booking's last_send (ms), ARGV[2..5] status, sends, last_send, code_exp as they were
local t = redis.call('HMGET', KEYS[1], 'last_send')
if t[1] ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'sends', ARGV[3])
if ARGV[4] == '' then
  redis.call('HDEL', KEYS[1], 'last_send')
else
  redis.call('HSET', KEYS[1], 'last_send', ARGV[4])
end
if ARGV[5] == '' then
  redis.call('HDEL', KEYS[1], 'code_exp')
else
  redis.call('HSET', KEYS[1], 'code_exp', ARGV[5])
end
return 1
