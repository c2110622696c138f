/**
 * Solving Instap's proof-of-work as a script (or the widget) does: altcha-lib's own solver with
 * PBKDF2, paying the full cost. Tests use it to register many families from one address; no
 * server code has a way around the proof.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

/** The challenge a 428 carries in its Instap-Challenge header. */
export function challengeOf(headers: Headers): Challenge | null {
  const raw = headers.get('instap-challenge');
  return raw ? (JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as Challenge) : null;
}

/** The Instap-Proof header value for a challenge: solved by brute force, as the widget does. */
export async function solveProof(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } })).toString('base64');
}
