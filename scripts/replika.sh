#!/usr/bin/env bash
# A real PostgreSQL hot standby for the read-replica tests: a second cluster made with
# pg_basebackup from the server on 127.0.0.1:5432, streaming from it, on port 5433.
#   scripts/replika.sh start   -> prints the replica's base URL (postgres://postgres@127.0.0.1:5433)
#   scripts/replika.sh stop
# Runs the cluster as the postgres user (the server refuses root). Allows replication
# connections from 127.0.0.1 on the primary (trust, like the machine's other local access).
set -euo pipefail
dir="${SIASN_REPLIKA_DIR:-/tmp/siasn-replika}"
port="${SIASN_REPLIKA_PORT:-5433}"
primary_port=5432
bin="/usr/lib/postgresql/$(ls /etc/postgresql | sort -V | tail -1)/bin"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
  if as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    echo "postgres://postgres@127.0.0.1:$port"
    exit 0
  fi
  hba=$(psql -h 127.0.0.1 -p $primary_port -U postgres -qAtc 'SHOW hba_file')
  if ! grep -qE '^host\s+replication\s+all\s+127\.0\.0\.1/32' "$hba"; then
    echo "host replication all 127.0.0.1/32 trust" >>"$hba"
    psql -h 127.0.0.1 -p $primary_port -U postgres -qAtc 'SELECT pg_reload_conf()' >/dev/null
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  chown postgres:postgres "$dir" 2>/dev/null || true
  chmod 700 "$dir"
  as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p $primary_port -U postgres -D "$dir" -R -X stream -c fast >&2
  # Debian keeps the primary's configuration outside its data folder: give the standby its own.
  as_pg touch "$dir/postgresql.conf"
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_pg tee "$dir/pg_hba.conf" >/dev/null
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c hot_standby=on -c max_connections=100 -c hot_standby_feedback=on" \
    start >&2
  echo "postgres://postgres@127.0.0.1:$port"
  ;;
stop)
  as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >&2 2>/dev/null || true
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
