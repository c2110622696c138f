/**
 * Before a public registration does any work: how busy is this address on this activity, and
 * this activity overall (counted atomically in the database, so every server process sees the
 * same numbers)? A calm family pays nothing; a busy address pays a proof-of-work that grows
 * with its count; and one address gets at most PLACES_PER_MINUTE registrations per minute on an
 * activity, after which it waits (429 with Retry-After) instead of being refused.
 *
 * Nothing here looks at the Origin header: a script without one meets the same counts. Bridge
 * figures register through the console (routes/admin/on-behalf.ts), which does not come here.
 */
import {
  BULK_WINDOW_MS,
  PLACES_PER_MINUTE,
  RESERVED_CLAIMS_PER_MINUTE,
  requiredProofLevel,
  type ProofLevel,
} from '@instap/core';
import type { Challenge } from 'altcha-lib';
import type { Context } from 'hono';
import type { Deps } from '../context.js';
import type { Db } from '../db/client.js';
import { ApiError } from '../errors.js';
import { clientAddress, countHit, takeHits } from './rate-limit.js';
import { guardKeys, markOf, newChallenge, PROOF_HEADER, spendProof, type GuardKeys } from './proof.js';

/** Challenges one address may fetch for one activity per minute: far above what a family needs. */
const CHALLENGES_PER_MINUTE = 120;

/** The header a 428 carries its fresh challenge in: base64 of the challenge's JSON (the error body stays the usual one). */
export const CHALLENGE_HEADER = 'Instap-Challenge';

const MESSAGES: Record<string, string> = {
  proof_required: 'Many registrations come from this address right now. Solve the challenge and send the request again with the same Idempotency-Key.',
  proof_invalid: 'This proof does not fit this activity. Solve the new challenge and send again.',
  proof_expired: 'This proof is too old. Solve the new challenge and send again.',
  proof_too_small: 'This address is busier now: this proof is too small. Solve the new challenge and send again.',
  proof_used: 'This proof was used already. Solve the new challenge and send again.',
};

async function askProof(keys: GuardKeys, activityId: string, level: Exclude<ProofLevel, 0>, code: string, now: Date): Promise<ApiError> {
  const challenge = await newChallenge(keys, activityId, level, now);
  return new ApiError(428, code, MESSAGES[code]!, undefined, {
    [CHALLENGE_HEADER]: Buffer.from(JSON.stringify(challenge)).toString('base64'),
    'Cache-Control': 'no-store',
  });
}

/** Where the request comes from, as a keyed hash (the address itself is never stored). */
export async function addressMarkOf(deps: Deps, c: Context): Promise<{ keys: GuardKeys; addressMark: string }> {
  const keys = await guardKeys(deps.db, deps.secretKey);
  return { keys, addressMark: markOf(keys, `address:${clientAddress(deps, c)}`) };
}

/** GET /activities/{id}/challenge: a challenge priced for this address now (the widget solves it ahead). */
export async function challengeFor(deps: Deps, c: Context, activityId: string, now: Date): Promise<Challenge> {
  const { keys, addressMark } = await addressMarkOf(deps, c);
  const asked = await countHit(deps.db, `bulk-challenge:${activityId}:${addressMark}`, now, BULK_WINDOW_MS);
  if (asked > CHALLENGES_PER_MINUTE) throw slowDown(Math.ceil(BULK_WINDOW_MS / 1000), 'Too many challenges from this address. Wait a minute.');
  // The level a registration from here would need now; at least the smallest one, so a
  // family's proof is ready when the activity turns busy between now and sending.
  const level = Math.max(1, requiredProofLevel({ fromAddress: asked, onActivity: 0 })) as Exclude<ProofLevel, 0>;
  return newChallenge(keys, activityId, level, now);
}

const slowDown = (retryAfterSeconds: number, message: string) =>
  new ApiError(429, 'slow_down', message, undefined, { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' });

/**
 * The checks a public registration passes before its transaction: counts, proof, ceiling.
 * Throws 428 (with a fresh challenge in Instap-Challenge) or 429 (with Retry-After).
 */
export async function guardRegistration(deps: Deps, c: Context, activityId: string, claimsReserved: boolean, now: Date): Promise<{ keys: GuardKeys; addressMark: string }> {
  const db: Db = deps.db;
  const { keys, addressMark } = await addressMarkOf(deps, c);
  const fromAddress = await countHit(db, `bulk:${activityId}:${addressMark}`, now, BULK_WINDOW_MS);
  const onActivity = await countHit(db, `bulk:${activityId}`, now, BULK_WINDOW_MS);
  const level = requiredProofLevel({ fromAddress, onActivity });
  if (level > 0) {
    const header = c.req.header(PROOF_HEADER);
    if (!header) throw await askProof(keys, activityId, level as Exclude<ProofLevel, 0>, 'proof_required', now);
    const proof = await spendProof(db, keys, header, activityId, level, now);
    if (!proof.ok) throw await askProof(keys, activityId, level as Exclude<ProofLevel, 0>, proof.code, now);
  }
  // Counted only once a request has paid: a script that floods without solving cannot use up
  // the places of the families behind the same address (a school, a carrier's shared address).
  const ceiling = await takeHits(
    db,
    [
      { key: `bulk-places:${activityId}:${addressMark}`, max: PLACES_PER_MINUTE },
      ...(claimsReserved ? [{ key: `bulk-reserved:${activityId}:${addressMark}`, max: RESERVED_CLAIMS_PER_MINUTE }] : []),
    ],
    now,
    BULK_WINDOW_MS,
  );
  if (!ceiling.ok) throw slowDown(ceiling.retryAfterSeconds, 'Many registrations for this activity come from this address. Wait a moment and send again with the same Idempotency-Key.');
  return { keys, addressMark };
}

