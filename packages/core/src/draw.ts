/**
 * The draw: instead of "first come, first served at 9:00", everyone who registers in the window
 * has the same chance, and nobody can steer it.
 *
 * Commit, then reveal. When a lottery is set up, the server draws a secret seed and publishes only
 * its fingerprint, the commitment SHA-256(seed). At the draw it reveals the seed: anyone checks
 * that it matches the commitment, so the seed cannot have been swapped for a friendlier one.
 *
 * The order also mixes in what is fixed only when the window closes: the closing value is the
 * SHA-256 of the sorted draw ids of every entry at the draw, and each ticket is
 * HMAC-SHA256(seed, closing value ":" draw id), lowest first. While the window is open the seed
 * is secret, so no family can compute a ticket; and every registration or cancellation changes
 * the closing value, so every ticket of everyone changes with it. Cancelling and registering
 * again just draws a fresh, unknowable ticket: it never improves a family's chance.
 *
 * Why a sort by per-entry HMAC and not a seeded shuffle of the sorted ids: both give a uniform
 * random order, but a shuffle needs a random-number stream and a rule for unbiased integers that a
 * checker must get exactly right, and one wrong step moves every line after it. A ticket is one
 * standard HMAC per line: anyone can check their own line with any HMAC tool, the order is
 * "sort the tickets", and the published `ticket` field keeps its meaning.
 *
 * Draw ids, not registration ids: the public list shows the first 12 hex characters of
 * SHA-256(registration id). Only the family (from its registration) and staff can link a draw id
 * to a registration, and the rule works on draw ids, so anyone can recompute it from the list.
 */
import { addPlacement, placeFamily, placesLeft, type Occupancy, type PlaceKind, type PlaceRules } from './places.js';
import { hmacSha256, sha256, toHex } from './sha256.js';

export interface DrawEntry {
  /** The entry's public draw id (see `drawId`); for a draw under rule 1, the registration id. */
  id: string;
  children: number;
  /** Kanspas or referred: may take reserved places. Never published. */
  priority: boolean;
}

export type DrawOutcome = { status: 'confirmed'; kinds: PlaceKind[] } | { status: 'waitlisted'; position: number };

export interface DrawResult extends DrawEntry {
  /** Place in the draw order, from 1. */
  rank: number;
  /** The HMAC the order is sorted by, so anyone can check it. */
  ticket: string;
  outcome: DrawOutcome;
}

/**
 * 1: the first rule (HMAC-SHA256(seed, registration id), seed public before the draw), kept only
 * to republish draws that ran under it. 2: commit-reveal with the closing value.
 */
export type DrawRuleVersion = 1 | 2;
export const DRAW_RULE_VERSION: DrawRuleVersion = 2;

const ALLOCATION_RULE =
  'In that order, each family takes general places while there are any. ' +
  'Kanspas or referred families may also take the reserved places, once general places are gone. ' +
  'A family is placed with all its children or waits; a family that does not fit is passed over for the next. ' +
  'Everyone not placed forms the waiting list in draw order. ' +
  'Who has a kanspas or a referral is not published: anyone can check the order and that general places went in that order; ' +
  'that a reserved place went to a kanspas or referred family only the staff of the organisation can check.';

export const DRAW_RULE =
  'Before the draw only the commitment is public: SHA-256 of the secret seed (UTF-8), in hexadecimal. ' +
  'At the draw the seed is revealed. Draw id: the first 12 hexadecimal characters of SHA-256(registration id). ' +
  'Closing value: SHA-256 of the draw ids of all entries at the draw, sorted, joined by a newline, in hexadecimal. ' +
  'Ticket: HMAC-SHA256(key = seed, message = closing value ":" draw id), in hexadecimal. Order: lowest ticket first. ' +
  ALLOCATION_RULE;

export const DRAW_RULE_V1 =
  'This draw ran under the first rule: order by HMAC-SHA256(seed, registration id) in hexadecimal, lowest first; ' +
  'the seed was public before the draw. Registration ids are no longer published, so only the order of the tickets can be checked. ' +
  ALLOCATION_RULE;

export const DRAW_ID_LENGTH = 12;
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The public id of an entry: 12 hex characters (48 bits) of SHA-256(registration id). */
export function drawId(registrationId: string): string {
  return toHex(sha256(utf8(registrationId))).slice(0, DRAW_ID_LENGTH);
}

/** The fingerprint published before the draw. */
export function commitmentOf(seed: string): string {
  return toHex(sha256(utf8(seed)));
}

/** SHA-256 of the sorted draw ids, one per line: fixed only when the last entry is in. */
export function closingValue(ids: readonly string[]): string {
  return toHex(sha256(utf8([...ids].sort().join('\n'))));
}

export function ticket(seed: string, closing: string, id: string): string {
  return toHex(hmacSha256(seed, `${closing}:${id}`));
}

/** The ticket of rule 1, only to republish draws that ran under it. */
export function legacyTicket(seed: string, registrationId: string): string {
  return toHex(hmacSha256(seed, registrationId));
}

/**
 * Entries in draw order with their tickets. Equal tickets only come with equal draw ids (a
 * 48-bit collision); such lines are then ordered by children, then as given, so the public
 * lines come out the same whatever the order of the input.
 */
export function drawOrder<T extends { id: string; children?: number }>(seed: string, entries: readonly T[], version: DrawRuleVersion = DRAW_RULE_VERSION): (T & { ticket: string })[] {
  const closing = version === 2 ? closingValue(entries.map((e) => e.id)) : '';
  return entries
    .map((e) => ({ ...e, ticket: version === 2 ? ticket(seed, closing, e.id) : legacyTicket(seed, e.id) }))
    .sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : (a.children ?? 0) - (b.children ?? 0)));
}

/**
 * Allocates places to the entries of a draw. `taken` are places already held (normally none);
 * `now` decides whether reserved places are still held back. Extra fields of an entry (the
 * server's registration id) come through to its result.
 */
export function allocateDraw<E extends DrawEntry>(input: { seed: string; entries: readonly E[]; rules: PlaceRules; taken: Occupancy; now: Date; version?: DrawRuleVersion }): (E & DrawResult)[] {
  const ordered = drawOrder(input.seed, input.entries, input.version);
  let taken = input.taken;
  let position = 0;
  // In draw order, each family takes general places while there are any; a kanspas or referred
  // family takes reserved places once general ones are gone (the same rule as first-come). So a
  // kanspas family drawn early does not use up a reserved place that a later one needs.
  return ordered.map((e, i) => {
    const placement = placeFamily(placesLeft(input.rules, taken, input.now), e.children, e.priority);
    if (placement.placed) taken = addPlacement(taken, placement.kinds);
    const outcome: DrawOutcome = placement.placed ? { status: 'confirmed', kinds: placement.kinds } : { status: 'waitlisted', position: ++position };
    return { ...e, rank: i + 1, outcome };
  });
}

/**
 * How long a waiting-list offer stays open: the service's hours, but never past half the time
 * left before the activity starts, and at least two hours, so a family close to the start still
 * gets a real chance while the next family is not kept waiting.
 */
export function offerExpiry(now: Date, offerHours: number, nextStart: Date | null): Date {
  const standard = now.getTime() + offerHours * 3_600_000;
  if (!nextStart) return new Date(standard);
  const half = now.getTime() + Math.max(0, nextStart.getTime() - now.getTime()) / 2;
  return new Date(Math.max(now.getTime() + 2 * 3_600_000, Math.min(standard, half)));
}
