#!/usr/bin/env bash
# Starts, stops and checks the local Redis and PostgreSQL the store tiers and their tests use.
#
#   scripts/services.sh status   # is each server up? (exit 0 when both are)
#   scripts/services.sh start    # start whichever is not running (loopback only, data in a temporary directory)
#   scripts/services.sh stop     # stop only what this script started
#   scripts/services.sh ensure   # quiet when both are up, otherwise start (what .ci/run calls)
#
# Servers are the ones the suite connects to: AUTHBENCH_REDIS_URL (default redis://127.0.0.1:6379) and
# AUTHBENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/postgres) as AUTHBENCH_POSTGRES_USER,
# trust auth on loopback. That user defaults to the superuser the platform's package creates: "postgres"
# on Linux, the login user on macOS (Homebrew, Postgres.app). Data of started servers lives in
# AUTHBENCH_SERVICES_DIR (default: a per-user directory under $TMPDIR); nothing is persisted, nothing
# listens beyond loopback. Runs on Linux and macOS (bash 3.2 or later).
set -euo pipefail

REDIS_URL=${AUTHBENCH_REDIS_URL:-redis://127.0.0.1:6379}
PG_URL=${AUTHBENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}
STATE=${AUTHBENCH_SERVICES_DIR:-${TMPDIR:-/tmp}}
STATE=${AUTHBENCH_SERVICES_DIR:-${STATE%/}/authbench-services-$(id -u)}
case $(uname -s) in
  Darwin) PG_USER_DEFAULT=${USER:-$(id -un)} ;;
  *) PG_USER_DEFAULT=postgres ;;
esac
PG_USER=${AUTHBENCH_POSTGRES_USER:-$PG_USER_DEFAULT}

