#!/usr/bin/env bash
# Runs the whole test suite: SQLite always, PostgreSQL when a server is reachable.
#
# PostgreSQL: uses TEST_DATABASE_URL if set; otherwise creates a throwaway database on
# SIASN_TEST_PG (default postgres://postgres@127.0.0.1:5432) and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

server="${SIASN_TEST_PG:-postgres://postgres@127.0.0.1:5432}"
throwaway=""
moto_pid=""
replika_started=""

cleanup() {
  if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null || true; fi
  if [ -n "$replika_started" ]; then scripts/replika.sh stop || true; fi
  if [ -n "$throwaway" ]; then
    psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $throwaway WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if command -v psql >/dev/null 2>&1 && psql "$server/postgres" -qAtc 'SELECT 1' >/dev/null 2>&1; then
    throwaway="siasn_test_$(date +%s)_$$"
    psql "$server/postgres" -qc "CREATE DATABASE $throwaway" >/dev/null
    export TEST_DATABASE_URL="$server/$throwaway"
  fi
fi

# S3-compatible blob store: a local moto server (pip install 'moto[server]') when available.
if [ -z "${TEST_S3_ENDPOINT:-}" ] && command -v moto_server >/dev/null 2>&1; then
  port=$(( 20000 + $$ % 20000 ))
  moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
  moto_pid=$!
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { export TEST_S3_ENDPOINT="http://127.0.0.1:$port"; break; }
    sleep 0.2
  done
fi
if [ -n "${TEST_S3_ENDPOINT:-}" ]; then
  echo "== S3 blob suite: ON ($TEST_S3_ENDPOINT)"
else
  echo "== S3 blob suite: SKIPPED (no moto_server; pip install 'moto[server]' or set TEST_S3_ENDPOINT)"
fi

# NATS JetStream (audit heads published to a stream): the local server when one answers.
if [ -z "${TEST_NATS_URL:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then
  export TEST_NATS_URL="nats://127.0.0.1:4222"
fi
if [ -n "${TEST_NATS_URL:-}" ]; then
  echo "== NATS suite: ON ($TEST_NATS_URL)"
else
  echo "== NATS suite: SKIPPED (no server at 127.0.0.1:4222; set TEST_NATS_URL to run it)"
fi

# A hot standby of the test server for the read-replica test (after the throwaway database
# exists, so the standby has it too).
if [ -n "${TEST_DATABASE_URL:-}" ] && [ -z "${TEST_REPLICA_URL:-}" ] \
  && [ "${TEST_DATABASE_URL#postgres://postgres@127.0.0.1:5432/}" != "$TEST_DATABASE_URL" ]; then
  if url=$(scripts/replika.sh start 2>/tmp/siasn-replika-start.log); then
    export TEST_REPLICA_URL="$url"
    replika_started=1
  fi
fi
if [ -n "${TEST_REPLICA_URL:-}" ]; then
  echo "== read replica suite: ON ($TEST_REPLICA_URL)"
else
  echo "== read replica suite: SKIPPED (scripts/replika.sh could not start a standby; see /tmp/siasn-replika-start.log)"
fi

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== PostgreSQL suite: ON (${TEST_DATABASE_URL%%@*}@…)"
else
  echo "== PostgreSQL suite: SKIPPED (no server at $server; set TEST_DATABASE_URL to run it)"
fi

cargo test --workspace --locked "$@"

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "== NOTE: only the SQLite half ran; the PostgreSQL half was skipped."
fi
