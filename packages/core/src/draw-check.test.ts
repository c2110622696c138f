import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPublishedDraw } from './draw-check.js';
import { allocateDraw, closingValue, commitmentOf, DRAW_RULE, drawId, type DrawEntry } from './draw.js';
import type { PublishedDraw } from './schemas/activities.js';

const seed = 'f'.repeat(64);
const drawnAt = '2026-03-11T08:00:00.000Z';

/** A draw published the way the server publishes one: draw ids, no priority. */
function publish(entries: DrawEntry[], capacity: number, reservedPlaces: number, s = seed): PublishedDraw {
  const results = allocateDraw({ seed: s, entries, rules: { capacity, reservedPlaces, reservedUntil: null }, taken: { general: 0, reserved: 0 }, now: new Date(drawnAt) });
  return {
    activityId: 'a',
    title: 'Zomerkamp',
    commitment: commitmentOf(s),
    seed: s,
    closingValue: closingValue(entries.map((e) => e.id)),
    ruleVersion: 2,
    rule: DRAW_RULE,
    drawAt: drawnAt,
    drawnAt,
    capacity,
    reservedPlaces,
    reservedUntil: null,
    entries: results.map((r) => ({ id: r.id, rank: r.rank, ticket: r.ticket, children: r.children, outcome: r.outcome.status, waitlistPosition: r.outcome.status === 'waitlisted' ? r.outcome.position : null })),
  };
}

const families = (n: number, kanspas: (i: number) => boolean = (i) => i % 3 === 0): DrawEntry[] =>
  Array.from({ length: n }, (_, i) => ({ id: drawId(`registration-${i}`), children: 1 + (i % 3), priority: kanspas(i) }));

describe('checking a published draw from its public data', () => {
  it('a draw as published matches: commitment, closing value, tickets, order and outcome', () => {
    const d = publish(families(12), 8, 2);
    expect(checkPublishedDraw(d)).toMatchObject({ ok: true, commitment: true, closingValue: d.closingValue, problems: [], entries: 12 });
  });

  it('holds for any entries, capacity and kanspas families, without knowing who has a kanspas', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.uuid().map(drawId), children: fc.integer({ min: 1, max: 4 }), priority: fc.boolean() }), { selector: (e) => e.id, maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (entries, capacity, reserved) => {
          expect(checkPublishedDraw(publish(entries, capacity, Math.min(capacity, reserved))).problems).toEqual([]);
        },
      ),
    );
  });

  it('finds a seed that does not match the commitment', () => {
    const d = { ...publish(families(6), 3, 1), seed: '0'.repeat(64) };
    const r = checkPublishedDraw(d);
    expect([r.ok, r.commitment]).toEqual([false, false]);
    expect(r.problems[0]).toContain('does not match the commitment');
  });

  it('finds a whole draw redone with another seed, even when the commitment was swapped too', () => {
    const real = publish(families(6), 3, 1);
    const forged = { ...publish(families(6), 3, 1, 'e'.repeat(64)), commitment: real.commitment };
    expect(checkPublishedDraw(forged).commitment).toBe(false);
  });

  it('finds entries moved, added or changed after the draw', () => {
    const d = publish(families(8), 4, 1);
    const swapped = structuredClone(d);
    [swapped.entries[0]!.rank, swapped.entries[1]!.rank] = [2, 1];
    expect(checkPublishedDraw(swapped).ok).toBe(false);
    const extra = structuredClone(d);
    extra.entries.push({ id: 'abcdefabcdef', rank: 9, ticket: 'f'.repeat(64), children: 1, outcome: 'waitlisted', waitlistPosition: 99 });
    expect(checkPublishedDraw(extra).problems.some((p) => p.includes('closing value'))).toBe(true);
    const bigger = structuredClone(d);
    bigger.entries[0]!.children = 100;
    expect(checkPublishedDraw(bigger).ok).toBe(false);
  });

  it('finds a family passed over while general places were left, and a place given that did not exist', () => {
    const d = publish(families(8, () => false), 4, 0);
    const firstWaiting = d.entries.find((e) => e.outcome === 'waitlisted')!;
    const firstPlaced = d.entries.find((e) => e.outcome === 'confirmed')!;
    const passedOver = structuredClone(d);
    Object.assign(passedOver.entries.find((e) => e.id === firstPlaced.id)!, { outcome: 'waitlisted', waitlistPosition: 1 });
    expect(checkPublishedDraw(passedOver).problems.join('\n')).toContain('general places were still left');
    const invented = structuredClone(d);
    Object.assign(invented.entries.find((e) => e.id === firstWaiting.id)!, { outcome: 'confirmed', waitlistPosition: null });
    expect(checkPublishedDraw(invented).ok).toBe(false);
  });

  it('before the draw there is nothing to recompute yet', () => {
    const d = publish(families(3), 3, 0);
    const before = { ...d, seed: undefined, drawnAt: null, closingValue: null, entries: [] };
    expect(checkPublishedDraw(before)).toMatchObject({ ok: true, drawn: false, commitment: null });
  });
});
