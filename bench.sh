#!/usr/bin/env bash
# The benchmark (not part of ./test.sh). Starts PostgreSQL and Redis (var/bench), publishes and
# starts the service and the baseline app (bench/Baseline: one Redis GET per request) in Release
# and Production, prepares data, then drives each hot endpoint with wrk in turn, warm-up first:
#
#   GET /api/v1/password-policy, ticket creation, code verification (wrong codes, right codes),
#   the password change (at BENCH_CONNECTIONS and BENCH_HASH_CONNECTIONS connections)
#
# then times every public step for customers and other logins as an attacker would (the timing
# phase: one request at a time, bench-tools timing),
#
# and writes BENCHMARKS.md between its markers (the hand-written analysis around them stays).
#
#   ./bench.sh                        about 10 minutes with the defaults, plus the timing phase's
#                                     (100 blocks took 21 minutes on a loaded machine; 200 twice that)
#   BENCH_WARMUP=5 BENCH_DURATION=5 ./bench.sh    a quick trial (figures not comparable)
#
# Settings: BENCH_WARMUP (s, 30), BENCH_DURATION (s, 20), BENCH_CONNECTIONS (64),
# BENCH_HASH_CONNECTIONS (200), BENCH_THREADS (wrk -t, 2), BENCH_ARGON2_SECONDS (10),
# BENCH_RIGHT_WARMUP (s, 2: the wrong codes already warmed that endpoint), BENCH_HASH_WARMUP (s, 10),
# BENCH_START_RATE_GUESS, BENCH_VERIFY_RATE_GUESS, BENCH_RIGHT_RATE_GUESS (req/s, to size the warm-up
# data; each measured run is sized on its warm-up's rate), BENCH_MAX_TICKETS (30000),
# BENCH_MAIL_HELPERS (4 extra service instances that only send e-mail while codes are prepared),
# BENCH_RIGHT_DURATION (s, 3) and BENCH_MAX_CODES (8000): right codes each need an e-mail, which
# the service sends at about 20 a second, BENCH_SYNC_COMMIT (on: PostgreSQL's default during the
# timed runs; off to see what durable commits cost), BENCH_TIMING_BLOCKS (200 addresses of 25
# requests per kind, step and login type: a standard error of 2.9 points on the accuracy at 25),
# BENCH_TIMING_STEPS (start,read,codes,wrong-code,support), BENCH_OUT.
# Ports: BENCH_PG_PORT 55482, BENCH_REDIS_PORT 56429, BENCH_SERVICE_PORT 58080,
# BENCH_BASELINE_PORT 58081, BENCH_SMTP_PORT 58082, BENCH_METRICS_PORT 58083 (the service's /metrics;
# the mail helpers' from 58090 on).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

WARMUP="${BENCH_WARMUP:-30}"
DURATION="${BENCH_DURATION:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
HASH_CONNECTIONS="${BENCH_HASH_CONNECTIONS:-200}"
THREADS="${BENCH_THREADS:-2}"
ARGON2_SECONDS="${BENCH_ARGON2_SECONDS:-10}"
RIGHT_WARMUP="${BENCH_RIGHT_WARMUP:-2}"
HASH_WARMUP="${BENCH_HASH_WARMUP:-10}"
START_RATE_GUESS="${BENCH_START_RATE_GUESS:-1200}"
VERIFY_RATE_GUESS="${BENCH_VERIFY_RATE_GUESS:-6000}"
RIGHT_RATE_GUESS="${BENCH_RIGHT_RATE_GUESS:-1500}"
MAX_TICKETS="${BENCH_MAX_TICKETS:-30000}"
MAIL_HELPERS="${BENCH_MAIL_HELPERS:-4}"
RIGHT_DURATION="${BENCH_RIGHT_DURATION:-3}"
MAX_CODES="${BENCH_MAX_CODES:-8000}"
SYNC_COMMIT="${BENCH_SYNC_COMMIT:-on}"
TIMING_BLOCKS="${BENCH_TIMING_BLOCKS:-200}"
TIMING_STEPS="${BENCH_TIMING_STEPS:-start,read,codes,wrong-code,support}"
# BENCH_ONLY=start,wrong measures the baseline and the named phases only (policy, start, wrong,
# right, password, timing): for trying a change; it writes var/bench/partial.md unless BENCH_OUT says otherwise.
ONLY="${BENCH_ONLY:-}"
# BENCH_TRACE=start-warmup records the service with dotnet-trace (sampled thread time) during the
# named run (any run name in the report), into var/bench/logs/NAME.nettrace; its figures then
# include the profiler's cost.
TRACE="${BENCH_TRACE:-}"
OUT="${BENCH_OUT:-$ROOT/BENCHMARKS.md}"
[[ -z $ONLY || -n ${BENCH_OUT:-} ]] || OUT="$ROOT/var/bench/partial.md"
SERVICE_PORT="${BENCH_SERVICE_PORT:-58080}"
BASELINE_PORT="${BENCH_BASELINE_PORT:-58081}"
SMTP_PORT="${BENCH_SMTP_PORT:-58082}"
METRICS_PORT="${BENCH_METRICS_PORT:-58083}"
export RESET_VAR_DIR="$ROOT/var/bench"
export RESET_PG_PORT="${BENCH_PG_PORT:-55482}"
export RESET_REDIS_PORT="${BENCH_REDIS_PORT:-56429}"
export RESET_PG_DATABASE=reset_bench
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Wrong codes a ticket takes: one fewer than locks it (PasswordReset__MaxWrongCodesPerTicket below).
WRONG_PER_TICKET=9
# Tickets per customer for wrong codes: 11 × 9 = 99 stays within the account's 100 a window.
WRONG_TICKETS_PER_LOGIN=11

