-- GET of the URL given to wrk: the password policy, and the baseline.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
