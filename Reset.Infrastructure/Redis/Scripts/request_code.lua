-- Books a code request on a ticket if the ticket's own rules allow one now: the cooldown and the
-- per-ticket cap. Atomic, so parallel requests can neither pass the cooldown together nor exceed
-- the cap. Which code the request gets (a new one, or the account's newest) is issue_code.lua's call.
-- KEYS[1] ticket hash
-- ARGV[1] now (ms), ARGV[2] code expiry if a new code is sent (ms), ARGV[3] cooldown (ms), ARGV[4] max codes
-- Returns {'ok', status, sends, last_send, code_exp as they were}, or {'too_soon', when}, {'no_codes_left'}, {'locked'}, {'state'}, {'not_found'}.
local t = redis.call('HMGET', KEYS[1], 'status', 'expires', 'sends', 'last_send', 'code_exp')
local now = tonumber(ARGV[1])
if not t[1] or now >= tonumber(t[2]) then
  return {'not_found'}
end
if t[1] == 'locked' then
  return {'locked'}
end
if t[1] ~= 'started' and t[1] ~= 'code_sent' then
  return {'state'}
end
local sends = tonumber(t[3])
if sends >= tonumber(ARGV[4]) then
  return {'no_codes_left'}
end
if t[4] and t[4] ~= '' then
  local available = tonumber(t[4]) + tonumber(ARGV[3])
  if now < available then
    return {'too_soon', string.format('%.0f', available)}
  end
end
redis.call('HSET', KEYS[1], 'status', 'code_sent', 'sends', sends + 1, 'last_send', ARGV[1], 'code_exp', ARGV[2])
-- What it was before, so release_code_request.lua can undo the booking if the code never goes out.
return {'ok', t[1], t[3], t[4] or '', t[5] or ''}