VAR="$RESET_VAR_DIR"
DATA="$VAR/data"
RESULTS="$VAR/results.tsv"
SERVICE="http://127.0.0.1:$SERVICE_PORT"
BASELINE="http://127.0.0.1:$BASELINE_PORT"
export BENCH_WRK_DIR="$ROOT/bench/wrk" BENCH_THREADS="$THREADS"
BEGAN=$(date +%s)
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"

log() { echo "bench: $*" >&2; }

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  scripts/servers.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# ---- tools, servers, builds ------------------------------------------------------------------

if ! command -v wrk >/dev/null; then
  log "installing wrk from Debian packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

TIMING="$VAR/timing.tsv"
rm -rf "$DATA" "$VAR/publish" "$VAR/logs" "$RESULTS" "$VAR/others.tsv" "$TIMING"
mkdir -p "$DATA" "$VAR/logs"
# pg_admin ARGS: psql as the superuser of the bench's PostgreSQL, quiet, unaligned
pg_admin() { PGPASSWORD="$(cat "$VAR/pg-password")" psql -h 127.0.0.1 -p "$RESET_PG_PORT" -U postgres -d postgres -qAt "$@"; }
scripts/servers.sh start
# A fresh database and an empty Redis each run, so no run inherits the last one's rows and keys.
pg_admin -c "DROP DATABASE IF EXISTS $RESET_PG_DATABASE WITH (FORCE)" >/dev/null
scripts/servers.sh start 2>/dev/null
redis-cli -p "$RESET_REDIS_PORT" flushall >/dev/null
eval "$(scripts/servers.sh env)"

log "publishing the service, the baseline and the bench tools (Release)"
for project in Reset.Api/Reset.Api.csproj:api bench/Baseline/Baseline.csproj:baseline bench/Tools/Tools.csproj:tools; do
  dotnet publish "${project%%:*}" -c Release -o "$VAR/publish/${project##*:}" -p:UseAppHost=false -nologo -v quiet -clp:ErrorsOnly
done
API="$VAR/publish/api/Reset.Api.dll"
# As run.sh and the container run it: appsettings.json (JSON logs, log levels) is read from the content root.
api() { dotnet "$API" "$@" --contentRoot "$VAR/publish/api"; }
tools() { dotnet "$VAR/publish/tools/bench-tools.dll" "$@"; }

HASH_MEMORY_KIB=19456
HASH_ITERATIONS=2

# ---- the service as operators run it, with the bench's own secrets -------------------------

random_text() { head -c "$1" /dev/urandom | base64 | tr -d '/+=\n'; }
key_output="$(dotnet "$API" new-api-key bench users:write)"
API_KEY="$(awk '$1 ~ /^rsk_/ { print $1 }' <<<"$key_output")"
API_KEY_HASH="$(sed -n 's/.*InternalApi__Keys__N__Hash=\([0-9a-f]*\).*/\1/p' <<<"$key_output")"

export ASPNETCORE_ENVIRONMENT=Production
export Secrets__HmacKey="$(head -c 32 /dev/urandom | base64)"
export HumanCheck__Secret="$(random_text 48)"
# The proof of work costs the client, not the service: the bench solves tokens before timing, so
# one PBKDF2 iteration and one attempt keep the preparation short.
export HumanCheck__Altcha__Cost=1 HumanCheck__Altcha__MaxCounter=0 HumanCheck__Altcha__ChallengeLifetime=01:00:00
export Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="$SMTP_PORT" Email__Smtp__Security=None
export InternalApi__Keys__0__Id=bench InternalApi__Keys__0__Hash="$API_KEY_HASH" InternalApi__Keys__0__Scopes__0=users:write
# wrk is one client: every limit stays in force (its Redis counter runs) but cannot be reached.
for policy in StartPerClient StartPerLogin StartPerLoginAndNetwork SendCodePerClient SendCodePerDestination VerifyPerClient \
    SetPasswordPerClient SupportPerClient SupportPerDestination EvaluatePerClient ChallengePerClient; do
  export "RateLimits__${policy}__Limit=1000000" "RateLimits__${policy}__Window=00:00:01"
