-- Code verification with wrong codes: each ticket ("ticketId") takes BENCH_REUSE wrong codes,
-- fewer than lock it, so every answer should be 400 code_invalid.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

function request()
  local item = next_item()
  return post_json("/api/v1/password-resets/" .. item[1] .. "/verification", '{"code":"000000"}')
end
