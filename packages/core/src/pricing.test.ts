import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHARTER,
  charterKanspasCents,
  effectiveKanspasCents,
  formatCents,
  percentOf,
  priceFor,
  pricesNow,
  roundCents,
  sessionsToCome,
  type PriceInput,
  type SessionTimes,
  type TariffCharter,
} from './pricing.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const base = Date.parse('2026-03-07T09:00:00Z');
const charter80: TariffCharter = { kanspasDiscountPercent: 80, siblingDiscountPercent: 0 };

/** A weekly series of `n` sessions of one hour, starting on 7 March 2026 at 09:00 UTC. */
function weekly(n: number): SessionTimes[] {
  return Array.from({ length: n }, (_, i) => ({
    startsAt: new Date(base + i * 7 * DAY).toISOString(),
    endsAt: new Date(base + i * 7 * DAY + HOUR).toISOString(),
  }));
}
const beforeSeries = new Date(base - 30 * DAY);

function input(over: Partial<PriceInput> = {}): PriceInput {
  return {
    standardCents: 4000,
    charter: charter80,
    kanspas: false,
    children: 1,
    sessions: weekly(1),
    now: beforeSeries,
    ...over,
  };
}

describe('kanspas discount (tariff charter)', () => {
  it('takes 80 % off: €40 becomes €8 (800 cents)', () => {
    expect(charterKanspasCents(4000, charter80)).toBe(800);
    const p = priceFor(input({ kanspas: true }));
    expect(p.tariff).toBe('kanspas');
    expect(p.currency).toBe('EUR');
    expect(p.unitCents).toBe(800);
    expect(p.totalCents).toBe(800);
  });

  it('the default charter is 80 % kanspas discount and no sibling discount', () => {
    expect(DEFAULT_CHARTER).toEqual({ kanspasDiscountPercent: 80, siblingDiscountPercent: 0 });
  });

  it('a family without kanspas pays the standard price', () => {
    const p = priceFor(input());
    expect(p.tariff).toBe('standard');
    expect(p.unitCents).toBe(4000);
    expect(p.totalCents).toBe(4000);
  });

  it('rounds fractions of a cent down, in the family’s favour', () => {
    // 20 % of €9,99 is 199,8 cents: the family pays 199.
    expect(charterKanspasCents(999, charter80)).toBe(199);
    // 20 % of 1 cent is 0,2 cents: free.
    expect(charterKanspasCents(1, charter80)).toBe(0);
    expect(roundCents(12.999)).toBe(12);
    expect(roundCents(12)).toBe(12);
    expect(roundCents(-5)).toBe(0);
    expect(percentOf(333, 50)).toBe(166);
    // Floating-point noise just under a whole cent does not cost the family a cent.
    expect(roundCents(0.1 * 3 * 10)).toBe(3);
  });

  it('keeps an activity’s own better kanspas price', () => {
    expect(effectiveKanspasCents(4000, charter80, 500)).toBe(500);
    expect(effectiveKanspasCents(4000, charter80, 0)).toBe(0);
    expect(priceFor(input({ kanspas: true, kanspasCents: 500 })).totalCents).toBe(500);
  });

  it('never charges more than the charter allows, even when the activity asks more', () => {
    expect(effectiveKanspasCents(4000, charter80, 2000)).toBe(800);
    expect(effectiveKanspasCents(4000, charter80, null)).toBe(800);
    expect(effectiveKanspasCents(4000, charter80, undefined)).toBe(800);
    expect(effectiveKanspasCents(4000, charter80, -100)).toBe(0);
    expect(priceFor(input({ kanspas: true, kanspasCents: 2000 })).totalCents).toBe(800);
  });

  it('the activity’s kanspas price does not change the standard price', () => {
    expect(priceFor(input({ kanspas: false, kanspasCents: 500 })).totalCents).toBe(4000);
  });
});

