// A transfer between agencies in headless Chromium: the city's operator (1280 px) lists its
// transfers in, is refused a TMT that is not a 1st (the rule named on the page), proposes a
// provincial employee into a vacant post and completes the file; the city's official approves;
// the province's official finds it in their queue and consents; BKN sees the due date,
// validates and signs the pertek; the city's official signs the SK and the province's the
// release; the employee whose own transfer waits for consent follows it on a phone (360 px).
// Screenshots of each step. Usage:
//   node scripts/pindah-check.mjs BASE SUBJECT_NIP EMPLOYEE_NIP OUT_DIR
import { chromium } from 'playwright-core';
import { masuk } from './masuk.mjs';
import fs from 'node:fs';

const [base, subjek, pegawai, out] = process.argv.slice(2);
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
const shot = (page, name) => page.screenshot({ path: `${out}/pindah-${name}.png`, fullPage: true });
const pdf = `${out}/berkas-pindah.pdf`;
fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const FRASA = 'tte-demo-siasn';
async function step(page, value) {
  if (['TERBITKAN_PERTEK', 'TANDATANGANI_SK', 'TANDATANGANI_SK_ASAL'].includes(value)) {
    await page.fill('#frasa', FRASA);
  }
  await page.click(`button[name=langkah][value=${value}]`);
  await page.waitForLoadState();
  check(!(await page.locator('.card.bad').count()), `${value}: ${await page.locator('.card.bad').first().textContent().catch(() => '')}`);
}
const iso = (d) => d.toISOString().slice(0, 10);

// 1. The city's operator: the transfers in (the demo's, at every stage) and the form.
const op = await signIn('operator.bandung', 1280);
await op.goto(`${base}/layanan/pindah`);
check((await op.textContent('h1')).includes('Pindah instansi'), 'the transfer page');
check((await op.locator('ul.list li').count()) >= 7, 'the demo transfers are listed');
await shot(op, '01-daftar');
check((await op.locator('#pos option').count()) > 0, 'a vacant post to choose');

// Bad input: a TMT that is not the 1st of a month.
const hari = new Date();
const tengah = new Date(Date.UTC(hari.getUTCFullYear(), hari.getUTCMonth() + 2, 15));
await op.fill('#nip', subjek);
await op.fill('#tmt', iso(tengah));
await op.fill('#alasan', 'mengikuti suami yang bertugas di Kota Bandung');
await op.click('form[action="/layanan/pindah"] button[type=submit]');
await op.waitForLoadState();
check((await op.textContent('.card.bad')).includes('tanggal 1'), 'a TMT off the 1st is refused, naming the rule');
await shot(op, '02-ditolak');

// The transfer, on the first of the month after next.
const tmt = new Date(Date.UTC(hari.getUTCFullYear(), hari.getUTCMonth() + 2, 1));
await op.fill('#tmt', iso(tmt));
await op.click('form[action="/layanan/pindah"] button[type=submit]');
await op.waitForURL(/\/layanan\/[0-9a-f-]{36}/);
const caseUrl = op.url().split('?')[0];
check((await op.textContent('main')).includes('Pindah instansi'), 'the case page names the service');
check((await op.textContent('main')).includes('Provinsi Jawa Barat'), 'the case shows where from');
await shot(op, '03-usul');
for (let i = 0; i < 6; i++) {
  const berkas = await op.textContent('section.card:has(h2:text("Berkas"))');
  if (!berkas.includes('belum ada')) break;
  const pilihan = await op.locator('#jenis_dokumen option').evaluateAll((o) => o.map((x) => [x.value, x.textContent]));
  const kurang = pilihan.find(([, t]) => berkas.includes(`${t.trim()} — belum ada`)) || pilihan[i % pilihan.length];
  await op.selectOption('#jenis_dokumen', kurang[0]);
  await op.setInputFiles('input[name=berkas]', pdf);
  await op.click('form[action$="/lampiran"] button[type=submit]');
  await op.waitForLoadState();
}
await shot(op, '04-berkas');
await step(op, 'SIMPAN_BERKAS');
await step(op, 'AJUKAN');

// 2. The city's official approves: the case goes to the province.
const pjb = await signIn('pejabat.bandung', 1280);
await pjb.goto(caseUrl);
await step(pjb, 'SETUJUI_INSTANSI');
check(!(await pjb.locator('button[name=langkah][value=SETUJUI_ASAL]').count()), 'the city cannot consent for the province');

// 3. The province's official: in their queue, consents.
const pjj = await signIn('pejabat.jabar', 1280);
await pjj.goto(`${base}/layanan`);
check((await pjj.textContent('main')).includes('Menunggu persetujuan instansi asal'), 'the consent waits in the province\'s queue');
await shot(pjj, '05-antrean-asal');
await pjj.goto(caseUrl);
await shot(pjj, '06-persetujuan-asal');
await step(pjj, 'SETUJUI_ASAL');

// 4. BKN: the due date, validation and the pertek.
const bkn = await signIn('verifikator.bkn', 1280);
await bkn.goto(caseUrl);
check((await bkn.textContent('main')).includes('Batas waktu'), 'the pertek\'s due date is shown');
await shot(bkn, '07-bkn');
await step(bkn, 'SETUJUI_BKN');
await step(bkn, 'TERBITKAN_PERTEK');

// 5. Both SKs: the city's position, then the province's release.
await pjb.goto(caseUrl);
await step(pjb, 'TANDATANGANI_SK');
await pjj.goto(caseUrl);
await step(pjj, 'TANDATANGANI_SK_ASAL');
check((await pjj.textContent('main')).includes('Menunggu TMT'), 'the record moves on the TMT');
await shot(pjj, '08-selesai');
const skHref = await pjj.locator('section.card:has(h2:text("Surat")) a').last().getAttribute('href');
const sk = await pjj.request.get(`${base}${skHref}`);
check(sk.status() === 200 && (await sk.body()).subarray(0, 5).toString() === '%PDF-', 'the release SK downloads as PDF');
fs.writeFileSync(`${out}/pindah-sk-lepas.pdf`, await sk.body());
await op.goto(`${base}/layanan/pindah`);
await shot(op, '09-daftar-sesudah');

// 6. The employee whose own transfer waits for the province follows it on a phone.
const emp = await signIn(pegawai, 360);
await emp.goto(`${base}/layanan`);
check((await emp.textContent('main')).includes('Pindah instansi'), 'the employee sees their transfer');
await shot(emp, '10-pegawai-360');
await emp.locator('main a[href^="/layanan/"]').filter({ hasText: /Pindah|Menunggu/ }).first().click().catch(() => {});
await emp.waitForLoadState();
await shot(emp, '11-pegawai-kasus-360');
const hp = await signIn('operator.bandung', 360);
await hp.goto(`${base}/layanan/pindah`);
await hp.screenshot({ path: `${out}/pindah-12-daftar-360.png`, fullPage: true });

check(errors.length === 0, `console errors: ${errors.join('; ')}`);
console.log('transfer journey passed:', caseUrl);
await browser.close();
