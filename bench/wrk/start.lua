-- Ticket creation: one solved human-check token per request ("login<TAB>token").
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

function request()
  local item = next_item()
  return post_json("/api/v1/password-resets",
    string.format('{"login":"%s","humanCheckToken":"%s"}', item[1], item[2]))
end
