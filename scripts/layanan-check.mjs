// The promotion service in headless Chromium: the operator (1280 px) reads the prediction,
// starts a case, completes the file and proposes; the agency official approves; BKN approves
// and issues the pertek; the official signs the SK; the employee (360 px) follows the case and
// finds the SK in "Dokumen saya". Screenshots of each step. Usage:
//   node scripts/layanan-check.mjs BASE OPERATOR_NIP OUT_DIR SIASN_BIN DATA_DIR
// (needs `npm install playwright-core` and Debian's chromium; the demo must be running).
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

const shot = (page, name) => page.screenshot({ path: `${out}/layanan-${name}.png`, fullPage: true });
const pdf = `${out}/berkas-contoh.pdf`;
fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

// The demo officials' certificate passphrase (instance CA), as the README says.
const FRASA = 'tte-demo-siasn';

async function step(page, value) {
  if (value === 'TERBITKAN_PERTEK' || value === 'TANDATANGANI_SK') await page.fill('#frasa', FRASA);
  await page.click(`button[name=langkah][value=${value}]`);
  await page.waitForLoadState();
  check(!(await page.locator('.card.bad').count()), `${value}: ${await page.locator('.card.bad').first().textContent().catch(() => '')}`);
}

// 1. The operator: queue, prediction, start a case for the first eligible employee.
const op = await signIn(operatorNip, 1280);
await op.goto(`${base}/layanan`);
await shot(op, '01-antrean-operator');
check((await op.textContent('h1')).includes('Layanan kepegawaian'), 'operator queue title');
await op.goto(`${base}/layanan/kp/prediksi`);
await shot(op, '02-prediksi');
const boxes = op.locator('input[name=pegawai]:checked');
check((await boxes.count()) > 0, 'someone is eligible in the prediction');
// Keep only the first selection.
const n = await boxes.count();
for (let i = n - 1; i > 0; i--) await boxes.nth(i).uncheck();
const chosenNip = (await op.locator('tr:has(input[name=pegawai]:checked) small').first().textContent()).trim();
await op.click('main form[method=post] button[type=submit]');
await op.waitForLoadState();
check((await op.textContent('body')).includes('1 usul dibuat'), 'one case started');
await shot(op, '03-usul-dibuat');
const link = op.locator(`tr:has(small:text-is("${chosenNip}")) a[href^="/layanan/"]`).first();
await link.click();
await op.waitForURL(/\/layanan\/[0-9a-f-]{36}/);
const caseUrl = op.url().split('?')[0];
const nip = (await op.textContent('main > p small')).replace('NIP', '').trim();
// The file: each required type uploaded once, then saved and proposed.
for (const jenis of await op.locator('#jenis_dokumen option').evaluateAll((o) => o.map((x) => x.value))) {
  const needed = await op.textContent('section.card:has(h2:text("Berkas"))');
  if (!needed.includes('belum ada')) break;
  await op.selectOption('#jenis_dokumen', jenis);
  await op.setInputFiles('input[name=berkas]', pdf);
  await op.click('form[action$="/lampiran"] button[type=submit]');
  await op.waitForLoadState();
}
await shot(op, '04-berkas');
await step(op, 'SIMPAN_BERKAS');
await step(op, 'AJUKAN');
await shot(op, '05-diusulkan');

// 2. The agency official approves.
const pj = await signIn('pejabat.jabar', 1280);
await pj.goto(`${base}/layanan`);
await shot(pj, '06-antrean-pejabat');
await pj.goto(caseUrl);
await step(pj, 'SETUJUI_INSTANSI');
await pj.goto(`${base}/layanan/sertifikat`);
check((await pj.textContent('main')).includes('bukan CA pemerintah'), "the official's certificate page");
await shot(pj, '06b-sertifikat');

// 3. BKN validates and issues the pertek.
const bkn = await signIn('verifikator.bkn', 1280);
await bkn.goto(`${base}/layanan`);
await shot(bkn, '07-antrean-bkn');
await bkn.goto(caseUrl);
await shot(bkn, '08-validasi-bkn');
await step(bkn, 'SETUJUI_BKN');
await step(bkn, 'TERBITKAN_PERTEK');
await shot(bkn, '09-pertek');

// 4. The official signs the SK: the record is updated.
await pj.goto(caseUrl);
await step(pj, 'TANDATANGANI_SK');
await shot(pj, '10-sk');
check((await pj.textContent('p.status')).includes('SK terbit'), 'SK issued');
const skHref = await pj.locator('section.card:has(h2:text("Surat")) a').last().getAttribute('href');
const sk = await pj.request.get(`${base}${skHref}`);
check(sk.status() === 200 && (await sk.body()).subarray(0, 5).toString() === '%PDF-', 'SK downloads as PDF');
fs.writeFileSync(`${out}/layanan-sk.pdf`, await sk.body());

// 4b. The public checks the signed SK: the QR's page, then the upload says who signed it.
const pub = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
const kode = (await sk.body()).toString('latin1').match(/\/v\/([0-9a-f]{32})/)[1];
await pub.goto(`${base}/v/${kode}`);
check((await pub.textContent('main')).includes('Keputusan kenaikan pangkat'), 'the QR page names the SK');
await shot(pub, '14-verifikasi-kode');
await pub.setInputFiles('input[name=berkas]', `${out}/layanan-sk.pdf`);
await pub.click('form[action="/v"] button[type=submit]');
await pub.waitForLoadState();
check((await pub.textContent('main')).includes('Tanda tangan elektronik sah'), 'the uploaded SK verifies');
await shot(pub, '15-verifikasi-hasil');

// 5. The employee, on a phone: an account for them, then their case and their documents.
const env = { ...process.env, SIASN_DATA_DIR: dataDir };
execFileSync(bin, ['user', 'add', '--nip', nip, '--role', 'pegawai'], { env, stdio: 'ignore' });
execFileSync(bin, ['user', 'set-password', nip, '--password-stdin'], { env, input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'ignore'] });
const emp = await signIn(nip, 360);
await emp.goto(`${base}/layanan`);
await shot(emp, '11-pegawai-layanan');
check((await emp.textContent('main')).includes('SK terbit'), 'the employee sees the SK issued');
check(nip === chosenNip, `the case walked is the one started (${nip} vs ${chosenNip})`);
await emp.goto(caseUrl);
await shot(emp, '12-pegawai-usul');
check(!(await emp.locator('button[name=langkah]').count()), 'no steps for the employee');
await emp.goto(`${base}/dokumen`);
await shot(emp, '13-pegawai-dokumen');
check((await emp.textContent('main')).includes('SK kenaikan pangkat'), 'the SK is in Dokumen saya');
check(errors.length === 0, `console errors: ${errors.join('; ')}`);
console.log('promotion journey passed:', caseUrl);
await browser.close();
