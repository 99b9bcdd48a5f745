// The retirement service in headless Chromium: the operator (1280 px) opens the retirement
// list, is refused a case that breaks a rule (named on the page), proposes a BUP pension from
// the list (the DPCP is drawn from the record and attached), completes the file and proposes;
// the agency official approves; BKN validates and issues the pertek; the official signs the SK;
// the retiree (360 px) sees their decree on the home page and the SK in "Dokumen saya"; then
// a temporary dismissal decided by the agency alone and the formasi register. Screenshots of
// each step. Usage:
//   node scripts/pensiun-check.mjs BASE OPERATOR_NIP OUT_DIR SIASN_BIN DATA_DIR
import { chromium } from 'playwright-core';
import { PASSWORD, masuk } from './masuk.mjs';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

const [base, operatorNip, out, bin, dataDir] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const check = (cond, what) => { if (!cond) { console.error(`FAILED: ${what}`); process.exit(1); } };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const errors = [];
async function signIn(login, width) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${login}: ${m.text()}`); });
  await masuk(page, base, login);
  return page;
}
const shot = (page, name) => page.screenshot({ path: `${out}/pensiun-${name}.png`, fullPage: true });
const pdf = `${out}/berkas-pensiun.pdf`;
fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const FRASA = 'tte-demo-siasn';
async function step(page, value) {
  if (value === 'TERBITKAN_PERTEK' || value === 'TANDATANGANI_SK') await page.fill('#frasa', FRASA);
  await page.click(`button[name=langkah][value=${value}]`);
  await page.waitForLoadState();
  check(!(await page.locator('.card.bad').count()), `${value}: ${await page.locator('.card.bad').first().textContent().catch(() => '')}`);
}

// 1. The operator: the retirement list for the next two years.
const op = await signIn(operatorNip, 1280);
const hari = new Date();
const iso = (d) => d.toISOString().slice(0, 10);
const dua = new Date(hari); dua.setFullYear(dua.getFullYear() + 2);
const lalu = new Date(hari); lalu.setMonth(lalu.getMonth() - 6);
await op.goto(`${base}/layanan/pensiun?dari=${iso(lalu)}&sampai=${iso(dua)}`);
await shot(op, '01-daftar');
check((await op.textContent('h1')).includes('Daftar pensiun'), 'the retirement list');
const tombol = op.locator('button:text("Usulkan pensiun BUP")');
check((await tombol.count()) > 0, 'someone on the list can be proposed');
const baris = op.locator('tr:has(button:text("Usulkan pensiun BUP"))').first();
const nip = (await baris.locator('small').first().textContent()).split('·')[0].replace(/\s/g, '');
// Another serving employee, from the list over five years, for the temporary dismissal below.
const lima = new Date(hari); lima.setFullYear(lima.getFullYear() + 5);
await op.goto(`${base}/layanan/pensiun?dari=${iso(lalu)}&sampai=${iso(lima)}`);
const nipSemua = await op.locator('tr:has(button:text("Usulkan pensiun BUP")) small')
  .evaluateAll((xs) => xs.map((x) => x.textContent.split('·')[0].replace(/\s/g, '')));
const nipLain = nipSemua.find((n) => /^\d{18}$/.test(n) && n !== nip) || '';
await op.goto(`${base}/layanan/pensiun?dari=${iso(lalu)}&sampai=${iso(dua)}`);

// Bad input: an own-request pension with a TMT that is not the 1st of a month.
await op.fill('#nip', nip);
await op.selectOption('#jenis_pensiun', '7');
const tengah = new Date(hari); tengah.setMonth(tengah.getMonth() + 2); tengah.setDate(15);
await op.fill('#tmt', iso(tengah));
await op.click('section.card form button[type=submit]');
await op.waitForLoadState();
check((await op.textContent('.card.bad')).includes('tanggal 1'), 'a TMT off the 1st is refused, naming the rule');
await shot(op, '02-ditolak');

// The BUP case from the list.
await op.locator('tr:has(button:text("Usulkan pensiun BUP"))').filter({ hasText: nip.slice(0, 8) }).first()
  .locator('button').click();
await op.waitForURL(/\/layanan\/[0-9a-f-]{36}/);
const caseUrl = op.url().split('?')[0];
check((await op.textContent('main')).includes('Pensiun dan pemberhentian'), 'the case page names the service');
check((await op.textContent('main')).includes('DPCP'), 'the DPCP is attached');
await shot(op, '03-usul');
for (let i = 0; i < 6; i++) {
  const berkas = await op.textContent('section.card:has(h2:text("Berkas"))');
  if (!berkas.includes('belum ada')) break;
  const pilihan = await op.locator('#jenis_dokumen option').evaluateAll((o) => o.map((x) => [x.value, x.textContent]));
  // The first type the file still lacks.
  const kurang = pilihan.find(([, t]) => berkas.includes(`${t.trim()} — belum ada`)) || pilihan[i % pilihan.length];
  await op.selectOption('#jenis_dokumen', kurang[0]);
  await op.setInputFiles('input[name=berkas]', pdf);
  await op.click('form[action$="/lampiran"] button[type=submit]');
  await op.waitForLoadState();
}
await shot(op, '04-berkas');
await step(op, 'SIMPAN_BERKAS');
await step(op, 'AJUKAN');

// 2. The agency official; 3. BKN with the pertek; 4. the official signs the SK.
const pj = await signIn('pejabat.jabar', 1280);
await pj.goto(caseUrl);
await step(pj, 'SETUJUI_INSTANSI');
const bkn = await signIn('verifikator.bkn', 1280);
await bkn.goto(caseUrl);
await shot(bkn, '05-validasi-bkn');
await step(bkn, 'SETUJUI_BKN');
await step(bkn, 'TERBITKAN_PERTEK');
await pj.goto(caseUrl);
await step(pj, 'TANDATANGANI_SK');
await shot(pj, '06-sk');
check((await pj.textContent('p.status')).includes('SK terbit'), 'SK issued');
const skHref = await pj.locator('section.card:has(h2:text("Surat")) a').last().getAttribute('href');
const sk = await pj.request.get(`${base}${skHref}`);
check(sk.status() === 200 && (await sk.body()).subarray(0, 5).toString() === '%PDF-', 'SK downloads as PDF');
fs.writeFileSync(`${out}/pensiun-sk.pdf`, await sk.body());
await op.goto(`${base}/layanan/pensiun?dari=${iso(lalu)}&sampai=${iso(dua)}`);
check((await op.textContent('main')).includes('SK terbit'), 'the list shows the decree');
await shot(op, '07-daftar-sesudah');

// 5. The retiree on a phone: the decree on the home page, the SK in their documents.
const env = { ...process.env, SIASN_DATA_DIR: dataDir };
execFileSync(bin, ['user', 'add', '--nip', nip, '--role', 'pegawai'], { env, stdio: 'ignore' });
execFileSync(bin, ['user', 'set-password', nip, '--password-stdin'], { env, input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'ignore'] });
const emp = await signIn(nip, 360);
check((await emp.textContent('main')).includes('Pensiun dan pemberhentian'), 'the employee follows their case at home');
await shot(emp, '08-pegawai-beranda');
await emp.goto(`${base}/dokumen`);
check((await emp.textContent('main')).includes('SK pemberhentian'), 'the SK is in Dokumen saya');
await shot(emp, '09-pegawai-dokumen');
// 6. A temporary dismissal while detained, decided by the agency alone: the operator starts
// it on the status page, the official signs the SK straight away (no BKN step); the page lists
// it as ending within 30 days; the formasi register the returns are checked against.
check(nipLain !== '', 'a second serving employee for the temporary dismissal');
await op.goto(`${base}/layanan/cltn`);
check((await op.textContent('h1')).includes('Perubahan status kepegawaian'), 'the status page');
await op.fill('#nip', nipLain);
await op.selectOption('#jenis', '101');
const duaPuluh = new Date(hari); duaPuluh.setDate(duaPuluh.getDate() + 20);
await op.fill('#mulai', iso(hari));
await op.fill('#selesai', iso(duaPuluh));
await op.fill('#alasan', 'surat perintah penahanan penyidik');
await shot(op, '10-status-form');
await op.click('form[action="/layanan/cltn"] button[type=submit]');
await op.waitForURL(/\/layanan\/[0-9a-f-]{36}/);
const psUrl = op.url().split('?')[0];
check((await op.textContent('main')).includes('Pemberhentian sementara'), 'the case names its service');
await op.selectOption('#jenis_dokumen', 'L04');
await op.setInputFiles('input[name=berkas]', pdf);
await op.click('form[action$="/lampiran"] button[type=submit]');
await op.waitForLoadState();
await step(op, 'SIMPAN_BERKAS');
await step(op, 'AJUKAN');
await pj.goto(psUrl);
check(!(await pj.locator('button[name=langkah][value=SETUJUI_INSTANSI]').count()), 'no approval to BKN for it');
await step(pj, 'TANDATANGANI_SK');
check((await pj.textContent('p.status')).includes('SK terbit'), 'the detention SK is issued by the official');
await shot(pj, '11-status-sk');
await op.goto(`${base}/layanan/cltn`);
check((await op.textContent('main')).includes('Berakhir dalam 30 hari'), 'the running status is listed as ending soon');
await shot(op, '12-status-berjalan');
await op.goto(`${base}/layanan/formasi`);
check((await op.textContent('h1')).includes('Peta jabatan'), 'the formasi register');
check((await op.locator('table tbody tr').count()) > 0, 'posts in the register');
await shot(op, '13-formasi');
const hp = await signIn(operatorNip, 360);
await hp.goto(`${base}/layanan/formasi`);
await hp.screenshot({ path: `${out}/pensiun-14-formasi-360.png` });

check(errors.length === 0, `console errors: ${errors.join('; ')}`);
console.log('pension journey passed:', caseUrl);
await browser.close();
