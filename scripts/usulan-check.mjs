// Drives one employee proposal from submission to BKN approval in headless Chromium at phone
// width and saves screenshots. Usage:
//   node scripts/usulan-check.mjs http://127.0.0.1:8080 VERIFIER_NIP EMPLOYEE_NIP OUT_DIR
// (needs `npm install playwright-core` and Debian's chromium; the demo must be running).
import { chromium } from 'playwright-core';
import { masuk } from './masuk.mjs';
import fs from 'node:fs';

const [base, verifierNip, employeeNip, out] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function signIn(login, width) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await masuk(page, base, login);
  return page;
}

const shot = (page, name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
const pdf = `${out}/sk-kp.pdf`;
fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

// 1. The employee proposes a new rank with its SK KP.
const emp = await signIn(employeeNip, 360);
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
await shot(emp, '11-usulan-form');
await emp.click('button[value=ajukan]');
await emp.waitForURL(/\/usulan\/[0-9a-f-]{36}$/);
const proposal = emp.url();
await shot(emp, '12-usulan-diajukan');

// 2. The agency verifier approves from the queue (desktop width).
const ver = await signIn(verifierNip, 1280);
await ver.goto(`${base}/verifikasi`);
await shot(ver, '13-antrean-instansi');
await ver.goto(proposal);
await shot(ver, '14-verifikasi-instansi');
await ver.click('button[value=setujui]');
await ver.waitForSelector('p.ok');
console.log('after agency:', (await ver.textContent('p.status')).trim());

// 3. BKN (Kanreg III) approves; the change is applied.
const bkn = await signIn('verifikator.kanreg3', 1280);
await bkn.goto(`${base}/verifikasi`);
await shot(bkn, '15-antrean-bkn');
await bkn.goto(proposal);
await bkn.click('button[value=setujui]');
await bkn.waitForSelector('p.ok');
await shot(bkn, '16-disetujui-bkn');
console.log('after BKN:', (await bkn.textContent('p.status')).trim());

// 4. The employee sees the outcome and the notification.
await emp.goto(`${base}/usulan`);
await shot(emp, '17-usulan-saya');
await emp.goto(proposal);
await shot(emp, '18-usulan-selesai');
console.log('employee sees:', (await emp.textContent('p.status')).trim());
await browser.close();
