/**
 * One client, one contact, one child: the pure rules that keep a script from taking every place
 * while a family never meets a puzzle. No I/O here; the API counts and stores, these decide.
 *
 * The cost is a proof-of-work (PBKDF2/SHA-256, ALTCHA's v2 format) that the widget solves while
 * the family reads the check of their answers. Its price grows with how busy one address is on
 * one activity, but even the dearest level stays well under a second on a phone, so the brake
 * that really holds a flood back is the ceiling per address per minute (PLACES_PER_MINUTE): a
 * script pays for every try and still gets no more than that.
 */

/** Requests per address on one activity in one minute that need no proof at all. */
import { latinDigits } from './rules.js';

export const FREE_PER_MINUTE = 3;
/**
 * Registrations one address may make on one activity in one minute, each with a proof. A whole
 * class at a school PC fits; one more waits (429 with Retry-After, which the widget honours by
 * itself), it is never refused.
 */
export const PLACES_PER_MINUTE = 30;
/** Of those, the ones that claim a reserved place (kanspas or referral). */
export const RESERVED_CLAIMS_PER_MINUTE = 10;
/** All requests on one activity in one minute before everyone pays the smallest cost. */
export const ACTIVITY_BUSY_PER_MINUTE = 120;
/** The sliding window all of the above count in. */
export const BULK_WINDOW_MS = 60_000;
/** How long a challenge may be solved and used: a family may take a while on the check step. */
export const CHALLENGE_TTL_MS = 15 * 60_000;

export type ProofLevel = 0 | 1 | 2 | 3;

/**
 * PBKDF2 iterations per try and the range the secret counter is drawn from: the solver tries
 * counters from 0 up, so the expected work is about cost × (min + max) / 2 iterations.
 * Measured: Node does ~3.3 million PBKDF2-SHA256 iterations a second on one core; a mid-range
 * phone's WebCrypto 5–10 times fewer. Level 3 is at most 200 000 iterations: ~60 ms for a
 * script, a few hundred ms on a phone, under a second on a slow one.
 */
export const PROOF_LEVELS: Record<Exclude<ProofLevel, 0>, { cost: number; counterMin: number; counterMax: number }> = {
  1: { cost: 1000, counterMin: 5, counterMax: 10 },
  2: { cost: 1000, counterMin: 25, counterMax: 50 },
  3: { cost: 1000, counterMin: 100, counterMax: 200 },
};

/**
 * The proof a request must carry, from what the database counted in the last minute (this
 * request included): `fromAddress` requests from this client on this activity, `onActivity`
 * requests on the activity from everyone.
 */
export function requiredProofLevel(counts: { fromAddress: number; onActivity: number }): ProofLevel {
  const busy = counts.onActivity > ACTIVITY_BUSY_PER_MINUTE;
  const n = counts.fromAddress;
  if (n > 20) return 3;
  if (n > 10) return 2;
  if (n > FREE_PER_MINUTE || busy) return 1;
  return 0;
}

/** Lower case, no accents, no spaces or dots: "Zoë  Van Damme" and "zoe vandamme" are one name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s.'’`-]+/g, '');
}

/**
 * A Belgian phone number in one form: digits only, +32 / 0032 read as the leading 0.
 * "+32 470 12 34 56", "0032470123456" and "0470/12.34.56" are the same phone.
 */
export function samePhone(phone: string): string {
  const digits = latinDigits(phone).replace(/\D/g, '');
  if (digits.startsWith('0032')) return '0' + digits.slice(4);
  if (/^\s*\+/.test(phone) && digits.startsWith('32')) return '0' + digits.slice(2);
  return digits;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The ways one family shows up again: each contact channel it gave, in normal form. */
export function contactKeys(contact: { phone?: string | null; email?: string | null }): string[] {
  const keys: string[] = [];
  const phone = contact.phone ? samePhone(contact.phone) : '';
  if (phone.length >= 6) keys.push(`phone:${phone}`);
  const email = contact.email ? normaliseEmail(contact.email) : '';
  if (email) keys.push(`email:${email}`);
  return keys;
}

/** One child of one family: a contact channel with the child's first name and birth year. */
export function childKeys(contact: { phone?: string | null; email?: string | null }, child: { firstName: string; birthYear: number }): string[] {
  const who = `${normaliseName(child.firstName)}:${child.birthYear}`;
  return contactKeys(contact).map((k) => `${k}|${who}`);
}
