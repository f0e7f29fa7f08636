import { createHmac } from 'node:crypto';

/**
 * The authenticator app of the browser tests: RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) over
 * the Base32 key the setup page shows, as Aegis or Google Authenticator compute it.
 */
export function totp(base32Secret: string, at = Date.now(), stepOffset = 0): string {
  const key = base32Decode(base32Secret);
  const counter = Math.floor(at / 1000 / 30) + stepOffset;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', key).update(message).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** A six-digit code no app would show now: not the code of this, the previous or the next step. */
export function wrongTotp(base32Secret: string, at = Date.now()): string {
  const valid = new Set([-1, 0, 1].map((offset) => totp(base32Secret, at, offset)));
  const candidate = (Number(totp(base32Secret, at)) + 500_000) % 1_000_000;
  let code = String(candidate).padStart(6, '0');
  while (valid.has(code)) code = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  return code;
}

function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of input.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not Base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
