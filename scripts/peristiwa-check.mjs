// Events to partners in headless Chromium: the BKN admin registers an API client and a webhook
// on the admin page (1280 px), sees the signing secret once, and a receiver started here gets
// the demo's events, each with a valid HMAC signature and a unique event id; the page then
// shows the delivery progress. The same page at 360 px.
// Usage:
//   node scripts/peristiwa-check.mjs BASE OUT_DIR
// (needs `npm install playwright-core` and Debian's chromium; admin.bkn signs in with masuk.mjs).
import { chromium } from 'playwright-core';
import { masuk } from './masuk.mjs';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

const [base, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const check = (cond, what) => { if (!cond) { console.error(`FAILED: ${what}`); process.exit(1); } };

// The partner's receiver: records each delivery's id, body and signature header.
const diterima = [];
const server = http.createServer((req, res) => {
  const bagian = [];
  req.on('data', (c) => bagian.push(c));
  req.on('end', () => {
    diterima.push({ id: req.headers['x-siasn-event-id'], tanda: req.headers['x-siasn-signature'], badan: Buffer.concat(bagian) });
    res.writeHead(204).end();
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/siasn/peristiwa`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
await masuk(page, base, 'admin.bkn');
await page.goto(`${base}/admin/klien-api`);
await page.fill('#nama', 'SIMPEG Provinsi Jawa Barat (uji peristiwa)');
await page.fill('#instansi', 'PROV-JABAR');
await page.click('form.card button[type=submit]');
await page.waitForLoadState();
check((await page.content()).includes('consumer_secret'), 'client registered');

// Its webhook, from the first event.
const kartu = page.locator('li.card', { hasText: 'uji peristiwa' });
await kartu.locator('summary').click();
await kartu.locator('input[name=url]').fill(url);
await kartu.locator('input[name=dari_awal]').check();
await kartu.locator('form[action$="/webhook"] button[type=submit]').click();
await page.waitForLoadState();
const isi = await page.content();
check(isi.includes('Webhook didaftarkan'), 'webhook registered');
const rahasia = (await page.locator('div.card[role=status] code').nth(1).textContent()).trim();
check(rahasia.length >= 40, `secret shown (${rahasia.length} chars)`);
await page.screenshot({ path: `${out}/peristiwa-1280-webhook-baru.png`, fullPage: true });

// The relay (every 500 ms) delivers the demo's events; wait for them.
for (let i = 0; i < 120 && diterima.length < 50; i++) await new Promise((r) => setTimeout(r, 250));
check(diterima.length >= 50, `events delivered (${diterima.length})`);
const ids = new Set();
for (const d of diterima) {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(d.tanda) || [];
  check(t && v1, `signature header ${d.tanda}`);
  const harap = crypto.createHmac('sha256', rahasia).update(`${t}.`).update(d.badan).digest('hex');
  check(harap === v1, 'HMAC matches the secret shown on the page');
  const e = JSON.parse(d.badan);
  check(e.id === d.id, 'the body names the same event');
  check(e.instansiIndukId === 'PROV-JABAR' || e.instansiKerjaId === 'PROV-JABAR', `only the agency's events (${e.instansiKerjaId})`);
  ids.add(d.id);
}
check(ids.size === diterima.length, 'each event once');

// The page shows the progress, with the secret gone.
await new Promise((r) => setTimeout(r, 1500));
await page.goto(`${base}/admin/klien-api`);
const kartu2 = page.locator('li.card', { hasText: 'uji peristiwa' });
await kartu2.locator('summary').click();
const teks = await kartu2.textContent();
check(/Terkirim sampai peristiwa ke \d+ dari \d+/.test(teks), 'progress shown');
check(!(await page.content()).includes(rahasia), 'the secret is never shown again');
await page.screenshot({ path: `${out}/peristiwa-1280-kemajuan.png`, fullPage: true });

const hp = await browser.newContext({ viewport: { width: 360, height: 780 }, storageState: await ctx.storageState() });
const kecil = await hp.newPage();
await kecil.goto(`${base}/admin/klien-api`);
await kecil.locator('li.card', { hasText: 'uji peristiwa' }).locator('summary').click();
const lebar = await kecil.evaluate(() => document.documentElement.scrollWidth);
check(lebar <= 360, `no sideways scrolling at 360 px (${lebar})`);
await kecil.screenshot({ path: `${out}/peristiwa-360-webhook.png`, fullPage: true });

await browser.close();
server.close();
console.log(`events journey passed: ${diterima.length} signed deliveries, each once`);
