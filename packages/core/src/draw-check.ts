/**
 * Checking a published draw from its public data alone, as `pnpm verify-draw` does: the seed
 * matches the commitment, the closing value and every ticket are recomputed, the order is the
 * order of the tickets, and the outcome follows the rule.
 *
 * Who has a kanspas or a referral is not published, so the outcome is checked for what anyone
 * can see: a family that fits in the general places left must get them, whoever it is; a family
 * placed after the general places ran out must fit in general plus reserved places (it used a
 * reserved place; whether it was entitled to one, only staff can check); the waiting list runs
 * 1, 2, 3… in draw order.
 */
import { closingValue, commitmentOf, drawOrder, type DrawRuleVersion } from './draw.js';
import { addPlacement, placeFamily, placesLeft, type Occupancy } from './places.js';
import type { PublishedDraw } from './schemas/activities.js';

export interface DrawCheck {
  /** true when every check below passed. */
  ok: boolean;
  drawn: boolean;
  /** The seed's SHA-256 equals the commitment (null before the draw: nothing to compare yet). */
  commitment: boolean | null;
  /** The closing value, recomputed from the draw ids (null for rule 1, which had none). */
  closingValue: string | null;
  /** Entries whose line does not match the recomputed one, in plain words. */
  problems: string[];
  entries: number;
}

export function checkPublishedDraw(d: PublishedDraw): DrawCheck {
  const problems: string[] = [];
  if (!d.drawnAt) return { ok: true, drawn: false, commitment: null, closingValue: null, problems, entries: 0 };
  if (d.seed === undefined) return { ok: false, drawn: true, commitment: false, closingValue: null, problems: ['The draw ran, but its seed is not published.'], entries: d.entries.length };
  const version = d.ruleVersion as DrawRuleVersion;
  const commitment = commitmentOf(d.seed) === d.commitment;
  if (!commitment) problems.push('The seed does not match the commitment published before the draw: the seed was changed.');
  const lines = [...d.entries].sort((a, b) => a.rank - b.rank);
  lines.forEach((l, i) => {
    if (l.rank !== i + 1) problems.push(`${l.id}: rank ${l.rank} where ${i + 1} was expected; ranks must run 1, 2, 3…`);
  });

  let closing: string | null = null;
  if (version === 2) {
    closing = closingValue(lines.map((l) => l.id));
    if (d.closingValue !== null && d.closingValue !== closing) problems.push('The published closing value is not the SHA-256 of the draw ids in the list.');
    const expected = drawOrder(d.seed, lines.map((l) => ({ id: l.id, children: l.children })), 2);
    expected.forEach((e, i) => {
      const l = lines[i]!;
      if (l.id !== e.id || l.ticket !== e.ticket || l.children !== e.children)
        problems.push(`Rank ${i + 1}: the list has ${l.id} (ticket ${l.ticket.slice(0, 12)}…); recomputed, it is ${e.id} (ticket ${e.ticket.slice(0, 12)}…).`);
    });
  } else {
    for (let i = 1; i < lines.length; i++)
      if (lines[i - 1]!.ticket > lines[i]!.ticket) problems.push(`Rank ${i + 1}: its ticket is lower than the one before; the order must follow the tickets.`);
  }

  let taken: Occupancy = { general: 0, reserved: 0 };
  const rules = { capacity: d.capacity, reservedPlaces: d.reservedPlaces, reservedUntil: d.reservedUntil ? new Date(d.reservedUntil) : null };
  const now = new Date(d.drawnAt);
  let position = 0;
  for (const l of lines) {
    const left = placesLeft(rules, taken, now);
    const asAnyone = placeFamily(left, l.children, false);
    const withReserved = placeFamily(left, l.children, true);
    if (l.outcome === 'confirmed') {
      if (asAnyone.placed) taken = addPlacement(taken, asAnyone.kinds);
      else if (withReserved.placed) taken = addPlacement(taken, withReserved.kinds);
      else problems.push(`${l.id} (rank ${l.rank}): got a place, but no place was left for ${l.children} children.`);
      if (l.waitlistPosition !== null) problems.push(`${l.id} (rank ${l.rank}): got a place and also a waiting-list position.`);
    } else {
      if (asAnyone.placed) problems.push(`${l.id} (rank ${l.rank}): waits, but general places were still left for this family.`);
      if (l.waitlistPosition !== ++position) problems.push(`${l.id} (rank ${l.rank}): waiting-list position ${l.waitlistPosition}, expected ${position}.`);
    }
  }
  return { ok: problems.length === 0, drawn: true, commitment, closingValue: closing, problems, entries: lines.length };
}