done
# Prepared tickets, codes and tokens must outlive the preparation; wrong codes use the largest caps.
export PasswordReset__TicketLifetime=01:00:00 PasswordReset__CodeLifetime=01:00:00 PasswordReset__ResetTokenLifetime=01:00:00
export PasswordReset__MaxWrongCodesPerTicket=$((WRONG_PER_TICKET + 1)) PasswordReset__MaxWrongCodesPerAccount=100
export PasswordReset__WrongCodeWindow=00:01:00

api migrate >"$VAR/logs/migrate.log"

wait_for() {
  local url=$1 what=$2
  for _ in $(seq 300); do
    curl -fs -o /dev/null "$url" && return 0
    sleep 0.2
  done
  log "$what did not answer at $url"
  exit 1
}

dotnet "$VAR/publish/tools/bench-tools.dll" smtp-sink --port "$SMTP_PORT" --out "$DATA/mail.tsv" >"$VAR/logs/smtp-sink.log" 2>&1 &
pids+=($!)
Metrics__Port="$METRICS_PORT" ASPNETCORE_URLS="$SERVICE" dotnet "$API" --contentRoot "$VAR/publish/api" >"$VAR/logs/service.log" 2>&1 &
SERVICE_PID=$!
pids+=("$SERVICE_PID")
(unset ConnectionStrings__Postgres; ASPNETCORE_URLS="$BASELINE" exec dotnet "$VAR/publish/baseline/Baseline.dll") \
  >"$VAR/logs/baseline.log" 2>&1 &
BASELINE_PID=$!
pids+=("$BASELINE_PID")
wait_for "$SERVICE/health/ready" "the service"
wait_for "$BASELINE/" "the baseline"
log "service (PID $SERVICE_PID) on $SERVICE, baseline (PID $BASELINE_PID) on $BASELINE"

# ---- measuring -------------------------------------------------------------------------------

CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# tree_ticks PID: CPU ticks of a process and its children, ended children included (PostgreSQL's backends)
tree_ticks() {
  { cat "/proc/$1/stat"; for child in $(pgrep -P "$1"); do cat "/proc/$child/stat" 2>/dev/null; done; } |
    awk '{ s += $14 + $15 + $16 + $17 } END { print s }'
}
# child_seconds FILE: CPU seconds of this shell's ended children (wrk, once it has returned), from
# the output of `times`, which has to run in this shell itself: a subshell starts counting anew.
child_seconds() { awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } print s }' "$1"; }
wal_syncs() { pg_admin -c "SELECT wal_sync FROM pg_stat_wal"; }
hwm_kib() { awk '/^VmHWM/ { print $2 }' "/proc/$1/status"; }

# The timed runs see PostgreSQL's defaults; the preparation between them commits without waiting for
# the WAL flush (synchronous_commit off, a reload, no restart), since the service sends e-mails one at
# a time with two commits each, and preparing codes would otherwise take many minutes.
durable_commits() {
  local setting="ALTER SYSTEM RESET synchronous_commit"
  [[ $1 == on && $SYNC_COMMIT == on ]] || setting="ALTER SYSTEM SET synchronous_commit = off"
  pg_admin -c "$setting" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
}

# trace PID NAME SECONDS: dotnet-trace on PID in the background, for most of the run
trace() {
  local tool="$VAR/tools/dotnet-trace"
  [[ -x $tool ]] || dotnet tool install dotnet-trace --tool-path "$VAR/tools" >/dev/null
  "$tool" collect -p "$1" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf '%02d' $(( $3 * 3 / 4 > 59 ? 59 : $3 * 3 / 4 )))" \
    -o "$VAR/logs/$2.nettrace" >"$VAR/logs/$2.trace.txt" 2>&1 &
}