describe('late joiners pay only the sessions to come', () => {
  const series = weekly(10);
  // After the 4th session started, before the 5th.
  const afterFour = new Date(base + 3 * 7 * DAY + 2 * DAY);

  it('counts the sessions that have not started yet', () => {
    expect(sessionsToCome(series, beforeSeries)).toBe(10);
    expect(sessionsToCome(series, afterFour)).toBe(6);
    // A session that starts right now has started.
    expect(sessionsToCome(series, new Date(base))).toBe(9);
    expect(sessionsToCome(series, new Date(base - 1))).toBe(10);
    expect(sessionsToCome([{ startsAt: new Date(base) }], new Date(base - 1))).toBe(1);
  });

  it('a 10-session series with 4 sessions past costs 6/10: €40 → €24', () => {
    const p = priceFor(input({ sessions: series, now: afterFour }));
    expect(p.sessionsTotal).toBe(10);
    expect(p.sessionsCounted).toBe(6);
    expect(p.unitCents).toBe(4000);
    expect(p.totalCents).toBe(2400);
  });

  it('with kanspas too: €8 → €4,80', () => {
    expect(priceFor(input({ sessions: series, now: afterFour, kanspas: true })).totalCents).toBe(480);
  });

  it('a series not started yet is charged in full', () => {
    const p = priceFor(input({ sessions: series, now: beforeSeries }));
    expect(p.sessionsCounted).toBe(10);
    expect(p.totalCents).toBe(4000);
  });

  it('rounds a prorated price down: 2 of 3 sessions of €10 → 666 cents', () => {
    const p = priceFor(input({ standardCents: 1000, sessions: weekly(3), now: new Date(base + DAY) }));
    expect(p.sessionsCounted).toBe(2);
    expect(p.totalCents).toBe(666);
  });

  it('a single-session activity is charged in full, even once it started', () => {
    const p = priceFor(input({ sessions: weekly(1), now: new Date(base + 10 * 60_000) }));
    expect(p.sessionsTotal).toBe(1);
    expect(p.sessionsCounted).toBe(1);
    expect(p.totalCents).toBe(4000);
  });

  it('an activity without sessions is charged in full', () => {
    const p = priceFor(input({ sessions: [] }));
    expect(p.sessionsTotal).toBe(0);
    expect(p.totalCents).toBe(4000);
  });

  it('accepts sessions as Date objects as well as ISO strings', () => {
    const asDates = series.map((s) => ({ startsAt: new Date(s.startsAt) }));
    expect(priceFor(input({ sessions: asDates, now: afterFour })).totalCents).toBe(2400);
  });
});

describe('sibling discount', () => {
  const charter: TariffCharter = { kanspasDiscountPercent: 80, siblingDiscountPercent: 50 };

  it('applies to the second and later children only', () => {
    const p = priceFor(input({ charter, children: 3 }));
    expect(p.children.map((c) => c.cents)).toEqual([4000, 2000, 2000]);
    expect(p.children.map((c) => c.siblingDiscountCents)).toEqual([0, 2000, 2000]);
    expect(p.children.every((c) => c.baseCents === 4000)).toBe(true);
    expect(p.totalCents).toBe(8000);
  });

  it('one child gets no sibling discount', () => {
    const p = priceFor(input({ charter, children: 1 }));
    expect(p.children).toEqual([{ baseCents: 4000, siblingDiscountCents: 0, cents: 4000 }]);
  });

  it('combines with kanspas: €8, €4, €4', () => {
    const p = priceFor(input({ charter, children: 3, kanspas: true }));
    expect(p.children.map((c) => c.cents)).toEqual([800, 400, 400]);
    expect(p.totalCents).toBe(1600);
  });

  it('combines with prorating: 6/10 of €40 and of €20', () => {
    const p = priceFor(input({ charter, children: 2, sessions: weekly(10), now: new Date(base + 3 * 7 * DAY + DAY) }));
    expect(p.children.map((c) => c.cents)).toEqual([2400, 1200]);
  });

  it('without a sibling rule every child pays the same', () => {
    const p = priceFor(input({ children: 4 }));
    expect(p.children.map((c) => c.cents)).toEqual([4000, 4000, 4000, 4000]);
    expect(p.totalCents).toBe(16000);
  });

  it('no children, nothing to pay', () => {
    expect(priceFor(input({ children: 0 })).totalCents).toBe(0);
    expect(priceFor(input({ children: -1 })).children).toEqual([]);
  });

  // The price is rounded down, not the discount: 10 % off €9,99 is €8,991, so 899 cents.
  it('rounds a sibling price in the family’s favour (10 % off 999 cents → 899)', () => {
    const p = priceFor(input({ standardCents: 999, charter: { kanspasDiscountPercent: 80, siblingDiscountPercent: 10 }, children: 2 }));
    expect(p.children[1]!.cents).toBe(899);
  });
});

