-- Code verification with the right code from the e-mail ("ticketId<TAB>code"), once per ticket.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

function request()
  local item = next_item()
  return post_json("/api/v1/password-resets/" .. item[1] .. "/verification",
    string.format('{"code":"%s"}', item[2]))
end
