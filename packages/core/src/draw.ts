/**
 * The draw: instead of "first come, first served at 9:00", everyone who registers in the window
 * has the same chance. The order is HMAC-SHA256(seed, registration id), lowest first, with a seed
 * fixed and published before the draw — anyone can recompute it with this file.
 */
import { addPlacement, placeFamily, placesLeft, type Occupancy, type PlaceKind, type PlaceRules } from './places.js';
import { hmacSha256, toHex } from './sha256.js';

export interface DrawEntry {
  id: string;
  children: number;
  /** Kanspas or referred: may take reserved places. */
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

export const DRAW_RULE =
  'Order: HMAC-SHA256(seed, registration id) in hexadecimal, lowest first. ' +
  'In that order, each family takes general places while there are any. ' +
  'Kanspas or referred families (priority) may also take the reserved places, once general places are gone. ' +
  'A family is placed with all its children or waits; a family that does not fit is passed over for the next. ' +
  'Everyone not placed forms the waiting list in draw order.';

export function ticket(seed: string, id: string): string {
  return toHex(hmacSha256(seed, id));
}

export function drawOrder<T extends { id: string }>(seed: string, entries: readonly T[]): (T & { ticket: string })[] {
  return entries
    .map((e) => ({ ...e, ticket: ticket(seed, e.id) }))
    .sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Allocates places to the entries of a draw. `taken` are places already held (normally none);
 * `now` decides whether reserved places are still held back.
 */
export function allocateDraw(input: { seed: string; entries: readonly DrawEntry[]; rules: PlaceRules; taken: Occupancy; now: Date }): DrawResult[] {
  const ordered = drawOrder(input.seed, input.entries);
  const outcomes = new Map<string, PlaceKind[]>();
  let taken = input.taken;

  // In draw order, each family takes general places while there are any; a kanspas or referred
  // family takes reserved places once general ones are gone (the same rule as first-come). So a
  // kanspas family drawn early does not use up a reserved place that a later one needs.
  for (const e of ordered) {
    const placement = placeFamily(placesLeft(input.rules, taken, input.now), e.children, e.priority);
    if (placement.placed) {
      outcomes.set(e.id, placement.kinds);
      taken = addPlacement(taken, placement.kinds);
    }
  }
  let position = 0;
  return ordered.map((e, i) => {
    const kinds = outcomes.get(e.id);
    return {
      id: e.id,
      children: e.children,
      priority: e.priority,
      rank: i + 1,
      ticket: e.ticket,
      outcome: kinds ? { status: 'confirmed', kinds } : { status: 'waitlisted', position: ++position },
    };
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