describe('formatCents', () => {
  it('shows whole euros without decimals: 800 → "€ 8"', () => {
    const s = formatCents(800);
    expect(s).toContain('8');
    expect(s).toContain('€');
    expect(s).not.toContain(',');
    expect(s).toMatch(/^€\s8$/u);
  });

  it('shows cents with a decimal comma in Dutch: 1250 → "€ 12,50"', () => {
    expect(formatCents(1250)).toMatch(/^€\s12,50$/u);
    expect(formatCents(5)).toMatch(/^€\s0,05$/u);
    expect(formatCents(0)).toMatch(/^€\s0$/u);
  });

  it('follows the family’s language', () => {
    expect(formatCents(1250, 'en')).toContain('12.50');
  });
});

// ——— Properties ———

const charterArb = fc.record({
  kanspasDiscountPercent: fc.integer({ min: 0, max: 100 }),
  siblingDiscountPercent: fc.integer({ min: 0, max: 100 }),
});
/** Session starts as hours after `base`; sessions need not be in order. */
const sessionsArb = fc
  .array(fc.integer({ min: 0, max: 2000 }), { maxLength: 12 })
  .map((hs) => hs.map((h) => ({ startsAt: new Date(base + h * HOUR).toISOString() })));
const nowArb = fc.integer({ min: -100, max: 2100 }).map((h) => new Date(base + h * HOUR));
const priceInputArb: fc.Arbitrary<PriceInput> = fc.record({
  standardCents: fc.integer({ min: 0, max: 1_000_000 }),
  kanspasCents: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  charter: charterArb,
  kanspas: fc.boolean(),
  children: fc.integer({ min: 0, max: 8 }),
  sessions: sessionsArb,
  now: nowArb,
});

