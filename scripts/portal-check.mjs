// The MySAPK portal journey in headless Chromium, at 360 px and at 1280 px: sign in, home,
// each profile section, download a document, switch language, sign out; screenshots of each
// step. Usage:
//   node scripts/portal-check.mjs http://127.0.0.1:8080 EMPLOYEE_NIP OUT_DIR
// (needs `npm install playwright-core` and Debian's chromium; the demo must be running).
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [base, employeeNip, out] = process.argv.slice(2);
const PASSWORD = 'SiasnDemo#2026';
fs.mkdirSync(out, { recursive: true });
const check = (cond, what) => { if (!cond) { console.error(`FAILED: ${what}`); process.exit(1); } };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

// On a phone the header's links are folded behind "Menu": open it first.
async function bukaMenu(page) {
  if (await page.isVisible('label.menu-tombol')) await page.click('label.menu-tombol');
}

for (const width of [360, 1280]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const shot = (name) => page.screenshot({ path: `${out}/portal-${width}-${name}.png`, fullPage: true });

  await page.goto(`${base}/masuk`);
  await page.fill('#login', employeeNip);
  await page.fill('#sandi', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL('**/beranda');
  await shot('01-beranda');
  for (const [i, path] of ['/profil', '/dokumen', '/kinerja', '/kompetensi', '/riwayat-akses', '/usulan', '/kartu'].entries()) {
    const res = await page.goto(`${base}${path}`);
    check(res.status() === 200, `${path} answers 200 (got ${res.status()})`);
    await shot(`${String(i + 2).padStart(2, '0')}${path.replaceAll('/', '-')}`);
  }
  // Download a document from My Documents.
  await page.goto(`${base}/dokumen`);
  const link = page.locator('a[href^="/dokumen/"]').first();
  check((await link.count()) === 1, 'a document to download');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = `${out}/portal-${width}-${download.suggestedFilename()}`;
  await download.saveAs(file);
  check(fs.statSync(file).size > 0, 'the document downloaded');
  // Download the proof of one audit entry about me (checked offline by browser-test.sh).
  await page.goto(`${base}/riwayat-akses`);
  const bukti = page.locator('a[href$="/bukti"]').first();
  check((await bukti.count()) === 1, 'an audit entry with a downloadable proof');
  const [unduhBukti] = await Promise.all([page.waitForEvent('download'), bukti.click()]);
  const fileBukti = `${out}/portal-${width}-bukti-audit.json`;
  await unduhBukti.saveAs(fileBukti);
  check(JSON.parse(fs.readFileSync(fileBukti, 'utf8')).format === 'siasn-audit-bukti-v1', 'the proof is a proof');
  // Language switch and back.
  await page.goto(`${base}/beranda`);
  await bukaMenu(page);
  await page.click('header a.lang');
  await page.waitForLoadState();
  check((await page.textContent('h1')).startsWith('Welcome'), 'English after the switch');
  await shot('09-beranda-en');
  await bukaMenu(page);
  await page.click('header a.lang');
  await page.waitForLoadState();
  check((await page.textContent('h1')).startsWith('Selamat datang'), 'Indonesian again');
  // Sign out.
  await bukaMenu(page);
  await page.click('form[action="/keluar"] button');
  await page.waitForLoadState();
  const after = await page.goto(`${base}/beranda`);
  check(page.url().endsWith('/masuk'), `signed out (at ${page.url()}, ${after.status()})`);
  await shot('10-keluar');
  check(errors.length === 0, `no console errors: ${errors.join('; ')}`);
  await ctx.close();
}
console.log('portal journey ok at 360 and 1280 px; screenshots in', out);
await browser.close();
