// Signing in for the browser journeys: password, then the second factor. A staff account
// enrols an authenticator at its first sign-in; its secret is kept in the file named by
// SIASN_MFA_RAHASIA (one throwaway demo's secrets, written by browser-test.sh into its temp
// folder) so that a later journey signing in to the same account can answer the code.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PASSWORD = 'SiasnDemo#2026';
const berkas = process.env.SIASN_MFA_RAHASIA || path.join(os.tmpdir(), 'siasn-mfa-rahasia.json');

function base32Decode(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export function totp(secret, t = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(t / 1000 / 30)));
  const h = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1e6).padStart(6, '0');
}

const baca = () => { try { return JSON.parse(fs.readFileSync(berkas, 'utf8')); } catch { return {}; } };

/// Signs `login` in on `page` and waits for the home page.
export async function masuk(page, base, login) {
  await page.goto(`${base}/masuk`);
  await page.fill('#login', login);
  await page.fill('#sandi', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForLoadState();
  if (page.url().endsWith('/mfa/daftar')) {
    const secret = (await page.textContent('code.secret')).trim();
    fs.writeFileSync(berkas, JSON.stringify({ ...baca(), [login]: secret }));
    await page.fill('#kode', totp(secret));
    await page.click('form.card button[type=submit]');
    await page.waitForSelector('ul.codes');
    await page.click('a.button');
  } else if (page.url().endsWith('/mfa')) {
    const secret = baca()[login];
    if (!secret) throw new Error(`${login} enrolled MFA earlier but its secret is not in ${berkas}`);
    // A code is accepted once: if this step's code was just used, wait for the next step.
    for (let i = 0; i < 2 && page.url().endsWith('/mfa'); i++) {
      if (i > 0) await page.waitForTimeout(31_000 - (Date.now() % 30_000));
      await page.fill('#kode', totp(secret));
      await page.click('form.card button[type=submit]');
      await page.waitForLoadState();
    }
  }
  await page.waitForURL('**/beranda');
}
