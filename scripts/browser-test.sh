#!/usr/bin/env bash
# Browser journeys in headless Chromium against a fresh SQLite demo: the MySAPK portal (360 px
# and 1280 px), the Kartu ASN Virtual (photo, card, QR decoded from the PNG, public check) and
# the promotion, retirement and transfer services and appointments (operators, officials and BKN
# at 1280 px, the employee at 360 px), and
# every role's menu with the back-office queue at both widths, and a partner's webhook registered
# by the BKN admin receiving the demo's signed events.
# Screenshots go to target/screenshots (or $1). Installs Debian's chromium and the npm
# packages it needs when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-target/screenshots}")"
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium"
  apt-get install -y -q chromium >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
fi

work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== npm packages for the journeys"
npm install --prefix "$work/node" --silent --no-audit --no-fund playwright-core jsqr pngjs >/dev/null
cp scripts/masuk.mjs scripts/portal-check.mjs scripts/kartu-check.mjs scripts/layanan-check.mjs scripts/pensiun-check.mjs scripts/pindah-check.mjs scripts/pengadaan-check.mjs scripts/menu-check.mjs scripts/peristiwa-check.mjs "$work/node/"
# Staff enrol MFA once; later journeys answer with the secret kept here.
export SIASN_MFA_RAHASIA="$work/mfa-rahasia.json"

cargo build --locked -q -p siasn
port=$(( 21000 + $$ % 20000 ))
base="http://127.0.0.1:$port"
SIASN_DATA_DIR="$work/data" SIASN_LISTEN="127.0.0.1:$port" SIASN_PUBLIC_URL="$base" \
  SIASN_COOKIE_SECURE=false target/debug/siasn serve --demo --employees 300 >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$base/readyz" >/dev/null || { cat "$work/server.log"; exit 1; }
nip="$(sed -n 's/^  Pegawai  *//p' "$work/server.log" | head -1)"
[ -n "$nip" ] || { echo "no demo employee in the server log"; exit 1; }

node "$work/node/portal-check.mjs" "$base" "$nip" "$out"
# The proof the employee downloaded checks offline with the public keys alone.
mkdir -p "$work/kunci-publik"
cp "$work/data/audit-kunci/"*.pub "$work/kunci-publik/"
target/debug/siasn audit prove "$out/portal-360-bukti-audit.json" --keys "$work/kunci-publik"
node "$work/node/kartu-check.mjs" "$base" "$nip" "$out" "$work/data"
operator="$(sed -n 's/^  Operator Instansi  *//p' "$work/server.log" | head -1)"
[ -n "$operator" ] || { echo "no demo operator in the server log"; exit 1; }
node "$work/node/layanan-check.mjs" "$base" "$operator" "$out" "$(pwd)/target/debug/siasn" "$work/data"
node "$work/node/pensiun-check.mjs" "$base" "$operator" "$out" "$(pwd)/target/debug/siasn" "$work/data"
node "$work/node/pindah-check.mjs" "$base" "$operator" "$nip" "$out"
# shellcheck disable=SC2046 # three ids from the demo's database, one word each
node "$work/node/pengadaan-check.mjs" "$base" "$operator" "$out" $(python3 scripts/acuan-demo.py "$work/data/siasn.sqlite")
verifier="$(sed -n 's/^  Verifikator Instansi  *//p' "$work/server.log" | head -1)"
[ -n "$verifier" ] || { echo "no demo agency verifier in the server log"; exit 1; }
node "$work/node/menu-check.mjs" "$base" "$nip" "$operator" "$verifier" "$out"
node "$work/node/peristiwa-check.mjs" "$base" "$out"
echo "== browser journeys passed; screenshots in $out"
