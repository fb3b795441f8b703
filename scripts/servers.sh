#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis servers on loopback for ./run.sh and ./test.sh.
#
#   scripts/servers.sh start [postgres] [redis] [redis-cluster]   install if missing, then start
#   scripts/servers.sh stop  [postgres] [redis] [redis-cluster]   stop the servers this folder started
#   scripts/servers.sh env   [postgres] [redis] [redis-cluster]   print `export …=…` lines
#   scripts/servers.sh status
#   scripts/servers.sh install          install postgresql and redis-server if missing
#   scripts/servers.sh install nginx    install nginx if missing (the several-instances test)
#
# With no server named: postgres and redis. redis-cluster is a Redis Cluster of three masters
# (no replicas, no persistence); `env` prints it as RESET_REDIS_CLUSTER, a StackExchange.Redis
# configuration naming its three nodes (ConnectionStrings__Redis=$RESET_REDIS_CLUSTER uses it).
# Everything lives under $RESET_VAR_DIR (default: var/ at the repo root, ignored by git).
# Ports: $RESET_PG_PORT (default 55432), $RESET_REDIS_PORT (default 56379), and six from
# $RESET_REDIS_CLUSTER_PORT (default 56381): three nodes, then their three cluster bus ports.
# Only processes started from that folder are ever stopped, by the PIDs their pid files hold.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAR_DIR="${RESET_VAR_DIR:-$ROOT/var}"
[[ "$VAR_DIR" = /* ]] || VAR_DIR="$ROOT/$VAR_DIR"
PG_PORT="${RESET_PG_PORT:-55432}"
REDIS_PORT="${RESET_REDIS_PORT:-56379}"
CLUSTER_PORT="${RESET_REDIS_CLUSTER_PORT:-56381}"
PG_DATABASE="${RESET_PG_DATABASE:-reset}"
PG_BIN=""

log() { echo "servers: $*" >&2; }

# Installs what is missing of the Debian packages named (postgresql and redis-server by default).
ensure_packages() {
  local wanted=("$@") missing=()
  ((${#wanted[@]} > 0)) || wanted=(postgresql redis-server)
  for package in "${wanted[@]}"; do
    case "$package" in
      postgresql) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql) ;;
      redis-server) command -v redis-server >/dev/null || missing+=(redis-server) ;;
      nginx) [[ -x /usr/sbin/nginx ]] || missing+=(nginx) ;;
    esac
  done
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]} from Debian packages"
  if [[ $(id -u) -ne 0 ]]; then
    log "need root to install ${missing[*]} (apt-get install ${missing[*]}); instead of PostgreSQL and Redis, ConnectionStrings__Postgres and ConnectionStrings__Redis may name servers"
    exit 1
  fi
  # Other jobs on the machine may hold apt's locks for a while: wait for them rather than fail.
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_pg_bin() {
  PG_BIN="$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n1)"
  [[ -x "$PG_BIN/initdb" ]] || { log "no initdb under /usr/lib/postgresql"; exit 1; }
}

# PostgreSQL refuses to run as root. The postgres user must reach the data folder and every folder
# above it; a repo under /root is not reachable, so the data then goes to /var/tmp instead.
pg_dir() {
  local dir="$VAR_DIR/pg"
  if [[ $(id -u) -eq 0 ]]; then
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      dir="/var/tmp/reset-service-$(echo -n "$VAR_DIR" | md5sum | cut -c1-12)/pg"
      mkdir -p "$dir"
      chown postgres:postgres "$(dirname "$dir")" "$dir"
    fi
  fi
  echo "$dir"
}

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_password() { cat "$VAR_DIR/pg-password"; }

start_postgres() {
  find_pg_bin
  local dir; dir="$(pg_dir)"
  mkdir -p "$VAR_DIR"
  if [[ ! -s "$VAR_DIR/pg-password" ]]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$VAR_DIR/pg-password")
  fi
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    log "creating a PostgreSQL cluster in $dir/data"
    local pwfile="$dir/pwfile"
    install -m 600 -o "$(stat -c %U "$dir")" /dev/null "$pwfile"
    pg_password >"$pwfile"
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
      --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    rm -f "$pwfile"
  fi
  mkdir -p "$dir/sock"
  [[ $(id -u) -ne 0 ]] || chown postgres:postgres "$dir/sock"
  if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    local extra=""
    # Tests trade durability for speed; the run command keeps PostgreSQL's defaults.
    [[ "${RESET_SERVERS_FAST:-}" != 1 ]] || extra="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $PG_PORT -k $dir/sock -c listen_addresses=127.0.0.1 $extra" start >/dev/null
    log "PostgreSQL started on 127.0.0.1:$PG_PORT (data: $dir/data)"
  fi
  if ! as_pg psql -h "$dir/sock" -p "$PG_PORT" -U postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" | grep -q 1; then
    as_pg psql -h "$dir/sock" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE \"$PG_DATABASE\"" >/dev/null
    log "created database $PG_DATABASE"
  fi
}

stop_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin" >/dev/null || return 0
  find_pg_bin
  local dir; dir="$(pg_dir)"
  if [[ -f "$dir/data/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    log "PostgreSQL stopped"
  fi
}

redis_dir() { echo "$VAR_DIR/redis"; }

redis_running() {
  local pidfile; pidfile="$(redis_dir)/redis.pid"
  [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

start_redis() {
  local dir; dir="$(redis_dir)"
  mkdir -p "$dir"
  if redis_running; then
    log "Redis already running on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  # AOF on: a restarted Redis keeps the open tickets.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$dir" \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --appendonly yes --save ''
  for _ in $(seq 50); do
    redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
  redis-cli -p "$REDIS_PORT" ping | grep -q PONG || { log "Redis did not answer; see $dir/redis.log"; exit 1; }
  log "Redis started on 127.0.0.1:$REDIS_PORT (data: $dir)"
}

stop_redis() {
  redis_running || return 0
  local pid; pid="$(cat "$(redis_dir)/redis.pid")"
  kill "$pid"
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  log "Redis stopped"
}

# Redis Cluster: node i listens on CLUSTER_PORT+i and talks to the others on CLUSTER_PORT+3+i (the
# default bus port, port+10000, does not exist above 55535).
cluster_dir() { echo "$VAR_DIR/redis-cluster"; }

cluster_ports() { echo "$CLUSTER_PORT" $((CLUSTER_PORT + 1)) $((CLUSTER_PORT + 2)); }

cluster_node_running() {
  local pidfile; pidfile="$(cluster_dir)/$1/redis.pid"
  [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

cluster_ok() {
  local port
  for port in $(cluster_ports); do
    redis-cli -p "$port" cluster info 2>/dev/null | grep -q '^cluster_state:ok' || return 1
  done
}

start_redis_cluster() {
  local dir port running=0 nodes=()
  dir="$(cluster_dir)"
  for port in $(cluster_ports); do
    if cluster_node_running "$port"; then running=$((running + 1)); fi
    nodes+=("127.0.0.1:$port")
  done
  if ((running == 3)) && cluster_ok; then
    log "Redis Cluster already running on 127.0.0.1:$CLUSTER_PORT-$((CLUSTER_PORT + 2))"
    return 0
  fi
  # Throwaway: a half-started or broken cluster from an earlier run is stopped and made anew.
  stop_redis_cluster
  rm -rf "$dir"
  local i=0
  for port in $(cluster_ports); do
    mkdir -p "$dir/$port"
    redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$dir/$port" \
      --pidfile "$dir/$port/redis.pid" --logfile "$dir/$port/redis.log" --save '' --appendonly no \
      --cluster-enabled yes --cluster-config-file "$dir/$port/nodes.conf" --cluster-node-timeout 2000 \
      --cluster-port $((CLUSTER_PORT + 3 + i))
    i=$((i + 1))
  done
  for port in $(cluster_ports); do
    for _ in $(seq 50); do
      redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break
      sleep 0.1
    done
  done
  if ! redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$dir/create.log" 2>&1; then
    log "redis-cli --cluster create failed; see $dir/create.log"
    exit 1
  fi
  for _ in $(seq 100); do
    cluster_ok && break
    sleep 0.1
  done
  cluster_ok || { log "Redis Cluster did not reach cluster_state:ok; see $dir/*/redis.log"; exit 1; }
  log "Redis Cluster started on 127.0.0.1:$CLUSTER_PORT-$((CLUSTER_PORT + 2)) (three masters)"
}

stop_redis_cluster() {
  local port pid stopped=0
  for port in $(cluster_ports); do
    cluster_node_running "$port" || continue
    pid="$(cat "$(cluster_dir)/$port/redis.pid")"
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    stopped=1
  done
  if ((stopped)); then log "Redis Cluster stopped"; fi
}

cluster_configuration() {
  local port nodes=()
  for port in $(cluster_ports); do nodes+=("127.0.0.1:$port"); done
  (IFS=,; echo "${nodes[*]}")
}

print_env() {
  local want_pg=$1 want_redis=$2 want_cluster=$3
  if ((want_pg)); then
    echo "export ConnectionStrings__Postgres='Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DATABASE;Username=postgres;Password=$(pg_password)'"
  fi
  if ((want_redis)); then
    echo "export ConnectionStrings__Redis='127.0.0.1:$REDIS_PORT'"
  fi
  if ((want_cluster)); then
    echo "export RESET_REDIS_CLUSTER='$(cluster_configuration)'"
  fi
}

main() {
  local command="${1:-}"
  shift || true
  local pg=0 redis=0 cluster=0 nginx=0
  for what in "$@"; do
    case "$what" in
      postgres) pg=1 ;;
      redis) redis=1 ;;
      redis-cluster) cluster=1 ;;
      nginx) [[ "$command" == install ]] || { log "nginx is only installed here; the test that needs it runs its own"; exit 2; }; nginx=1 ;;
      *) log "unknown server '$what'"; exit 2 ;;
    esac
  done
  if ((nginx)); then ensure_packages nginx; exit 0; fi
  if ((pg == 0 && redis == 0 && cluster == 0)); then pg=1; redis=1; fi

  case "$command" in
    start)
      ensure_packages
      if ((pg)); then start_postgres; fi
      if ((redis)); then start_redis; fi
      if ((cluster)); then start_redis_cluster; fi
      ;;
    stop)
      if ((cluster)); then stop_redis_cluster; fi
      if ((redis)); then stop_redis; fi
      if ((pg)); then stop_postgres; fi
      ;;
    env) print_env "$pg" "$redis" "$cluster" ;;
    install) ensure_packages ;;
    status)
      redis_running && log "Redis running on 127.0.0.1:$REDIS_PORT" || log "Redis not running"
      cluster_node_running "$CLUSTER_PORT" && cluster_ok && log "Redis Cluster running on 127.0.0.1:$CLUSTER_PORT-$((CLUSTER_PORT + 2))" \
        || log "Redis Cluster not running"
      if compgen -G "/usr/lib/postgresql/*/bin" >/dev/null; then
        find_pg_bin
        as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)/data" status >/dev/null 2>&1 \
          && log "PostgreSQL running on 127.0.0.1:$PG_PORT" || log "PostgreSQL not running"
      fi
      ;;
    *)
      sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 2
      ;;
  esac
}

main "$@"
