#!/usr/bin/env bash
# Benchmarks of the audit log (issue 19; not a test: prints figures, asserts nothing).
# Every ratio is against a baseline measured in the same run on the same machine.
#
#   1. GET data-utama/{nip} against GET /healthz on the same server, 64 connections, load from
#      wrk in its own process; SQLite and PostgreSQL.
#   2. Audited writes against the same writes without audit on PostgreSQL, 16 pgbench clients,
#      with the sequencer of a running server giving the entries positions meanwhile; and the
#      old design (a single head row updated by every append) for comparison.
#   3. HTTP sign-ins against raw argon2id verifications (crates/web/examples/login_bench.rs).
#   4. `siasn audit verify` over 1,000,000 entries: full, then incremental.
#
# Needs: wrk, pgbench, psql, a PostgreSQL server (SIASN_BENCH_PG, default
# postgres://postgres@127.0.0.1:5432). Usage: scripts/bench-audit.sh [SECONDS] [ENTRIES]
# (SEKSI=24 runs only sections 2 and 4.)
set -euo pipefail
cd "$(dirname "$0")/.."
detik="${1:-10}"
entri="${2:-1000000}"
pg="${SIASN_BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
kerja=$(mktemp -d)
pids=()
dbs=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for d in "${dbs[@]}"; do psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$kerja"
}
trap cleanup EXIT

cargo build --release -q -p siasn
cargo build --release -q -p siasn-web --example api_bench --example login_bench
bin=target/release
db_baru() {
  local nama="siasn_bench_$1_$$"
  psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS $nama WITH (FORCE)" >/dev/null
  psql "$pg/postgres" -qc "CREATE DATABASE $nama" >/dev/null
  dbs+=("$nama")
  echo "$pg/$nama"
}
jalan() { [[ -z "${SEKSI:-}" || "$SEKSI" == *"$1"* ]]; }
angka() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# wrk prints "Requests/sec: N" and, with --latency, " 99%  12.34ms".
wrk_jalan() {
  local out
  out=$(wrk -t2 -c64 -d"${detik}s" --latency "$@")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  local galat
  galat=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  echo "$rps $p99 $galat"
}

if jalan 1; then
echo "== 1. data-utama vs /healthz (wrk, 64 connections, ${detik} s each)"
for engine in sqlite postgres; do
  log="$kerja/api_$engine.log"
  if [ "$engine" = postgres ]; then
    DATABASE_URL=$(db_baru api) "$bin/examples/api_bench" 3000 0 64 >"$log" 2>/dev/null &
  else
    env -u DATABASE_URL "$bin/examples/api_bench" 3000 0 64 >"$log" 2>/dev/null &
  fi
  pids+=($!)
  for _ in $(seq 1 600); do grep -q '^siap' "$log" 2>/dev/null && break; sleep 0.5; done
  base=$(awk -F= '/^base=/ {print $2}' "$log")
  nips=$(awk -F= '/^nips=/ {print $2}' "$log")
  h1=$(sed -n 's/^header=//p' "$log" | sed -n 1p)
  h2=$(sed -n 's/^header=//p' "$log" | sed -n 2p)
  cat >"$kerja/data_utama.lua" <<EOF