# run_wrk NAME SCRIPT URL CONNECTIONS SECONDS PID [DATA EXPECT REUSE]: one wrk run; sets RPS and
# appends a line to $RESULTS (CPU of PID as % of one core, its peak RSS during the run).
run_wrk() {
  local name=$1 script=$2 url=$3 connections=$4 seconds=$5 pid=$6
  local data=${7:-} expect=${8:-200} reuse=${9:-1}
  local output="$VAR/logs/wrk-$name.txt"
  durable_commits on
  echo 5 >"/proc/$pid/clear_refs" # VmHWM now counts from here
  local ticks0 t0 ticks1 t1
  local pg_pid redis_pid others0 others1 wrk0 wrk1 wal0 wal1
  pg_pid=$(head -1 "$VAR/pg/data/postmaster.pid")
  redis_pid=$(cat "$VAR/redis/redis.pid")
  others0="$(tree_ticks "$pg_pid") $(tree_ticks "$redis_pid")"
  times >"$VAR/times-before"
  wal0=$(wal_syncs)
  ticks0=$(cpu_ticks "$pid")
  t0=$(date +%s.%N)
  [[ $name != "$TRACE" ]] || trace "$pid" "$name" "$seconds"
  BENCH_DATA="$data" BENCH_EXPECT="$expect" BENCH_REUSE="$reuse" \
    wrk -t"$THREADS" -c"$connections" -d"${seconds}s" --latency --timeout 30s -s "$ROOT/bench/wrk/$script" "$url" >"$output" 2>&1
  ticks1=$(cpu_ticks "$pid")
  t1=$(date +%s.%N)
  others1="$(tree_ticks "$pg_pid") $(tree_ticks "$redis_pid")"
  times >"$VAR/times-after"
  wrk0=$(child_seconds "$VAR/times-before")
  wrk1=$(child_seconds "$VAR/times-after")
  wal1=$(wal_syncs)
  durable_commits off
  local line cpu rss
  line="$(grep '^BENCH_RESULT' "$output")" || { log "wrk gave no result for $name; see $output"; exit 1; }
  cpu=$(awk -v a="$ticks0" -v b="$ticks1" -v t0="$t0" -v t1="$t1" -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", (b - a) / hz / (t1 - t0) * 100 }')
  rss=$(awk -v k="$(hwm_kib "$pid")" 'BEGIN { printf "%.0f", k / 1024 }')
  field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<" $line"; }
  RPS=$(field rps)
  # After running out, the fast answers to reused items inflate req/s: size the next data on the
  # items actually consumed instead (an underestimate, covered by the margin).
  if [[ $(field ran_out) != 0 ]]; then
    RPS=$(awk -v n="$(field requests)" -v o="$(field ran_out)" -v s="$seconds" 'BEGIN { printf "%.1f", (n - o) / s }')
  fi
  local others
  others="$(awk -v expect=",$expect," '$1 == "BENCH_STATUS" && index(expect, "," $2 ",") == 0 { printf "%s%s × %s", sep, $2, $3; sep = ", " }' "$output")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$connections" "$(field rps)" "$(field p50_ms)" \
    "$(field p99_ms)" "$cpu" "$rss" "$(field expected_non2xx)" "$(field unexpected)" "$(field socket_errors)" \
    "$(field timeouts)" "$(field ran_out)" "$(field requests)" "${others:--}" >>"$RESULTS"
  log "$name: $(field rps) req/s, p50 $(field p50_ms) ms, p99 $(field p99_ms) ms, CPU $cpu %, peak RSS $rss MiB," \
    "expected non-2xx $(field expected_non2xx), unexpected $(field unexpected), ran out $(field ran_out)"
  # Where the rest of the two cores went, and how often PostgreSQL flushed its WAL.
  awk -v a="$others0" -v b="$others1" -v w0="$wrk0" -v w1="$wrk1" -v s0="$wal0" -v s1="$wal1" -v t0="$t0" -v t1="$t1" -v hz="$CLK_TCK" -v n="$name" '
    BEGIN { split(a, x, " "); split(b, y, " "); d = t1 - t0
      printf "%s\t%.0f\t%.0f\t%.0f\t%.0f\n", n, (y[1] - x[1]) / hz / d * 100, (y[2] - x[2]) / hz / d * 100, (w1 - w0) / d * 100, (s1 - s0) / d }' >>"$VAR/others.tsv"
  local pg_cpu redis_cpu wrk_cpu wal_rate
  IFS=$'\t' read -r _ pg_cpu redis_cpu wrk_cpu wal_rate < <(tail -1 "$VAR/others.tsv")
  log "$name: PostgreSQL CPU $pg_cpu %, Redis CPU $redis_cpu %, wrk CPU $wrk_cpu %, WAL flushes $wal_rate/s"
}

# capped N: at most BENCH_MAX_TICKETS, so a fast phase does not make the preparation take many minutes
# (the report then shows whether the phase ran out).
capped() { (( $1 < MAX_TICKETS )) && echo "$1" || echo "$MAX_TICKETS"; }

# items RATE SECONDS [PER_ITEM]: how many items a phase needs at RATE req/s, generously.
items() { awk -v r="$1" -v s="$2" -v p="${3:-1}" 'BEGIN { n = int(r * s * 1.5 / p) + 100; print n }'; }

