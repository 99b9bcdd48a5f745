// Drives the account pages in headless Chromium at phone width and saves screenshots.
// Usage: node scripts/browser-check.mjs http://127.0.0.1:8080 OPERATOR_NIP OUT_DIR
// (needs `npm install playwright-core` and Debian's chromium; the demo must be running).
import { chromium } from 'playwright-core';
import { PASSWORD, totp } from './masuk.mjs';

const [base, operatorNip, out] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
const shot = async (name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });

await page.goto(`${base}/masuk`);
await shot('01-masuk');
await page.fill('#login', operatorNip);
await page.fill('#sandi', PASSWORD);
await page.click('button[type=submit]');
await page.waitForURL('**/mfa/daftar');
await shot('02-mfa-daftar');
const secret = (await page.textContent('code.secret')).trim();
await page.fill('#kode', totp(secret));
await page.click('form.card button[type=submit]');
await page.waitForSelector('ul.codes');
await shot('03-kode-pemulihan');
await page.click('a.button');
await page.waitForURL('**/beranda');
await shot('04-beranda');
// At phone width the header's links fold behind "Menu".
await page.click('label.menu-tombol');
await page.click('nav.menu a[href="/sesi"]');
await shot('05-sesi');
const cookies = await page.context().cookies();
console.log('cookies:', cookies.map((c) => `${c.name} secure=${c.secure} httpOnly=${c.httpOnly} sameSite=${c.sameSite}`).join(', '));

const anon = await browser.newPage({ viewport: { width: 360, height: 780 } });
await anon.goto(`${base}/lupa-sandi?lang=en`);
await anon.screenshot({ path: `${out}/06-lupa-en.png`, fullPage: true });
await anon.goto(`${base}/atur-sandi?lang=id`);
await anon.fill('#nip', operatorNip);
await anon.fill('#token', 'AAAA-BBBB-CCCC');
await anon.fill('#sandi', 'password');
await anon.fill('#ulangi', 'password');
await anon.click('button[type=submit]');
await anon.screenshot({ path: `${out}/07-atur-galat.png`, fullPage: true });
await browser.close();
console.log('ok');
