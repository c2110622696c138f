/**
 * The proof-of-work a family never sees (API: services/proof.ts, services/bulk-guard.ts). A
 * chunk of its own, fetched when the check of the answers opens: instap.js stays as small as it
 * was. It asks the server for a challenge and solves it at once, in the background, while the
 * family reads its answers; sending then carries the proof. When the server still asks for one
 * (428: the address got busier) it solves the new challenge and sends again with the same
 * Idempotency-Key; when it says "wait" (429) it waits as long as Retry-After says. Never a puzzle,
 * never a new step: at most a few seconds longer "We versturen".
 *
 * The solver is ALTCHA's v2 PBKDF2 scheme, the same one altcha-lib verifies on the server, in a
 * few lines instead of the library's 17 KB: try counters from 0 until PBKDF2-SHA256(nonce ‖
 * counter, salt) starts with the challenge's key prefix. WebCrypto runs each try natively; pages
 * served over http have no WebCrypto, so there a plain JavaScript PBKDF2 does the same, slower.
 */
import type { RegistrationCreated } from '@instap/core/schemas';
import { hmacSha256, toHex } from '@instap/core/sha256';
import { call, enc, type ApiResult, type RegistrationBody } from '../api.js';

interface Challenge {
  parameters: { nonce: string; salt: string; cost: number; keyLength: number; keyPrefix: string };
  signature: string;
}

const bytes = (hex: string) => new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));

/** PBKDF2-HMAC-SHA256 for one block (keys up to 32 bytes), for pages without WebCrypto. */
function pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number): Uint8Array {
  const first = new Uint8Array(salt.length + 4);
  first.set(salt);
  first[salt.length + 3] = 1;
  let u = hmacSha256(password, first);
  const out = u.slice();
  for (let i = 1; i < iterations; i++) {
    u = hmacSha256(password, u);
    for (let j = 0; j < 32; j++) out[j]! ^= u[j]!;
  }
  return out;
}

async function derive(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return pbkdf2(password, salt, iterations).slice(0, length);
  const key = await subtle.importKey('raw', password as BufferSource, 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', salt: salt as BufferSource, iterations, hash: 'SHA-256' }, key, length * 8));
}

/** The Instap-Proof header for a challenge: base64 of `{ challenge, solution }`, as altcha-lib reads it. */
export async function solve(challenge: Challenge): Promise<string> {
  const { nonce, salt, cost, keyLength, keyPrefix } = challenge.parameters;
  const n = bytes(nonce);
  const s = bytes(salt);
  const password = new Uint8Array(n.length + 4);
  password.set(n);
  const view = new DataView(password.buffer);
  for (let counter = 0; counter < 2 ** 32; counter++) {
    view.setUint32(n.length, counter);
    const key = toHex(await derive(password, s, cost, keyLength));
    if (key.startsWith(keyPrefix)) return btoa(JSON.stringify({ challenge, solution: { counter, derivedKey: key } }));
  }
  throw new Error('no solution');
}

/** The proof being prepared for the next sending, if any. */
let ready: Promise<string | void> | undefined;

/** Fetches a challenge for this activity and starts solving it. */
export function start(base: string, activity: string) {
  ready = call<{ challenge: Challenge }>(base, `/activities/${enc(activity)}/challenge`).then(
    (res) => (res.ok ? solve(res.data.challenge) : undefined),
    () => {},
  );
}

const wait = (seconds: number) => new Promise((done) => setTimeout(done, Math.min(120, Math.max(1, seconds || 5)) * 1000));

/** Sends a registration with the proof; solves again or waits when the server asks, up to a limit. */
export async function send(base: string, activity: string, body: RegistrationBody, idempotencyKey: string): Promise<ApiResult<RegistrationCreated>> {
  const prepared = ready;
  ready = undefined;
  let proof = await prepared?.catch(() => {});
  for (let tries = 0; ; tries++) {
    const res = await call<RegistrationCreated>(base, `/activities/${enc(activity)}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey, ...(proof ? { 'Instap-Proof': proof } : {}) },
      body: JSON.stringify(body),
    });
    if (res.ok || 'network' in res || tries > 10) return res;
    const challenge = res.status == 428 && res.headers?.get('Instap-Challenge');
    if (challenge) proof = await solve(JSON.parse(atob(challenge)) as Challenge);
    else if (res.status == 429) {
      proof = undefined;
      await wait(Number(res.headers?.get('Retry-After')));
    } else return res;
  }
}