seed() { # seed NAME COUNT: COUNT customers, their addresses in $DATA/NAME.logins
  tools seed --url "$SERVICE" --api-key "$API_KEY" --prefix "$1" --count "$2" --out "$DATA/$1.logins" \
    --memory-kib "$HASH_MEMORY_KIB" --iterations "$HASH_ITERATIONS"
}
# The service's outbox sends one e-mail at a time (about 20 a second here, mostly waiting, not CPU),
# so preparing thousands of codes would take minutes. While codes are prepared, BENCH_MAIL_HELPERS
# more instances of the service run beside it: instances share the outbox (each claims rows with
# SKIP LOCKED), as the design allows. They are stopped before any timed run.
helper_pids=()
helpers() {
  local i pid
  if [[ $1 == start ]]; then
    for i in $(seq "$MAIL_HELPERS"); do
      # Port 0: a free one; nothing calls them (fixed ports can collide with client ports here).
      # Their management ports must differ from each other's (Production's default is 9090 for all).
      Metrics__Port=$((METRICS_PORT + 6 + i)) ASPNETCORE_URLS="http://127.0.0.1:0" dotnet "$API" --contentRoot "$VAR/publish/api" >>"$VAR/logs/helper-$i.log" 2>&1 &
      helper_pids+=($!)
      pids+=($!)
    done
  else
    for pid in "${helper_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${helper_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    helper_pids=()
  fi
}

tickets() { # tickets NAME MODE COUNT [PER_LOGIN]: seeds the customers they need, then the tickets
  local logins=$(( ($3 + ${4:-1} - 1) / ${4:-1} ))
  if [[ $2 == wrong ]]; then
    # Logins of no customer: decoy tickets, which by design do a customer's work (the same Redis
    # script and budgets for wrong codes) but whose code e-mail is born dropped, so no e-mail
    # backlog is left to send during the timed runs.
    seq -f "nobody-$1-%06g@bench.example" 1 "$logins" >"$DATA/$1.logins"
  else
    seed "$1" "$logins"
  fi
  [[ $2 == wrong ]] || helpers start
  tools tickets --url "$SERVICE" --logins "$DATA/$1.logins" --codes "$DATA/mail.tsv" --mode "$2" \
    --count "$3" --per-login "${4:-1}" --out "$DATA/$1.tsv"
  [[ $2 == wrong ]] || helpers stop
}

# want PHASE: whether this run measures it (BENCH_ONLY)
want() { [[ -z $ONLY || ",$ONLY," == *",$1,"* ]]; }

durable_commits off
log "baseline: GET / (one Redis GET)"
run_wrk baseline-warmup get.lua "$BASELINE/" "$CONNECTIONS" "$WARMUP" "$BASELINE_PID"
run_wrk baseline get.lua "$BASELINE/" "$CONNECTIONS" "$DURATION" "$BASELINE_PID"

if want policy; then
log "GET /api/v1/password-policy"
run_wrk policy-warmup get.lua "$SERVICE/api/v1/password-policy" "$CONNECTIONS" "$WARMUP" "$SERVICE_PID"
run_wrk policy get.lua "$SERVICE/api/v1/password-policy" "$CONNECTIONS" "$DURATION" "$SERVICE_PID"
fi

if want start; then
log "ticket creation: human-check tokens solved beforehand"
seed start 1000
tools tokens --url "$SERVICE" --logins "$DATA/start.logins" --count "$(items "$START_RATE_GUESS" "$WARMUP")" --out "$DATA/start-warmup.tsv"
run_wrk start-warmup start.lua "$SERVICE/" "$CONNECTIONS" "$WARMUP" "$SERVICE_PID" "$DATA/start-warmup.tsv" 201
# Sized on the warm-up's rate, which a still-warming service understates: twice the margin.
tools tokens --url "$SERVICE" --logins "$DATA/start.logins" --count "$(items "$RPS" "$DURATION" 0.5)" --out "$DATA/start.tsv"
run_wrk start start.lua "$SERVICE/" "$CONNECTIONS" "$DURATION" "$SERVICE_PID" "$DATA/start.tsv" 201
fi

if want wrong; then
log "code verification, wrong codes: $WRONG_PER_TICKET per ticket"
tickets wrong-warmup wrong "$(items "$VERIFY_RATE_GUESS" "$WARMUP" "$WRONG_PER_TICKET")" "$WRONG_TICKETS_PER_LOGIN"
run_wrk verify-wrong-warmup verify-wrong.lua "$SERVICE/" "$CONNECTIONS" "$WARMUP" "$SERVICE_PID" \
  "$DATA/wrong-warmup.tsv" 400 "$WRONG_PER_TICKET"
