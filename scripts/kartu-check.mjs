// Drives the Kartu ASN Virtual journey in headless Chromium and saves screenshots: an employee
// (360 px) uploads a refused photo, then a good one, previews it, confirms it, issues the card
// and views both orientations (also at 1280 px); the QR is decoded from the served PNG and
// opened by "the public", through the captcha, to the information page. Usage:
//   node scripts/kartu-check.mjs http://127.0.0.1:8080 EMPLOYEE_NIP OUT_DIR DATA_DIR
// (needs `npm install playwright-core jsqr pngjs`, Debian's chromium and python3; the demo must
// be running on SQLite in DATA_DIR: the script reads the captcha answer from the database,
// standing in for the human eye).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const [base, employeeNip, out, dataDir] = process.argv.slice(2);
const PASSWORD = 'SiasnDemo#2026';
fs.mkdirSync(out, { recursive: true });
execFileSync('python3', ['scripts/foto-uji.py', `${out}/foto-baik.png`]);
execFileSync('python3', ['scripts/foto-uji.py', `${out}/foto-merah.png`, '--opaque']);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const shot = (page, name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
const check = (cond, what) => { if (!cond) { console.error(`FAILED: ${what}`); process.exit(1); } };

const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
const emp = await ctx.newPage();
await emp.goto(`${base}/masuk`);
await emp.fill('#login', employeeNip);
await emp.fill('#sandi', PASSWORD);
await emp.click('button[type=submit]');
await emp.waitForURL('**/beranda');

await emp.goto(`${base}/foto`);
await shot(emp, '01-foto-360');
await emp.setInputFiles('#foto', `${out}/foto-merah.png`);
await emp.click('form.card button[type=submit]');
await emp.waitForLoadState();
check((await emp.textContent('p.bad')).includes('transparan'), 'opaque photo refused with a reason');
await shot(emp, '02-foto-ditolak-360');
await emp.setInputFiles('#foto', `${out}/foto-baik.png`);
await emp.click('form.card button[type=submit]');
await emp.waitForURL('**/foto/calon/*');
await emp.waitForLoadState('networkidle');
await shot(emp, '03-pratinjau-360');
await emp.click('button:has-text("Gunakan foto ini")');
await emp.waitForURL('**/kartu');
await emp.click('button:has-text("Terbitkan kartu")');
await emp.waitForURL('**/kartu');
await emp.waitForLoadState('networkidle');
await shot(emp, '04-kartu-lanskap-360');
await emp.goto(`${base}/kartu?orientasi=potret`);
await emp.waitForLoadState('networkidle');
await shot(emp, '05-kartu-potret-360');
await emp.goto(`${base}/beranda`);
await emp.waitForLoadState('networkidle');
await shot(emp, '06-beranda-360');

const wide = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: await ctx.storageState() });
const w = await wide.newPage();
await w.goto(`${base}/kartu`);
await w.waitForLoadState('networkidle');
await shot(w, '07-kartu-1280');
await w.goto(`${base}/kartu/cetak`);
await w.waitForLoadState('networkidle');
await shot(w, '08-cetak-1280');

// Decode the QR from the served back side.
const res = await emp.request.get(`${base}/kartu/belakang.png?unduh=1`);
const png = PNG.sync.read(await res.body());
const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
check(qr && qr.data.includes('/k/'), 'QR decodes to a card link');
console.log('QR:', qr.data.slice(0, 60) + '…');

// The public opens it on a phone.
const pub = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
await pub.goto(qr.data);
await pub.waitForLoadState('networkidle');
await shot(pub, '09-captcha-360');
const id = await pub.getAttribute('input[name=captcha_id]', 'value');
const jawaban = execFileSync('python3', ['-c',
  `import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select jawaban from captcha where id=?", (sys.argv[2],)).fetchone()[0])`,
  `${dataDir}/siasn.sqlite`, id]).toString().trim();
await pub.fill('#jawaban', jawaban.toLowerCase());
await pub.click('form.card button[type=submit]');
await pub.waitForLoadState('networkidle');
check((await pub.textContent('.status-kartu')).includes('BERLAKU'), 'the public sees a valid card');
await shot(pub, '10-hasil-360');
console.log('kartu journey ok; screenshots in', out);
await browser.close();
