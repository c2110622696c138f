import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateDraw, closingValue, commitmentOf, drawId, drawOrder, legacyTicket, offerExpiry, ticket, type DrawEntry } from './draw.js';

const rules = (capacity: number, reservedPlaces: number, reservedUntil: Date | null = null) => ({ capacity, reservedPlaces, reservedUntil });
const none = { general: 0, reserved: 0 };
const now = new Date('2026-03-01T09:00:00Z');

const entriesArb = fc.uniqueArray(
  fc.record({ id: fc.uuid(), children: fc.integer({ min: 1, max: 4 }), priority: fc.boolean() }),
  { selector: (e) => e.id, maxLength: 60 },
);

describe('the draw', () => {
  it('orders by HMAC-SHA256(seed, closing value ":" id), lowest first, so anyone can recompute it', () => {
    const order = drawOrder('seed-2026', [{ id: 'b' }, { id: 'a' }, { id: 'c' }]);
    const tickets = order.map((e) => e.ticket);
    expect([...tickets].sort()).toEqual(tickets);
    const closing = closingValue(['c', 'a', 'b']);
    expect(closing).toBe(commitmentOf('a\nb\nc'));
    expect(order.find((e) => e.id === 'a')!.ticket).toBe(ticket('seed-2026', closing, 'a'));
  });

  it('the commitment is the SHA-256 of the seed in hexadecimal; a draw id is 12 hex characters of SHA-256(registration id)', () => {
    expect(commitmentOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(drawId('abc')).toBe('ba7816bf8f01');
    expect(drawId('3b241101-e2bb-4255-8caf-4136c566a962')).toMatch(/^[0-9a-f]{12}$/);
  });

  it('is a permutation of the entries that depends on the entries, not on their order in the input', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { maxLength: 40 }), fc.string(), (ids, seed) => {
        const entries = ids.map((id) => ({ id }));
        const order = drawOrder(seed, entries);
        expect(order.map((e) => e.id).sort()).toEqual([...ids].sort());
        expect(drawOrder(seed, [...entries].reverse())).toEqual(order);
        for (let i = 1; i < order.length; i++) expect(order[i - 1]!.ticket < order[i]!.ticket).toBe(true);
      }),
    );
  });

  it('one more or one fewer entry changes every ticket: nobody can compute a ticket before the last entry is in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 30 }), fc.string(), (ids, seed) => {
        const all = drawOrder(seed, ids.map((id) => ({ id })));
        const fewer = drawOrder(seed, ids.slice(1).map((id) => ({ id })));
        const before = new Map(all.map((e) => [e.id, e.ticket]));
        for (const e of fewer) expect(e.ticket).not.toBe(before.get(e.id));
      }),
    );
  });

  it('the ticket needs the seed: with only the commitment, a ticket cannot be told from a random one', () => {
    const seed = 'a-secret-seed';
    const closing = closingValue(['x', 'y']);
    expect(ticket(commitmentOf(seed), closing, 'x')).not.toBe(ticket(seed, closing, 'x'));
  });

  /**
   * The attack on the first rule: a parent registers, computes its ticket, cancels and registers
   * again 40 times, and keeps the best. Simulated over 200 draws (deterministic seeds, so the test
   * never flakes): with the seed public (rule 1) the attack wins; with a secret seed and the
   * closing value, the best the parent can compute from what it sees (the commitment and its own
   * ids) gives an average rank like anyone else's.
   */
  it('cancelling and registering again 40 times does not improve a family\'s rank', () => {
    const trials = 200;
    const others = 40;
    const attempts = 41;
    const results = { secret: [] as number[], firstOnly: [] as number[], publicSeed: [] as number[] };
    for (let t = 0; t < trials; t++) {
      const seed = commitmentOf(`trial ${t}`);
      const commitment = commitmentOf(seed);
      const rivals = Array.from({ length: others }, (_, i) => `family-${t}-${i}`);
      const tries = Array.from({ length: attempts }, (_, k) => `attacker-${t}-${k}`);
      const rankOf = (kept: string) => drawOrder(seed, [...rivals, kept].map((id) => ({ id }))).findIndex((e) => e.id === kept) + 1;
      // Rule 2: what the family can compute is a guess with the commitment in place of the seed.
      const guess = (id: string) => ticket(commitment, closingValue([id]), id);
      const guesses = tries.map((id) => [guess(id), id] as const).sort();
      const kept = guesses[0]![1];
      results.secret.push(rankOf(kept));
      results.firstOnly.push(rankOf(tries[0]!));
      // Rule 1, seed public: the family computes its real ticket and keeps the lowest.
      const legacyKept = tries.map((id) => [legacyTicket(seed, id), id] as const).sort()[0]![1];
      results.publicSeed.push(drawOrder(seed, [...rivals, legacyKept].map((id) => ({ id })), 1).findIndex((e) => e.id === legacyKept) + 1);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const fair = (others + 2) / 2; // 21: the middle of 1…41
    expect(mean(results.publicSeed)).toBeLessThan(3);
    expect(Math.abs(mean(results.secret) - fair)).toBeLessThan(3);
    expect(Math.abs(mean(results.firstOnly) - fair)).toBeLessThan(3);
    expect(results.secret.filter((r) => r === 1).length).toBeLessThan(15); // about 200 / 41 = 5 by chance
  }, 60_000);

  it('general places go in draw order; reserved places go to the kanspas families drawn after them', () => {
    const entries: DrawEntry[] = [
      { id: 'r1', children: 1, priority: false },
      { id: 'r2', children: 1, priority: true },
      { id: 'r3', children: 1, priority: false },
      { id: 'r4', children: 1, priority: true },
    ];
    const result = allocateDraw({ seed: 's', entries, rules: rules(2, 1), taken: none, now });
    // One general place: the first family drawn takes it, whoever it is.
    expect(result[0]!.outcome).toEqual({ status: 'confirmed', kinds: ['general'] });
    // One reserved place: the first kanspas family drawn after that takes it.
    const reservedTo = result.slice(1).find((r) => r.priority)!;
    expect(reservedTo.outcome).toEqual({ status: 'confirmed', kinds: ['reserved'] });
    const waiting = result.filter((r) => r.outcome.status === 'waitlisted').map((r) => (r.outcome as { position: number }).position);
    expect(waiting).toEqual([1, 2]);
  });

  it('a kanspas family drawn early does not use up a reserved place', () => {
    const entries: DrawEntry[] = Array.from({ length: 6 }, (_, i) => ({ id: `k${i}`, children: 1, priority: true }));
    const result = allocateDraw({ seed: 'x', entries, rules: rules(4, 2), taken: none, now });
    expect(result.filter((r) => r.outcome.status === 'confirmed').map((r) => (r.outcome as { kinds: string[] }).kinds[0])).toEqual(['general', 'general', 'reserved', 'reserved']);
  });

  it('keeps a family together: three children wait for three places, a smaller family behind them may go first', () => {
    const entries: DrawEntry[] = [
      { id: 'big', children: 3, priority: false },
      { id: 'small', children: 2, priority: false },
    ];
    // Find a seed where the big family is drawn first.
    const seed = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].find((s) => drawOrder(s, entries)[0]!.id === 'big')!;
    const result = allocateDraw({ seed, entries, rules: rules(2, 0), taken: none, now });
    expect(result.map((r) => [r.id, r.outcome.status])).toEqual([
      ['big', 'waitlisted'],
      ['small', 'confirmed'],
    ]);
  });

  it('never oversells, never splits a family, gives reserved places only to priority families, and is reproducible', () => {
    fc.assert(
      fc.property(entriesArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.string(), (entries, capacity, reserved, seed) => {
        const r = rules(capacity, Math.min(reserved, capacity));
        const result = allocateDraw({ seed, entries, rules: r, taken: none, now });
        let used = 0;
        for (const e of result) {
          if (e.outcome.status !== 'confirmed') continue;
          expect(e.outcome.kinds).toHaveLength(e.children);
          if (e.outcome.kinds.includes('reserved')) expect(e.priority).toBe(true);
          used += e.children;
        }
        expect(used).toBeLessThanOrEqual(capacity);
        expect(allocateDraw({ seed, entries: [...entries].reverse(), rules: r, taken: none, now })).toEqual(result);
        const positions = result.filter((e) => e.outcome.status === 'waitlisted').map((e) => (e.outcome as { position: number }).position);
        expect(positions).toEqual(positions.map((_, i) => i + 1));
      }),
    );
  });

  it('reserved places go only to kanspas families, and stay empty only when every kanspas family has a place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10 }), fc.string(), (reserved, eligible, others, general, seed) => {
        const entries: DrawEntry[] = [
          ...Array.from({ length: eligible }, (_, i) => ({ id: `k${i}`, children: 1, priority: true })),
          ...Array.from({ length: others }, (_, i) => ({ id: `o${i}`, children: 1, priority: false })),
        ];
        const result = allocateDraw({ seed, entries, rules: rules(reserved + general, reserved), taken: none, now });
        const reservedTo = result.filter((e) => e.outcome.status === 'confirmed' && e.outcome.kinds[0] === 'reserved');
        expect(reservedTo.every((e) => e.priority)).toBe(true);
        const everyEligiblePlaced = result.filter((e) => e.priority).every((e) => e.outcome.status === 'confirmed');
        expect(reservedTo.length === reserved || everyEligiblePlaced).toBe(true);
        // With more kanspas families than reserved places, all reserved places are used.
        if (eligible > reserved + general) expect(reservedTo).toHaveLength(reserved);
      }),
    );
  });

  it('after the release date reserved places are general places in the draw', () => {
    const entries: DrawEntry[] = [{ id: 'x', children: 2, priority: false }];
    const before = allocateDraw({ seed: 's', entries, rules: rules(2, 2, new Date('2026-03-10T00:00:00Z')), taken: none, now });
    const after = allocateDraw({ seed: 's', entries, rules: rules(2, 2, new Date('2026-02-10T00:00:00Z')), taken: none, now });
    expect(before[0]!.outcome.status).toBe('waitlisted');
    expect(after[0]!.outcome).toEqual({ status: 'confirmed', kinds: ['general', 'general'] });
  });
});

describe('offer expiry', () => {
  it('is the service’s hours when the start is far away, shorter close to the start, never under two hours', () => {
    expect(offerExpiry(now, 48, new Date('2026-04-01T00:00:00Z')).toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect(offerExpiry(now, 48, new Date('2026-03-02T09:00:00Z')).toISOString()).toBe('2026-03-01T21:00:00.000Z');
    expect(offerExpiry(now, 48, new Date('2026-03-01T10:00:00Z')).toISOString()).toBe('2026-03-01T11:00:00.000Z');
  });
});
