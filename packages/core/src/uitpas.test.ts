import { describe, expect, it } from 'vitest';
import { centsToEuros, eurosToCents, uitpasOpenSummary, uitpasProblemText, uitpasRegularPriceCents } from './uitpas.js';
import { priceFor } from './pricing.js';

const charter = { kanspasDiscountPercent: 80, siblingDiscountPercent: 25 };
const sessions = [{ startsAt: '2026-04-01T15:00:00Z' }, { startsAt: '2026-04-08T15:00:00Z' }, { startsAt: '2026-04-15T15:00:00Z' }];

describe('the regular price told to UiTPAS', () => {
  it('is the standard price of that child, with the sibling discount and the prorating the family got', () => {
    const price = priceFor({ standardCents: 4000, charter, kanspas: true, children: 2, sessions, now: new Date('2026-04-05T00:00:00Z') });
    expect(price.sessionsCounted).toBe(2);
    expect(uitpasRegularPriceCents(4000, charter, price, 0)).toBe(2666);
    expect(uitpasRegularPriceCents(4000, charter, price, 1)).toBe(2000);
    // What the family pays is what the charter takes off that regular price.
    expect(price.children.map((c) => c.cents)).toEqual([533, 400]);
  });
  it('a single event or a series not started is charged in full', () => {
    expect(uitpasRegularPriceCents(1250, charter, { sessionsTotal: 1, sessionsCounted: 1 }, 0)).toBe(1250);
    expect(uitpasRegularPriceCents(1250, charter, { sessionsTotal: 3, sessionsCounted: 3 }, 0)).toBe(1250);
  });
});

describe('euros across the border', () => {
  it('cents become decimal euros and back without drift', () => {
    expect(centsToEuros(960)).toBe(9.6);
    expect(eurosToCents(9.6)).toBe(960);
    expect(eurosToCents(1.15)).toBe(115);
    for (const bad of [-1, Number.NaN, '9.60', null, undefined]) expect(eurosToCents(bad)).toBeNull();
  });
});

describe('what staff read', () => {
  it('names what is open in plain Dutch, one and many', () => {
    expect(uitpasOpenSummary({ toRegister: 3, toCancel: 1, failed: 0 })).toEqual(['3 verkopen nog te registreren', '1 verkoop nog te annuleren']);
    expect(uitpasOpenSummary({ toRegister: 0, toCancel: 0, failed: 0 })).toEqual([]);
  });
  it("maps UiTPAS's problem types, both spellings of the invalid number, and unknown ones", () => {
    expect(uitpasProblemText('invalid-uitpasnumber')).toBe('Dit UiTPAS-nummer bestaat niet.');
    expect(uitpasProblemText('invalid-uitpas-number')).toBe('Dit UiTPAS-nummer bestaat niet.');
    expect(uitpasProblemText('maximum-reached')).toBe('Geen kansentarief meer over voor deze pas.');
    expect(uitpasProblemText('no-social-tariff')).toBe('Geen kansentarief meer over voor deze pas.');
    expect(uitpasProblemText('something-new')).toBe('UiTPAS weigerde de verkoop (something-new).');
    expect(uitpasProblemText(null)).toBeNull();
  });
});
