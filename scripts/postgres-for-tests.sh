#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start` prints the connection string,
# `stop DIR` stops it and removes it. Uses Debian's postgresql package (installed if missing).
# initdb refuses to run as root, so the cluster belongs to the postgres user.
set -euo pipefail

ensure_installed() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing Debian's postgresql package..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
}

bin_dir() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    ensure_installed
    BIN=$(bin_dir)
    DIR=$(mktemp -d /tmp/certa-pg.XXXXXX)
    PORT=$(free_port)
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_postgres "$BIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w start \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
    echo "DIR=$DIR"
    echo "CONNECTION=Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
    ;;
  stop)
    DIR=${2:?usage: postgres-for-tests.sh stop DIR}
    BIN=$(bin_dir)
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
