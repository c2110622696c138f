/**
 * The secret seed of a draw. Made once, when an activity becomes a lottery, and never changed:
 * only its commitment (SHA-256) is public until the draw. With INSTAP_SECRET_KEY it is stored
 * sealed, so a copy of the database alone does not reveal it before the draw.
 */
import { commitmentOf } from '@instap/core';
import { randomBytes } from 'node:crypto';
import { ApiError } from '../errors.js';
import { seal, unseal } from './secrets.js';

/** 32 random bytes in hexadecimal, and the commitment to publish. */
export function newDrawSecret(key: Buffer | undefined): { drawSeed: string; drawCommitment: string } {
  const seed = randomBytes(32).toString('hex');
  return { drawSeed: seal(seed, key), drawCommitment: commitmentOf(seed) };
}

/** The seed in plain, to run the draw; a seed that does not match its commitment never runs. */
export function openDrawSeed(stored: string, commitment: string | null, key: Buffer | undefined): string {
  let seed: string;
  try {
    seed = unseal(stored, key);
  } catch {
    throw new ApiError(503, 'draw_seed_sealed', 'The seed of this draw is sealed with a secret key this server does not have. Start it with the same INSTAP_SECRET_KEY.');
  }
  if (commitment !== null && commitmentOf(seed) !== commitment) throw new ApiError(409, 'draw_seed_mismatch', 'The stored seed does not match the published commitment. The draw does not run.');
  return seed;
}
