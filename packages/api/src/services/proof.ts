/**
 * The proof-of-work that a script pays for and a family never sees. Why this mechanism:
 * - no CAPTCHA: a puzzle is a barrier for exactly the families Instap is for;
 * - no outside service: ALTCHA's format, created and verified here with `altcha-lib` (v2), so no
 *   family's request leaves the server;
 * - PBKDF2/SHA-256 rather than plain SHA-256: the browser runs PBKDF2 natively (WebCrypto
 *   `deriveBits`), so a phone pays close to what a script on a server pays, per try;
 * - "deterministic" challenges with a key signature: the server picks the secret counter and
 *   signs the key it leads to, so checking a solution is one HMAC, not the work again; a flood
 *   of proofs costs the server nothing.
 *
 * A challenge is signed with a key from INSTAP_SECRET_KEY, or else with a random key stored once
 * in the database, so every server process on that database accepts every other's challenges.
 * Its expiry is in its signed data and checked against the injected clock.
 */
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { CHALLENGE_TTL_MS, PROOF_LEVELS, type ProofLevel } from '@instap/core';
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { eq, lt } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { instanceKeys, proofUses } from '../db/schema-antibulk.js';

export const PROOF_HEADER = 'instap-proof';
export const PROOF_ALGORITHM = 'PBKDF2/SHA-256';

export interface GuardKeys {
  /** Signs challenges. */
  challenge: string;
  /** Signs the derived key of a deterministic challenge (verification is one HMAC). */
  keySignature: string;
  /** Keyed hashes of addresses and contacts (registration marks). */
  marks: Buffer;
}

const stored = new WeakMap<object, Promise<Buffer>>();

/** The database's own random key: made by whichever process asks first, read by all the others. */
async function databaseKey(db: Db | Tx): Promise<Buffer> {
  const read = async () => {
    await db.insert(instanceKeys).values({ name: 'bulk-guard', value: randomBytes(32).toString('base64url'), createdAt: new Date() }).onConflictDoNothing();
    const [row] = await db.select().from(instanceKeys).where(eq(instanceKeys.name, 'bulk-guard'));
    return Buffer.from(row!.value, 'base64url');
  };
  let p = stored.get(db);
  if (!p) {
    p = read();
    stored.set(db, p);
    p.catch(() => stored.delete(db));
  }
  return p;
}

/** Keys for challenges and marks: derived from INSTAP_SECRET_KEY when set, else from the database's random key. */
export async function guardKeys(db: Db | Tx, secretKey: Buffer | undefined): Promise<GuardKeys> {
  const master = secretKey ?? (await databaseKey(db));
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `instap ${purpose}`, 32));
  return { challenge: derive('proof challenge').toString('hex'), keySignature: derive('proof key signature').toString('hex'), marks: derive('registration marks') };
}

/** A keyed hash: the same input gives the same mark, and a mark gives nothing back. */
export const markOf = (keys: GuardKeys, value: string) => createHmac('sha256', keys.marks).update(value).digest('base64url').slice(0, 32);

/** A signed challenge for one activity at one level, valid for CHALLENGE_TTL_MS from `now`. */
export async function newChallenge(keys: GuardKeys, activityId: string, level: Exclude<ProofLevel, 0>, now: Date): Promise<Challenge> {
  const { cost, counterMin, counterMax } = PROOF_LEVELS[level];
  return createChallenge({
    algorithm: PROOF_ALGORITHM,
    cost,
    counter: randomInt(counterMax, counterMin),
    deriveKey,
    hmacSignatureSecret: keys.challenge,
    hmacKeySignatureSecret: keys.keySignature,
    // Not altcha's own `expiresAt`: that one is checked against the machine's clock, this one
    // against Instap's injected clock (signed all the same, as part of the challenge).
    data: { activity: activityId, level, exp: Math.floor((now.getTime() + CHALLENGE_TTL_MS) / 1000) },
  });
}

export type ProofCheck = { ok: true; level: number } | { ok: false; code: 'proof_invalid' | 'proof_expired' | 'proof_too_small' | 'proof_used' };

/** Reads the Instap-Proof header: base64 (or base64url) of ALTCHA's payload `{ challenge, solution }`. */
export function readProof(header: string | undefined): Payload | null {
  if (!header || header.length > 4000) return null;
  try {
    const payload = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Payload;
    if (!payload?.challenge?.parameters || typeof payload.challenge.signature !== 'string' || !payload.solution) return null;
    return payload;
  } catch {
    return null;
  }
}

/**
 * Checks a proof for this activity and at least `level`, and spends it: a proof counts once.
 * Spending is one insert on a primary key, so two parallel requests with one proof cannot both
 * pass, on any number of server processes.
 */
export async function spendProof(db: Db, keys: GuardKeys, header: string | undefined, activityId: string, level: number, now: Date): Promise<ProofCheck> {
  const payload = readProof(header);
  if (!payload) return { ok: false, code: 'proof_invalid' };
  const { challenge, solution } = payload;
  const data = challenge.parameters.data ?? {};
  if (challenge.parameters.algorithm !== PROOF_ALGORITHM) return { ok: false, code: 'proof_invalid' };
  let result;
  try {
    result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: keys.challenge, hmacKeySignatureSecret: keys.keySignature });
  } catch {
    return { ok: false, code: 'proof_invalid' };
  }
  // Only a signed challenge's data is worth reading: check the signature first.
  if (!result.verified) return { ok: false, code: 'proof_invalid' };
  if (data.activity !== activityId) return { ok: false, code: 'proof_invalid' };
  const exp = Number(data.exp);
  if (!Number.isFinite(exp) || exp * 1000 <= now.getTime()) return { ok: false, code: 'proof_expired' };
  if (Number(data.level) < level) return { ok: false, code: 'proof_too_small' };
  const id = createHash('sha256').update(challenge.signature!).digest('base64url');
  const spent = await db.insert(proofUses).values({ id, expiresAt: new Date(exp * 1000) }).onConflictDoNothing().returning({ id: proofUses.id });
  // An expired proof is refused by its date, so its record can go.
  await db.delete(proofUses).where(lt(proofUses.expiresAt, now));
  if (spent.length === 0) return { ok: false, code: 'proof_used' };
  return { ok: true, level: Number(data.level) };
}