local nips = {}
for line in io.lines("$nips") do nips[#nips + 1] = line end
local i = 0
local h1n, h1v = string.match("$h1", "^([^:]+): (.*)$")
local h2n, h2v = string.match("$h2", "^([^:]+): (.*)$")
request = function()
  i = i + 1
  return wrk.format("GET", "/apisiasn/1.0/pns/data-utama/" .. nips[(i % #nips) + 1], {[h1n] = h1v, [h2n] = h2v})
end
EOF
  wrk -t2 -c64 -d2s -s "$kerja/data_utama.lua" "$base" >/dev/null # warm-up
  read -r hz_rps hz_p99 hz_err <<<"$(wrk_jalan "$base/healthz")"
  read -r du_rps du_p99 du_err <<<"$(wrk_jalan -s "$kerja/data_utama.lua" "$base")"
  echo "$engine: /healthz $hz_rps req/s (p99 $hz_p99) $hz_err| data-utama $du_rps req/s (p99 $du_p99) $du_err| ratio $(angka "$du_rps" "$hz_rps")"
  kill "${pids[-1]}" 2>/dev/null || true
done

fi

if jalan 2; then
echo "== 2. audited writes vs the same writes without audit (PostgreSQL, pgbench, 16 clients, ${detik} s each)"
url=$(db_baru tulis)
mkdir -p "$kerja/data"
DATABASE_URL="$url" SIASN_DATA_DIR="$kerja/data" "$bin/siasn" demo --employees 1000 >/dev/null 2>&1
psql "$url" -qc "CREATE TABLE bench_tulis (id BIGSERIAL PRIMARY KEY, pegawai UUID, isi TEXT, waktu TIMESTAMPTZ);
  CREATE TABLE bench_id (n INT PRIMARY KEY, id UUID NOT NULL);
  INSERT INTO bench_id SELECT row_number() OVER (ORDER BY id), id FROM pegawai;
  CREATE TABLE bench_kepala (id INT PRIMARY KEY, urutan BIGINT, hash TEXT); INSERT INTO bench_kepala VALUES (1, 0, '');" >/dev/null
n_pegawai=$(psql "$url" -qAtc "SELECT count(*) FROM bench_id")
# An audit entry as the application writes one: a time-ordered id, the employee, before/after.
audit_sql="INSERT INTO audit_masuk (id, waktu, aktor, aksi, pegawai_id, alasan, sesudah, alamat, kunci_mac, mac)
  VALUES ((lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid,
    now(), 'akun:0190a0b0-0000-7000-8000-000000000001', 'riwayat.ditambah', PEGAWAI, 'usulan 0190a0b0-0000-7000-8000-0000000000aa',
    '{\"jenis\":\"penghargaan\",\"jenis_penghargaan_id\":\"203\",\"tahun\":2025,\"nomor_sk\":\"SK/123/2025\"}', '10.1.2.3',
    '20261206000000-abcdef', repeat('0', 64));"
riwayat_sql="INSERT INTO riwayat (id, pegawai_id, jenis, tanggal_efektif, nomor_sk, tanggal_sk, data, dibuat_pada)
  VALUES (gen_random_uuid(), PEGAWAI, 'penghargaan', current_date, 'SK/123/2025', current_date,
    '{\"jenis_penghargaan_id\":\"203\",\"tahun\":2025,\"nama\":\"Satyalancana Karya Satya X Tahun\"}'::jsonb, now());"
# Prepared statements, as the application's driver uses them; the employee by a subquery so
# the script needs no client-side variable substitution.
pid="(SELECT id FROM bench_id WHERE n = :r)"
kecil="INSERT INTO bench_tulis (pegawai, isi, waktu) VALUES (gen_random_uuid(), repeat('x', 200), now());"
tulis_skrip() { local nama="$1"; shift; { echo "\\set r random(1, $n_pegawai)"; echo "BEGIN;"; for x in "$@"; do echo "$x"; done; echo "COMMIT;"; } >"$kerja/$nama.sql"; }
tulis_skrip kecil "$kecil"
tulis_skrip kecil_audit "$kecil" "${audit_sql//PEGAWAI/gen_random_uuid()}"
tulis_skrip kecil_kepala "UPDATE bench_kepala SET urutan = urutan + 1 WHERE id = 1 RETURNING urutan, hash;" "$kecil" "UPDATE bench_kepala SET hash = md5(random()::text) WHERE id = 1;"
tulis_skrip riwayat "${riwayat_sql//PEGAWAI/$pid}"
tulis_skrip riwayat_kosong "${riwayat_sql//PEGAWAI/$pid}" "SELECT 1;"
tulis_skrip riwayat_audit "${riwayat_sql//PEGAWAI/$pid}" "${audit_sql//PEGAWAI/$pid}"
# A running server sequences the entries while they are written (its log is not needed).
DATABASE_URL="$url" SIASN_DATA_DIR="$kerja/data" SIASN_LISTEN=127.0.0.1:0 RUST_LOG=off \
  "$bin/siasn" serve >/dev/null 2>&1 &
pids+=($!)
sleep 2
pgb() { pgbench -n -M prepared -c16 -j2 -T"$detik" -f "$1" "$url" 2>&1 | awk '/^tps/ {print $3; exit}'; }
psql "$url" -qc "CHECKPOINT" >/dev/null
t_kecil=$(pgb "$kerja/kecil.sql")
t_kecil_audit=$(pgb "$kerja/kecil_audit.sql")
t_kecil_kepala=$(pgb "$kerja/kecil_kepala.sql")
psql "$url" -qc "CHECKPOINT" >/dev/null
t_riwayat=$(pgb "$kerja/riwayat.sql")
t_riwayat_kosong=$(pgb "$kerja/riwayat_kosong.sql")
t_riwayat_audit=$(pgb "$kerja/riwayat_audit.sql")
sleep 3
urut=$(psql "$url" -qAtc "SELECT (SELECT count(*) FROM audit_entri) || ' sequenced, ' || (SELECT count(*) FROM audit_masuk) || ' waiting'")
echo "small insert: alone $t_kecil tps | + audit entry $t_kecil_audit tps (ratio $(angka "$t_kecil_audit" "$t_kecil")) | old design, + head row $t_kecil_kepala tps (ratio $(angka "$t_kecil_kepala" "$t_kecil"))"
echo "history row (riwayat): alone $t_riwayat tps | + audit entry $t_riwayat_audit tps (ratio $(angka "$t_riwayat_audit" "$t_riwayat")) | + an empty statement (SELECT 1) $t_riwayat_kosong tps (ratio $(angka "$t_riwayat_kosong" "$t_riwayat"))"
echo "sequenced by the running server 3 s after the load: $urut"
kill "${pids[-1]}" 2>/dev/null || true

fi

if jalan 3; then
echo "== 3. HTTP sign-ins vs raw argon2id"
"$bin/examples/login_bench" "$detik" 2>/dev/null | tail -3

fi

if jalan 4; then
echo "== 4. audit verify over $entri entries (SQLite)"
data="$kerja/verify"
mkdir -p "$data"
SIASN_DATA_DIR="$data" "$bin/siasn" migrate >/dev/null 2>&1
SIASN_DATA_DIR="$data" "$bin/siasn" audit bench-fill "$entri" >/dev/null
SIASN_DATA_DIR="$data" "$bin/siasn" audit publish
s=$(date +%s.%N); SIASN_DATA_DIR="$data" "$bin/siasn" audit verify --full; e=$(date +%s.%N)
echo "full verify wall time: $(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.1f", b - a }') s"
SIASN_DATA_DIR="$data" "$bin/siasn" audit bench-fill 10000 >/dev/null
SIASN_DATA_DIR="$data" "$bin/siasn" audit publish >/dev/null
s=$(date +%s.%N); SIASN_DATA_DIR="$data" "$bin/siasn" audit verify; e=$(date +%s.%N)
echo "incremental verify (10,000 new) wall time: $(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.1f", b - a }') s"
fi