# host:port out of redis://[user:pass@]host[:port][/db] and jdbc:postgresql://host[:port]/db
hostport() { # url default-port
  local rest=${1#*://}
  rest=${rest##*@}
  rest=${rest%%/*}
  rest=${rest%%\?*}
  case $rest in
    *:*) echo "$rest" ;;
    *) echo "$rest:$2" ;;
  esac
}
REDIS_HOST=$(hostport "$REDIS_URL" 6379); REDIS_PORT=${REDIS_HOST##*:}; REDIS_HOST=${REDIS_HOST%:*}
PG_HOST=$(hostport "$PG_URL" 5432); PG_PORT=${PG_HOST##*:}; PG_HOST=${PG_HOST%:*}

say() { printf '%s\n' "$*"; }

port_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

redis_up() {
  if command -v redis-cli >/dev/null; then
    [ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]
  else
    port_open "$REDIS_HOST" "$REDIS_PORT"
  fi
}

pg_up() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
  else
    port_open "$PG_HOST" "$PG_PORT"
  fi
}

loopback() {
  case $1 in 127.*|localhost|::1|\[::1\]) return 0 ;; *) return 1 ;; esac
}

wait_for() { # what check
  for _ in $(seq 1 50); do
    if "$2"; then return 0; fi
    sleep 0.2
  done
  say "$1: started but not answering after 10 s (see $STATE)"
  return 1
}

# PostgreSQL refuses to run as root: as root, its tools run as the postgres user (via runuser).
pg_runnable() {
  [ "$(id -u)" -ne 0 ] && return 0
  id postgres >/dev/null 2>&1 && command -v runuser >/dev/null && return 0
  say "postgres: PostgreSQL will not run as root, and there is no 'postgres' user and runuser to run it as; run this script as a normal user"
  return 1
}

as_pg() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

pg_bindir() { # directory holding initdb and pg_ctl, or nothing
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"
    return
  fi
  local d
  # Debian/Ubuntu, RHEL, Homebrew's versioned (keg-only) formulae, Postgres.app; the highest major version
  # first (by the number after postgresql/, pgsql-, postgresql@ or Versions/; macOS's sort has no -V).
  for d in $(ls -d /usr/lib/postgresql/*/bin /usr/pgsql-*/bin /opt/homebrew/opt/postgresql@*/bin \
      /usr/local/opt/postgresql@*/bin /Applications/Postgres.app/Contents/Versions/*/bin 2>/dev/null \
      | sed -E 's#^(.*(postgresql/|pgsql-|postgresql@|Versions/)([0-9]+).*)$#\3 \1#' | sort -n -r -k 1,1 | cut -d ' ' -f 2-); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return; fi
  done
}

start_redis() {
  if redis_up; then say "redis: already running at $REDIS_HOST:$REDIS_PORT"; return 0; fi
  if ! loopback "$REDIS_HOST"; then
    say "redis: not reachable at $REDIS_HOST:$REDIS_PORT, and this script only starts servers on loopback"
    return 1
  fi
  if ! command -v redis-server >/dev/null; then
    say "redis: not running at $REDIS_HOST:$REDIS_PORT and redis-server is not installed (install Redis, or set AUTHBENCH_REDIS_URL to a running server)"
    return 1
  fi
  mkdir -p "$STATE/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$STATE/redis" --pidfile "$STATE/redis/redis.pid" --logfile "$STATE/redis/redis.log" >/dev/null
  wait_for redis redis_up
  say "redis: started at 127.0.0.1:$REDIS_PORT (data in $STATE/redis, not persisted)"
}

start_pg() {
  if pg_up; then say "postgres: already running at $PG_HOST:$PG_PORT"; return 0; fi
  if ! loopback "$PG_HOST"; then
    say "postgres: not reachable at $PG_HOST:$PG_PORT, and this script only starts servers on loopback"
    return 1
  fi
  # A packaged cluster already configured for this port (Debian/Ubuntu): start it as the system would.
  local conf ver
  if command -v pg_ctlcluster >/dev/null; then
    for conf in /etc/postgresql/*/main/postgresql.conf; do
      [ -f "$conf" ] || continue
      ver=$(basename "$(dirname "$(dirname "$conf")")")
      if grep -Eq "^[[:space:]]*port[[:space:]]*=[[:space:]]*$PG_PORT\b" "$conf"; then
        pg_ctlcluster --skip-systemctl-redirect "$ver" main start
        mkdir -p "$STATE"
        echo "$ver" > "$STATE/postgres.cluster"
        wait_for postgres pg_up
        say "postgres: started cluster $ver/main at $PG_HOST:$PG_PORT"
        return 0
      fi
    done
  fi
  local bin
  bin=$(pg_bindir)
  if [ -z "$bin" ]; then
    say "postgres: not running at $PG_HOST:$PG_PORT and no PostgreSQL server (initdb, pg_ctl) is installed (install PostgreSQL, or set AUTHBENCH_POSTGRES_URL to a running server)"
    return 1
  fi
  pg_runnable || return 1
  local data=$STATE/postgres
  mkdir -p "$data"
  [ "$(id -u)" -ne 0 ] || chown postgres "$data" 2>/dev/null || true
  chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$data" -U "$PG_USER" -A trust -E UTF8 --no-sync >"$STATE/postgres-initdb.log" 2>&1 \
      || { say "postgres: initdb failed (see $STATE/postgres-initdb.log)"; return 1; }
  fi
  as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $data" start >/dev/null \
    || { say "postgres: pg_ctl start failed (see $data/server.log)"; return 1; }
  wait_for postgres pg_up
  say "postgres: started at 127.0.0.1:$PG_PORT (data in $data, superuser $PG_USER, trust auth)"
}

stop_redis() {
  local pidfile=$STATE/redis/redis.pid pid
  local comm=
  if [ -f "$pidfile" ] && pid=$(cat "$pidfile"); then
    comm=$(ps -p "$pid" -o comm= 2>/dev/null || true)
  fi
  # Linux prints the command name, macOS the executable's full path: compare the last path element.
  comm=${comm##*/}
  if [ "${comm%% *}" = redis-server ]; then
    kill "$pid"
    rm -rf "$STATE/redis"
    say "redis: stopped (pid $pid)"
  else
    say "redis: not started by this script; left alone"
  fi
}

stop_pg() {
  local data=$STATE/postgres bin
  if [ -f "$data/postmaster.pid" ] && bin=$(pg_bindir) && [ -n "$bin" ]; then
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    rm -rf "$data" "$STATE/postgres-initdb.log"
    say "postgres: stopped (data in $data removed)"
  elif [ -f "$STATE/postgres.cluster" ]; then
    local ver
    ver=$(cat "$STATE/postgres.cluster")
    pg_ctlcluster --skip-systemctl-redirect "$ver" main stop
    rm -f "$STATE/postgres.cluster"
    say "postgres: stopped cluster $ver/main"
  else
    say "postgres: not started by this script; left alone"
  fi
}

# A server that is up but refuses the user the suite logs in as would have its tier skipped: say so.
pg_user_check() {
  if command -v psql >/dev/null \
      && ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; then
    say "postgres: user '$PG_USER' cannot log in at $PG_HOST:$PG_PORT; set AUTHBENCH_POSTGRES_USER to a superuser of that server"
  fi
}

# Namespaces the suite left on a server: runs in progress, or runs killed before their teardown.
leftovers() {
  local n
  if command -v redis-cli >/dev/null && redis_up; then
    n=$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --scan --pattern 'authbench:*:owner' | wc -l)
    [ "$n" -eq 0 ] || say "redis:    $n authbench namespace(s) present (authbench:<namespace>:*)"
  fi
  if command -v psql >/dev/null && pg_up; then
    n=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atc \
      "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'authbench\\_%'" 2>/dev/null || echo 0)
    [ "$n" -eq 0 ] || say "postgres: $n authbench schema(s) present (authbench_<namespace>)"
  fi
}

status() {
  local ok=0
  if redis_up; then say "redis:    up at $REDIS_HOST:$REDIS_PORT"; else say "redis:    down at $REDIS_HOST:$REDIS_PORT"; ok=1; fi
  if pg_up; then say "postgres: up at $PG_HOST:$PG_PORT"; pg_user_check; else say "postgres: down at $PG_HOST:$PG_PORT"; ok=1; fi
  leftovers
  return $ok
}

start() {
  local rc=0
  start_redis || rc=1
  start_pg || rc=1
  return $rc
}

case ${1:-} in
  start) start ;;
  stop) rc=0; stop_redis || rc=1; stop_pg || rc=1; exit $rc ;;
  status) status ;;
  ensure) if redis_up && pg_up; then exit 0; fi; start ;;
  *) say "usage: scripts/services.sh start|stop|status|ensure"; exit 2 ;;
esac
