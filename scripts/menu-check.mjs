// Navigation and back-office journeys in headless Chromium: the menu of every demo role at
// 1280 px (always shown) and 360 px (folded behind "Menu"), every menu link opening without a
// bounce; the verification queue sorted, filtered and exported; the profile's index opening a
// folded section; a notification leading to its proposal. Pages stay under 100 KB with CSS.
// Usage:
//   node scripts/menu-check.mjs BASE EMPLOYEE_NIP OPERATOR_NIP VERIFIER_NIP OUT_DIR
// (needs `npm install playwright-core` and Debian's chromium; run on a fresh demo: staff enrol
// MFA at their first sign-in).
import { chromium } from 'playwright-core';
import { masuk } from './masuk.mjs';
import fs from 'node:fs';

const [base, employeeNip, operatorNip, verifierNip, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const check = (cond, what) => { if (!cond) { console.error(`FAILED: ${what}`); process.exit(1); } };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const errors = [];
const css = (await (await fetch(`${base}/static/siasn.css`)).text()).length;

async function signIn(login) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${login}: ${m.text()}`); });
  await masuk(page, base, login);
  return page;
}

const shot = (page, name) => page.screenshot({ path: `${out}/menu-${name}.png`, fullPage: true });

async function opens(page, path, who) {
  const res = await page.goto(`${base}${path}`);
  check(res.status() === 200, `${who}: ${path} answers 200 (got ${res.status()})`);
  check(new URL(page.url()).pathname === path, `${who}: ${path} does not bounce (landed on ${page.url()})`);
  const size = (await res.body()).length + css;
  check(size < 100_000, `${who}: ${path} weighs ${size} bytes with CSS`);
  check(!(await page.content()).includes('tidak berwenang'), `${who}: ${path} is allowed`);
}

// What each role's menu must and must not offer.
const roles = [
  { who: 'pegawai', login: employeeNip, has: ['/profil', '/dokumen', '/usulan', '/kinerja', '/kompetensi', '/kartu', '/layanan'], not: ['/pegawai', '/verifikasi', '/kolektif', '/admin/akun'] },
  { who: 'operator', login: operatorNip, has: ['/profil', '/pegawai', '/kolektif', '/usulan/statistik', '/layanan'], not: ['/verifikasi', '/admin/akun'] },
  { who: 'verifikator', login: verifierNip, has: ['/profil', '/pegawai', '/verifikasi', '/usulan/statistik'], not: ['/kolektif', '/admin/akun'] },
  { who: 'admin-instansi', login: 'admin.jabar', has: ['/pegawai', '/admin/akun', '/admin/pegawai', '/admin/klien-api'], not: ['/profil', '/dokumen', '/kartu', '/verifikasi'] },
  { who: 'pejabat', login: 'pejabat.jabar', has: ['/pegawai', '/layanan', '/layanan/sertifikat'], not: ['/profil', '/kolektif', '/admin/akun'] },
  { who: 'verifikator-bkn', login: 'verifikator.kanreg3', has: ['/pegawai', '/verifikasi', '/layanan', '/layanan/sertifikat'], not: ['/profil', '/kolektif', '/admin/akun'] },
  { who: 'admin-bkn', login: 'admin.bkn', has: ['/pegawai', '/admin/akun', '/admin/klien-api', '/usulan/statistik'], not: ['/profil', '/kartu', '/verifikasi', '/kolektif'] },
];

const pages = {};
for (const r of roles) {
  const page = await signIn(r.login);
  pages[r.who] = page;
  const hrefs = await page.$$eval('nav.menu a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')));
  for (const h of r.has) check(hrefs.includes(h), `${r.who}: menu offers ${h} (has ${hrefs.join(' ')})`);
  for (const h of r.not) check(!hrefs.includes(h), `${r.who}: menu hides ${h}`);
  check(await page.isVisible('nav.menu'), `${r.who}: menu shown at 1280 px`);
  check((await page.textContent('.menu-siapa')).includes('·') || r.who !== 'operator', `${r.who}: roles named`);
  await shot(page, `1280-${r.who}`);
  for (const h of hrefs) await opens(page, h, r.who);
  await page.goto(`${base}/beranda`);
  check(await page.isVisible('nav.menu a[aria-current=page][href="/beranda"]'), `${r.who}: home marked current`);
  // The phone: folded behind the button, opened by it.
  await page.setViewportSize({ width: 360, height: 800 });
  check(!(await page.isVisible('nav.menu')), `${r.who}: menu folded at 360 px`);
  await shot(page, `360-${r.who}`);
  await page.click('label.menu-tombol');
  check(await page.isVisible('nav.menu'), `${r.who}: menu opens at 360 px`);
  await shot(page, `360-${r.who}-terbuka`);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Signed in, the front page is home.
  await page.goto(`${base}/`);
  check(new URL(page.url()).pathname === '/beranda', `${r.who}: / goes home when signed in`);
}

// The profile index opens a folded section (employee, phone).
const emp = pages.pegawai;
await emp.setViewportSize({ width: 360, height: 800 });
await emp.goto(`${base}/profil`);
check(await emp.locator('details.bagian[open]').count() === 0, 'profile sections start folded');
const tautan = emp.locator('nav.indeks a[href="#bagian-golongan"]');
check(await tautan.count() === 1, 'index links the golongan section');
await tautan.click();
await emp.waitForSelector('details.bagian[open] #bagian-golongan', { state: 'attached' });
await shot(emp, '360-profil-indeks');

// The employee proposes a new rank; the agency verifier works the queue as a table.
const pdf = `${out}/sk-kp-menu.pdf`;
fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
await emp.goto(`${base}/usulan/baru?jenis=golongan`);
await emp.selectOption('#f_golongan', { index: 12 });
await emp.selectOption('#f_jenis_kp_id', '101');
await emp.fill('#f_tmt_golongan', '2026-10-01');
await emp.fill('[id="f_sk.nomor"]', '823.3/KP.01/2026');
await emp.fill('[id="f_sk.tanggal"]', '2026-09-15');
await emp.fill('#f_masa_kerja_tahun', '16');
await emp.fill('#f_masa_kerja_bulan', '0');
await emp.selectOption('#jenis_dokumen_1', 'L02');
await emp.setInputFiles('input[name=dokumen_1]', pdf);
await emp.click('button[value=ajukan]');
await emp.waitForURL(/\/usulan\/[0-9a-f-]{36}$/);
const proposal = new URL(emp.url()).pathname;

const ver = pages.verifikator;
await ver.goto(`${base}/verifikasi`);
check(await ver.locator('table.tabel tbody tr').count() >= 1, 'the queue has rows');
await shot(ver, '1280-antrean');
check(await ver.isVisible('th[aria-sort=ascending] >> text=Menunggu'), 'sorted by waiting time first');
await ver.click('th a:has-text("Pegawai")');
await ver.waitForSelector('th[aria-sort=ascending] >> text=Pegawai');
const nama = await ver.$$eval('table.tabel tbody tr td:first-child strong', (s) => s.map((x) => x.textContent));
check(nama.every((n, i) => i === 0 || nama[i - 1].localeCompare(n, 'id', { sensitivity: 'base' }) <= 0 || nama[i - 1] <= n), `sorted by name: ${nama.slice(0, 5)}`);
await ver.click('th a:has-text("Pegawai")');
await ver.waitForSelector('th[aria-sort=descending] >> text=Pegawai');
await shot(ver, '1280-antrean-urut-nama');
await ver.selectOption('#jenis', 'tambah.golongan');
await ver.click('form.saring button[type=submit]');
await ver.waitForLoadState();
const jenis = await ver.$$eval('table.tabel tbody tr td:nth-child(3)', (s) => s.map((x) => x.textContent));
check(jenis.length >= 1 && jenis.every((j) => j.toLowerCase().includes('golongan')), `filtered to rank rows: ${jenis.slice(0, 3)}`);
check(await ver.locator(`a[href="${proposal}"]`).count() === 1, 'the new proposal is in the filtered queue');
await shot(ver, '1280-antrean-saring');
const csvHref = await ver.getAttribute('a[href*="format=csv"]', 'href');
const csv = await ver.request.get(`${base}${csvHref}`);
check(csv.headers()['content-type'].startsWith('text/csv'), 'CSV export');
const csvText = await csv.text();
check(csvText.split('\n')[0].includes('NIP') && csvText.split('\n').length >= 3, `CSV rows: ${csvText.slice(0, 200)}`);
await ver.setViewportSize({ width: 360, height: 800 });
await shot(ver, '360-antrean');
await ver.setViewportSize({ width: 1280, height: 900 });
await ver.goto(`${base}${proposal}`);
await ver.click('button[value=setujui]');
await ver.waitForSelector('p.ok');

// The employee's notification says what and leads to the proposal.
await emp.goto(`${base}/beranda`);
await emp.click('label.menu-tombol');
check(await emp.isVisible('nav.menu a[href="/usulan"] .badge'), 'unread badge on the proposals link');
await emp.click('nav.menu a[href="/usulan"]');
await emp.waitForLoadState();
const notif = emp.locator(`section[aria-labelledby=notif] a[href="${proposal}"]`).first();
check(await notif.count() === 1, 'a notification links its proposal');
check((await notif.textContent()).toLowerCase().includes('golongan'), 'the notification names the kind');
await shot(emp, '360-notifikasi');
await notif.click();
await emp.waitForURL(`**${proposal}`);
await emp.goto(`${base}/beranda`);
check(!(await emp.locator('nav.menu a[href="/usulan"] .badge').count()), 'read after opening the list');

check(errors.length === 0, `no console errors: ${errors.join('; ')}`);
console.log('menu and back-office journeys ok at 360 and 1280 px; screenshots in', out);
await browser.close();
