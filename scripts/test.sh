#!/usr/bin/env bash
# Runs the whole test suite: SQLite always, PostgreSQL when a server is reachable.
#
# PostgreSQL: uses TEST_DATABASE_URL if set; otherwise creates a throwaway database on
# SIASN_TEST_PG (default postgres://postgres@127.0.0.1:5432) and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

server="${SIASN_TEST_PG:-postgres://postgres@127.0.0.1:5432}"
throwaway=""

cleanup() {
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

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== PostgreSQL suite: ON (${TEST_DATABASE_URL%%@*}@…)"
else
  echo "== PostgreSQL suite: SKIPPED (no server at $server; set TEST_DATABASE_URL to run it)"
fi

cargo test --workspace --locked "$@"

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "== NOTE: only the SQLite half ran; the PostgreSQL half was skipped."
fi