tickets wrong wrong "$(capped "$(items "$RPS" "$DURATION" $((WRONG_PER_TICKET / 2)))")" "$WRONG_TICKETS_PER_LOGIN"
run_wrk verify-wrong verify-wrong.lua "$SERVICE/" "$CONNECTIONS" "$DURATION" "$SERVICE_PID" \
  "$DATA/wrong.tsv" 400 "$WRONG_PER_TICKET"
fi

if want right; then
log "code verification, right codes (read from the e-mails)"
tickets right-warmup right "$(items "$RIGHT_RATE_GUESS" "$RIGHT_WARMUP")"
run_wrk verify-right-warmup verify-right.lua "$SERVICE/" "$CONNECTIONS" "$RIGHT_WARMUP" "$SERVICE_PID" "$DATA/right-warmup.tsv" 200
right=$(items "$RPS" "$RIGHT_DURATION")
tickets right right "$(( right < MAX_CODES ? right : MAX_CODES ))"
run_wrk verify-right verify-right.lua "$SERVICE/" "$CONNECTIONS" "$RIGHT_DURATION" "$SERVICE_PID" "$DATA/right.tsv" 200
fi

if want password; then
# Raw Argon2id, measured next to the password change (the service idle) so both see the same
# machine: measured at the start, a busy moment elsewhere once made the ratio meaningless.
log "raw Argon2id throughput (m=$HASH_MEMORY_KIB KiB, t=$HASH_ITERATIONS, p=1, $(nproc) threads, ${ARGON2_SECONDS} s)"
argon2_line="$(tools argon2 --seconds "$ARGON2_SECONDS" --memory-kib "$HASH_MEMORY_KIB" --iterations "$HASH_ITERATIONS")"
RAW_HASHES="$(sed -n 's/.*hashes_per_second=\([0-9.]*\).*/\1/p' <<<"$argon2_line")"
log "$argon2_line"

