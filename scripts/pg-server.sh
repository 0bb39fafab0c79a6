#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite, or stops it.
#   source scripts/pg-server.sh start   → exports TEST_DATABASE_URL, PG_TEST_DIR
#   scripts/pg-server.sh stop DIR
# Uses initdb/pg_ctl from PATH or /usr/lib/postgresql/*/bin; installs Debian's postgresql
# when neither exists. initdb refuses to run as root, so as root it runs as `postgres`.

pg_bin() {
  local d
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL findes ikke; installerer Debians postgresql ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  fi
  return 1
}

as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  local bin port dir
  bin=$(pg_bin) || { echo "Kan ikke finde eller installere PostgreSQL (initdb)" >&2; return 1; }
  dir=$(mktemp -d /tmp/styr-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; chown postgres "$dir"; }
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  as_pg_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_pg_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  as_pg_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  export PG_TEST_DIR="$dir" PG_TEST_BIN="$bin"
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') kører på port $port" >&2
}

pg_stop() {
  local dir=${1:-$PG_TEST_DIR} bin=${PG_TEST_BIN:-$(pg_bin)}
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  as_pg_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) pg_start ;;
  stop) pg_stop "${2:-}" ;;
esac
