/**
 * Secrets the server must use again later (an organisation's UiTPAS client secret) are sealed
 * with AES-256-GCM under a key from the environment (INSTAP_SECRET_KEY), so a copy of the
 * database alone does not give them away. Without a key they are stored as given (the demo).
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const PREFIX = 'sealed:v1:';

/**
 * For secrets that live minutes (a sign-in link waiting in the outbox): sealed with
 * INSTAP_SECRET_KEY, or, without one, with a key that exists only in this process's memory. Then
 * only this process can open them, which is enough for a link that is sent within seconds and
 * dies after 15 minutes; several server processes on one database need INSTAP_SECRET_KEY.
 */
const processKey = randomBytes(32);
export const shortLivedKey = (key: Buffer | undefined) => key ?? processKey;

/** Any passphrase becomes a 32-byte key; the salt is fixed because the key itself is the secret. */
export function secretKeyFrom(passphrase: string | undefined): Buffer | undefined {
  return passphrase ? scryptSync(passphrase, 'instap-secrets-v1', 32) : undefined;
}

export function seal(plain: string, key: Buffer | undefined): string {
  if (!key) return plain;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unseal(stored: string, key: Buffer | undefined): string {
  if (!stored.startsWith(PREFIX)) return stored;
  if (!key) throw new Error('This secret is sealed: set INSTAP_SECRET_KEY to the key it was sealed with.');
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
