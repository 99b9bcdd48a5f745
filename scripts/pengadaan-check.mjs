// Appointments in headless Chromium: the province's operator (1280 px) imports a participant
// file with a duplicate registration number and an impossible birth date (refused whole, every
// problem listed by line and column), then the corrected file; BKN's Kanreg verifier assigns
// the numbers; the list shows each NIP (also on a phone, 360 px). Usage:
//   node scripts/pengadaan-check.mjs BASE OPERATOR_NIP OUT_DIR JABATAN_ID PENDIDIKAN_ID UNOR_ID
import { chromium } from 'playwright-core';
import { masuk } from './masuk.mjs';
import fs from 'node:fs';

const [base, operatorNip, out, jabatan, pendidikan, unor] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const check = (cond, what) => { if (!cond) { console.error(`FAILED: ${what}`); process.exit(1); } };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const errors = [];
async function signIn(login, width) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${login}: ${m.text()}`); });
  await masuk(page, base, login);
  return page;
}
const shot = (page, name) => page.screenshot({ path: `${out}/pengadaan-${name}.png`, fullPage: true });
const tahun = new Date().getUTCFullYear() + 1;
const kepala = 'no_peserta,nama,tgl_lahir,tempat_lahir,jenis_kelamin,tingkat_pendidikan_id,jabatan_id,unor_id,jenis_formasi_id';
const baris = (no, nama, lahir, jk, jenis) => `${no},${nama},${lahir},Bandung,${jk},${pendidikan},${jabatan},${unor},${jenis}`;
const buruk = `${out}/peserta-buruk.csv`;
fs.writeFileSync(buruk, [kepala,
  baris(`U${tahun}-1`, 'Siti Rahmawati', '09-07-1998', 'P', '1'),
  baris(`U${tahun}-1`, 'Dewi Lestari', '10-07-1998', 'P', '1'),
  baris(`U${tahun}-3`, 'Rudi Hartono', '31-04-1999', 'L', '1'),
].join('\n') + '\n');
const baik = `${out}/peserta.csv`;
fs.writeFileSync(baik, [kepala,
  baris(`U${tahun}-1`, 'Siti Rahmawati', '09-07-1998', 'P', '1'),
  baris(`U${tahun}-2`, 'Dewi Lestari', '09-07-1998', 'P', 'G'),
  baris(`U${tahun}-3`, 'Rudi Hartono', '30-04-1999', 'L', '1'),
  baris(`U${tahun}-4`, 'Yusuf Maulana', '03-03-1990', 'L', 'C'),
].join('\n') + '\n');

const op = await signIn(operatorNip, 1280);
await op.goto(`${base}/layanan/pengadaan?tahun=${tahun}`);
check((await op.textContent('h1')).includes('Pengadaan CPNS dan PPPK'), 'the appointments page');
async function impor(berkas) {
  await op.fill('#tahun', String(tahun));
  await op.fill('#tmt', `${tahun}-01-01`);
  await op.setInputFiles('#berkas', berkas);
  await op.click('form[action="/layanan/pengadaan/impor"] button[type=submit]');
  await op.waitForLoadState();
}
await impor(buruk);
const laporan = await op.textContent('.card.bad');
check(laporan.includes('Tidak ada yang diimpor'), 'the bad file is refused whole');
check(laporan.includes('no_peserta') && laporan.includes('tgl_lahir'), 'each problem names its column');
await shot(op, '01-ditolak');
await impor(baik);
check((await op.textContent('main')).includes('4 peserta diimpor'), 'the corrected file is imported');
await shot(op, '02-diimpor');

const bkn = await signIn('verifikator.kanreg3', 1280);
await bkn.goto(`${base}/layanan/pengadaan?tahun=${tahun}&instansi=PROV-JABAR`);
await shot(bkn, '03-bkn');
await bkn.click('form[action="/layanan/pengadaan/tetapkan"] button[type=submit]');
await bkn.waitForLoadState();
const teks = await bkn.textContent('main');
check(teks.includes('4 nomor induk ditetapkan'), 'BKN assigns the numbers');
check(teks.includes(`19980709 ${tahun}01 2 001`) && teks.includes(`19980709 ${tahun}01 2 002`), 'one prefix, two sequences');
await shot(bkn, '04-nip');
// The operator proposes the first participant's SK CPNS from the list.
await op.goto(`${base}/layanan/pengadaan?tahun=${tahun}`);
await op.locator('form[action="/layanan/pengadaan/sk-cpns"] button').first().click();
await op.waitForURL(/\/layanan\/[0-9a-f-]{36}/);
check((await op.textContent('main')).includes('Pengangkatan CPNS'), 'the SK CPNS case starts');
await shot(op, '05-sk-cpns');
const hp = await signIn(operatorNip, 360);
await hp.goto(`${base}/layanan/pengadaan?tahun=${tahun}`);
await hp.screenshot({ path: `${out}/pengadaan-06-360.png`, fullPage: true });

check(errors.length === 0, `console errors: ${errors.join('; ')}`);
console.log('appointment journey passed');
await browser.close();