log "password change: reset tokens prepared (ticket, code, verification) beforehand"
for part in warmup:"$HASH_WARMUP" c"$CONNECTIONS":"$DURATION" c"$HASH_CONNECTIONS":"$DURATION"; do
  # A change computes Argon2id twice (see the report), so RAW_HASHES / 2 is its ceiling; sized on
  # 0.75 × RAW_HASHES for margin.
  # Each connection also holds one request waiting at the hashing gate: add them.
  connections="${part%%:*}"; connections="${connections#c}"; [[ $connections == warmup ]] && connections=$CONNECTIONS
  tickets "password-${part%%:*}" reset \
    "$(( $(items "$(awk -v r="$RAW_HASHES" 'BEGIN { print r * 0.75 }')" "${part##*:}") + connections ))"
done
run_wrk password-warmup password.lua "$SERVICE/" "$CONNECTIONS" "$HASH_WARMUP" "$SERVICE_PID" "$DATA/password-warmup.tsv" 204
run_wrk password password.lua "$SERVICE/" "$CONNECTIONS" "$DURATION" "$SERVICE_PID" "$DATA/password-c$CONNECTIONS.tsv" 204
run_wrk password-c"$HASH_CONNECTIONS" password.lua "$SERVICE/" "$HASH_CONNECTIONS" "$DURATION" "$SERVICE_PID" \
  "$DATA/password-c$HASH_CONNECTIONS.tsv" 204
fi

if want timing; then
# Last, so the other phases' numbers do not include it; with PostgreSQL's default durable commits.
log "timing: $TIMING_BLOCKS addresses × 25 requests per kind, step and login type, one request at a time"
durable_commits on
TIMING_BEGAN=$(date +%s)
tools timing --url "$SERVICE" --api-key "$API_KEY" --blocks "$TIMING_BLOCKS" --steps "$TIMING_STEPS" --out "$TIMING" \
  --memory-kib "$HASH_MEMORY_KIB" --iterations "$HASH_ITERATIONS"
TIMING_SECONDS=$(( $(date +%s) - TIMING_BEGAN ))
durable_commits off
fi
SERVICE_HWM_MIB=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVICE_PID/status")
SYNC_COMMIT=on durable_commits on

cleanup
pids=()
trap - EXIT
ELAPSED=$(( $(date +%s) - BEGAN ))
log "done in $ELAPSED s; writing $OUT"

# ---- BENCHMARKS.md ---------------------------------------------------------------------------

RAW_HASHES="${RAW_HASHES:-0}" # no password phase (BENCH_ONLY)
TIMING_SECONDS="${TIMING_SECONDS:-0}"
export RAW_HASHES CONNECTIONS HASH_CONNECTIONS
report() {
  local commit dirty
  commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  dirty="$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ' (with uncommitted changes)' || true)"
  cat <<EOF
<!-- bench.sh writes from here to the end marker; edit outside the markers. -->
## Latest run

$(date -u '+%Y-%m-%d %H:%M UTC'), \`./bench.sh\`, ${ELAPSED} s in all.

| machine | |
|---|---|
| CPU | $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1), $(nproc) cores (wrk shares them) |
| RAM | $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) |
| kernel | $(uname -r) |
| .NET | $(dotnet --version) SDK, runtime $(dotnet --list-runtimes | awk '/AspNetCore/ { v = $2 } END { print v }') |
| commit | $commit$dirty |
| load average (1, 5, 15 min) | $LOAD_AT_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end (2 cores: above 2, something else competed) |

Configuration: service and baseline published Release, \`ASPNETCORE_ENVIRONMENT=Production\`, JSON
logs at the default levels, secrets generated per run; PostgreSQL 15 and Redis 7 with their
defaults (fsync on, Redis AOF every second; timed runs with \`synchronous_commit=$SYNC_COMMIT\`) on
loopback; e-mail over SMTP to the bench's sink. Right codes measured for ${RIGHT_DURATION} s
(each needs an e-mail; at most ${MAX_CODES} prepared). Wrong codes go to tickets of logins that
are no customer's (decoys, which by design do the same work; no e-mail to wait for).
wrk ${THREADS} threads, ${CONNECTIONS} connections (the password change also at ${HASH_CONNECTIONS}),
${WARMUP} s warm-up per endpoint (right codes ${RIGHT_WARMUP} s after the wrong codes' warm-up,
password change ${HASH_WARMUP} s), ${DURATION} s measured. Rate limits lifted (limit 1,000,000 a
second: each counter still runs); ALTCHA cost 1 and max counter 0, tokens solved before each run;
wrong codes: ${WRONG_PER_TICKET} a ticket, ${WRONG_TICKETS_PER_LOGIN} tickets a customer (within the
account's 100 a window). CPU is the service's (the baseline's for its row) user + system time over
the run, as % of one core (200 % = both cores); peak RSS is VmHWM over the run.

EOF
  awk -F'\t' -v raw="$RAW_HASHES" -v c="$CONNECTIONS" -v hc="$HASH_CONNECTIONS" '
    function target(name) {
      if (name == "baseline") return ""
      if (name == "start") return "≥ 40 % of baseline, p99 ≤ 15 ms"
      if (name == "verify-wrong" || name == "verify-right") return "≥ 50 % of baseline"
      if (name == "password") return "≥ 90 % of raw Argon2id"
      if (name == "password-c" hc) return "≥ 90 % of raw Argon2id, RSS < 512 MiB"
      return ""
    }
    function met(name, rps, p99, rss, bad) {
      ok = (bad == 0)
      if (name == "start") ok = ok && rps >= 0.4 * base && p99 <= 15
      else if (name ~ /^verify-/) ok = ok && rps >= 0.5 * base
      else if (name ~ /^password/) ok = ok && rps >= 0.9 * raw
      if (name == "password-c" hc) ok = ok && rss < 512
      return ok ? "met" : "**missed**"
    }
    { rows[NR] = $0; if ($1 == "baseline") base = $3 }
    END {
      labels["baseline"] = "baseline: GET, one Redis GET"
      labels["policy"] = "GET /api/v1/password-policy"
      labels["start"] = "ticket creation"
      labels["verify-wrong"] = "code verification, wrong codes"
      labels["verify-right"] = "code verification, right codes"
      labels["password"] = "password change"
      labels["password-c" hc] = "password change"
      print "| endpoint | conns | req/s | p50 ms | p99 ms | CPU % | peak RSS MiB | non-2xx expected | unexpected | ran out | ratio | target | |"
      print "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|"
      for (i = 1; i <= NR; i++) {
        split(rows[i], f, "\t")
        if (f[1] ~ /warmup/) continue
        bad = f[9] + f[10] + f[11] + f[12]
        ratio = f[1] ~ /^password/ ? sprintf("%.0f %% of raw Argon2id", 100 * f[3] / raw) : sprintf("%.0f %%", 100 * f[3] / base)
        t = target(f[1])
        printf "| %s | %s | %.0f | %.1f | %.1f | %s | %s | %s | %s%s | %s | %s | %s | %s |\n", labels[f[1]], f[2], f[3], f[4], f[5], f[6], f[7],
          f[8], f[9], (f[10] + f[11] > 0 ? sprintf(" (+%d socket errors, %d timeouts)", f[10], f[11]) : ""), f[12], ratio, t, (t == "" ? "" : met(f[1], f[3], f[5], f[7], bad))
      }
      print ""
      printf "Raw Argon2id (m=19456 KiB, t=2, p=1, Geralt as the service calls it, one thread per core, the service idle, just before the password change): **%.1f hashes/s**. ", raw
      print "A password change computes Argon2id once (the new hash; no stored hash is verified), so that is also its ceiling."
      print ""
      print "Warm-up runs (not measured; the rate a still-warming service reached):"
      print ""
      for (i = 1; i <= NR; i++) {
        split(rows[i], f, "\t")
        if (f[1] ~ /warmup/) printf "- %s: %.0f req/s, p99 %.1f ms, unexpected %s, ran out %s\n", f[1], f[3], f[5], f[9], f[12]
      }
      print ""
      print "Unexpected statuses, by run:"
      print ""
      for (i = 1; i <= NR; i++) {
        split(rows[i], f, "\t")
        if (f[14] != "-") { printf "- %s: %s\n", f[1], f[14]; listed++ }
      }
      if (!listed) print "- none"
    }' "$RESULTS"
  echo
  echo "Where the two cores went during each measured run (% of one core; the service's own column is above):"
  echo
  echo "| run | service | PostgreSQL | Redis | wrk | WAL flushes/s |"
  echo "|---|--:|--:|--:|--:|--:|"
  awk -F'\t' 'NR == FNR { cpu[$1] = $6; next } $1 !~ /warmup/ { printf "| %s | %s | %s | %s | %s | %s |\n", $1, cpu[$1], $2, $3, $4, $5 }' \
    "$RESULTS" "$VAR/others.tsv"
  cat <<EOF

"non-2xx expected": the answers the scenario is built to get (400 \`code_invalid\` for wrong codes).
"unexpected": any other status, socket errors and timeouts; "ran out": requests made after the
prepared data was used up (they reuse items and count as unexpected). Service peak RSS over the
whole run (VmHWM): ${SERVICE_HWM_MIB} MiB. Raw wrk output and logs: \`var/bench/logs/\`.
EOF
  [[ ! -s $TIMING ]] || timing_report
  echo '<!-- bench.sh: end -->'
}

# The timing phase's table: each kind of login against the active customers of the same login type.
timing_report() {
  local blocks
  blocks=$(awk -F'\t' 'NR == 2 { print $4 }' "$TIMING")
  cat <<EOF

### Timing: telling customers from other logins

${TIMING_SECONDS} s, \`bench-tools timing\`: for each step and login type, ${blocks} addresses of each kind take
25 requests each, one request at a time on one connection, the kinds interleaved in a random order
each round; a step on a ticket gets a fresh ticket for each request (its preparation untimed).
Accuracy: how often "the address whose median of m requests is larger is not a customer" is right,
over every pair of an active customer's block and the other kind's, as max(p, 1 − p) (50 % is a coin
toss). Standard error at chance with ${blocks} blocks a side at m = 25: $(awk -v b="$blocks" 'BEGIN { printf "%.1f", 100 * sqrt((2 * b + 1) / (12 * b * b)) }') points.
Target: at most 55 % at m = 25.

| step | login | kind | median µs | active median µs | m = 1 | m = 5 | m = 25 | slower than active | |
|---|---|---|--:|--:|--:|--:|--:|---|---|
EOF
  awk -F'\t' 'NR > 1 { printf "| %s | %s | %s | %s | %s | %.1f %% | %.1f %% | %.1f %% | %s | %s |\n", $1, $2, $3, $5, $6,
    100 * $7, 100 * $8, 100 * $9, $10, ($9 <= 0.55 ? "met" : "**missed**") }' "$TIMING"
}

begin='<!-- bench.sh writes from here'
end='<!-- bench.sh: end -->'
generated="$(report)"
if [[ -f "$OUT" ]] && grep -qF "$begin" "$OUT" && grep -qF "$end" "$OUT"; then
  printf '%s\n' "$generated" >"$VAR/report.md"
  awk -v begin="$begin" -v end="$end" -v file="$VAR/report.md" '
    index($0, begin) == 1 { while ((getline line < file) > 0) print line; skip = 1; next }
    skip && index($0, end) == 1 { skip = 0; next }
    !skip { print }' "$OUT" >"$OUT.tmp"
  mv "$OUT.tmp" "$OUT"
else
  {
    echo "# Benchmarks"
    echo
    echo "\`./bench.sh\` measures the hot endpoints against a baseline app on the same machine (see README, \"Benchmark\")."
    echo "The section between the markers is rewritten by each run; the analysis below it is written by hand."
    echo
    printf '%s\n' "$generated"
    echo
    echo "## Analysis"
    echo
    echo "(Written by hand: what the profile shows where a target is missed, and what would close it.)"
  } >"$OUT"
fi
log "wrote $OUT"
