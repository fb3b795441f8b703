-- The password change: one verified ticket and its reset token per request ("ticketId<TAB>token").
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local password = "violet kettle drums at noon, twice"

function request()
  local item = next_item()
  return post_json("/api/v1/password-resets/" .. item[1] .. "/password",
    string.format('{"resetToken":"%s","newPassword":"%s","confirmPassword":"%s"}', item[2], password, password))
end