describe('pricing properties', () => {
  it('a price is never negative, even for odd input', () => {
    fc.assert(
      fc.property(
        priceInputArb,
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.option(fc.integer({ min: -10_000, max: 10_000 }), { nil: null }),
        fc.integer({ min: -3, max: 8 }),
        (inp, standardCents, kanspasCents, children) => {
          const p = priceFor({ ...inp, standardCents, kanspasCents, children });
          expect(p.totalCents).toBeGreaterThanOrEqual(0);
          expect(p.unitCents).toBeGreaterThanOrEqual(0);
          for (const c of p.children) expect(c.cents).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('all amounts are integer cents', () => {
    fc.assert(
      fc.property(priceInputArb, (inp) => {
        const p = priceFor(inp);
        const amounts = [p.unitCents, p.totalCents, ...p.children.flatMap((c) => [c.baseCents, c.siblingDiscountCents, c.cents])];
        for (const a of amounts) expect(Number.isInteger(a)).toBe(true);
      }),
    );
  });

  it('the kanspas price is never above the standard price for the same input', () => {
    fc.assert(
      fc.property(priceInputArb, (inp) => {
        const withPass = priceFor({ ...inp, kanspas: true });
        const without = priceFor({ ...inp, kanspas: false });
        expect(withPass.totalCents).toBeLessThanOrEqual(without.totalCents);
        withPass.children.forEach((c, i) => expect(c.cents).toBeLessThanOrEqual(without.children[i]!.cents));
      }),
    );
  });

  it('the effective kanspas price never exceeds the charter ceiling, and keeps a better own price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        charterArb,
        fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        (standard, charter, own) => {
          const ceiling = charterKanspasCents(standard, charter);
          const eff = effectiveKanspasCents(standard, charter, own);
          expect(eff).toBeLessThanOrEqual(ceiling);
          expect(ceiling).toBeLessThanOrEqual(standard);
          expect(eff).toBe(own === null ? ceiling : Math.min(own, ceiling));
        },
      ),
    );
  });

  it('the charter kanspas price is the exact discounted price rounded down', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), (standard, pct) => {
        const cents = charterKanspasCents(standard, { kanspasDiscountPercent: pct, siblingDiscountPercent: 0 });
        // Integer arithmetic: floor(standard × (100 − pct) / 100).
        expect(cents).toBe(Math.floor((standard * (100 - pct)) / 100));
      }),
    );
  });

  it('fewer sessions left never costs more (a later moment never raises the total)', () => {
    fc.assert(
      fc.property(priceInputArb, nowArb, (inp, other) => {
        const [early, late] = inp.now.getTime() <= other.getTime() ? [inp.now, other] : [other, inp.now];
        const a = priceFor({ ...inp, now: early });
        const b = priceFor({ ...inp, now: late });
        expect(b.sessionsCounted).toBeLessThanOrEqual(a.sessionsCounted);
        expect(b.totalCents).toBeLessThanOrEqual(a.totalCents);
      }),
    );
  });

  it('the total is the sum of the children, one entry per child', () => {
    fc.assert(
      fc.property(priceInputArb, (inp) => {
        const p = priceFor(inp);
        expect(p.children).toHaveLength(inp.children);
        expect(p.totalCents).toBe(p.children.reduce((s, c) => s + c.cents, 0));
      }),
    );
  });

  it('the first child pays the tariff price × sessions to come / sessions, rounded down', () => {
    fc.assert(
      fc.property(priceInputArb.filter((i) => i.children > 0), (inp) => {
        const p = priceFor(inp);
        const n = inp.sessions.length;
        const k = sessionsToCome(inp.sessions, inp.now);
        const expected = n <= 1 ? p.unitCents : Math.floor((p.unitCents * k) / n);
        expect(p.children[0]!.cents).toBe(expected);
        expect(p.children[0]!.cents).toBeLessThanOrEqual(p.unitCents);
      }),
    );
  });

  it('without a sibling rule no child pays more than the exact (unrounded) price', () => {
    fc.assert(
      fc.property(priceInputArb, (inp) => {
        const charter = { ...inp.charter, siblingDiscountPercent: 0 };
        const p = priceFor({ ...inp, charter });
        const n = inp.sessions.length;
        const k = sessionsToCome(inp.sessions, inp.now);
        const exactUnit = inp.kanspas
          ? Math.min((inp.standardCents * (100 - charter.kanspasDiscountPercent)) / 100, inp.kanspasCents ?? Infinity)
          : inp.standardCents;
        const exact = n <= 1 ? exactUnit : (exactUnit * k) / n;
        for (const c of p.children) {
          expect(c.cents).toBeLessThanOrEqual(exact + 1e-6);
          expect(c.cents).toBeGreaterThan(exact - 2);
        }
      }),
    );
  });

  it('the prices an activity shows add up to what a family of any size is charged', () => {
    fc.assert(
      fc.property(priceInputArb, (input) => {
        const shown = pricesNow(input);
        const [first, sibling] = input.kanspas
          ? [shown.nowKanspasCents, shown.nowSiblingKanspasCents]
          : [shown.nowStandardCents, shown.nowSiblingStandardCents];
        const n = Math.max(1, input.children);
        expect(first + (n - 1) * sibling).toBe(priceFor({ ...input, children: n }).totalCents);
      }),
    );
  });
});
