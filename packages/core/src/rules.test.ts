import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  MAX_NAME_LENGTH,
  birthYearProblem,
  latinDigits,
  contactProblem,
  emailProblem,
  nameProblem,
  normalisePhone,
  phoneProblem,
} from './rules.js';

const now = new Date('2026-05-10T10:00:00Z');

describe('digits from an Arabic or Persian keyboard', () => {
  it('read as 0–9 in birth years and phone numbers', () => {
    expect(latinDigits('٢٠١٧ and ۲۰۱۹, 0123456789')).toBe('2017 and 2019, 0123456789');
    const now = new Date('2026-03-02T10:00:00Z');
    expect(birthYearProblem('٢٠١٧', now)).toBeNull();
    expect(birthYearProblem('۲۰۳۰', now)).toBe('year-in-future');
    expect(phoneProblem('٠٤٧٠ ١٢ ٣٤ ٥٦')).toBeNull();
    expect(normalisePhone('+٣٢ ٤٧٠ ١٢ ٣٤ ٥٦')).toBe('+32470123456');
  });
});

describe('birthYearProblem', () => {
  it('accepts a year in the last 25 years, as number or as typed text', () => {
    expect(birthYearProblem(2016, now)).toBeNull();
    expect(birthYearProblem('2016', now)).toBeNull();
    expect(birthYearProblem(' 2016 ', now)).toBeNull();
    expect(birthYearProblem(2026, now)).toBeNull(); // a baby born this year
    expect(birthYearProblem(2001, now)).toBeNull(); // 25 years back
  });

  it('an empty answer is required', () => {
    expect(birthYearProblem('', now)).toBe('required');
    expect(birthYearProblem(undefined, now)).toBe('required');
    expect(birthYearProblem(null, now)).toBe('required');
  });

  it('a year in the future is refused', () => {
    expect(birthYearProblem(2027, now)).toBe('year-in-future');
    expect(birthYearProblem('2030', now)).toBe('year-in-future');
  });

  it('not a whole year is refused', () => {
    expect(birthYearProblem(2015.5, now)).toBe('not-a-year');
    expect(birthYearProblem('twee', now)).toBe('not-a-year');
    expect(birthYearProblem('20-16', now)).toBe('not-a-year');
    expect(birthYearProblem(Number.NaN, now)).toBe('not-a-year');
    expect(birthYearProblem(Number.POSITIVE_INFINITY, now)).toBe('not-a-year');
  });

  it('more than 25 years back is too old, relative to the injected clock', () => {
    expect(birthYearProblem(2000, now)).toBe('year-too-old');
    expect(birthYearProblem(1890, now)).toBe('year-too-old');
    // The same year is fine a year earlier, and 2027 is fine once 2027 has come.
    expect(birthYearProblem(2000, new Date('2025-06-01T00:00:00Z'))).toBeNull();
    expect(birthYearProblem(2027, new Date('2027-01-01T00:00:00Z'))).toBeNull();
  });

  it('exactly one verdict per integer year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1990, max: 2090 }), (year, nowYear) => {
        const clock = new Date(Date.UTC(nowYear, 6, 1));
        const p = birthYearProblem(year, clock);
        if (year > nowYear) expect(p).toBe('year-in-future');
        else if (year < nowYear - 25) expect(p).toBe('year-too-old');
        else expect(p).toBeNull();
        expect(birthYearProblem(String(year), clock)).toBe(p);
      }),
    );
  });

  // Only spaces is an empty answer (Number('') would be year 0).
  it('an answer of only spaces is required, not "too old"', () => {
    expect(birthYearProblem('   ', now)).toBe('required');
  });
});

describe('phoneProblem', () => {
  it.each(['0470 12 34 56', '+32 470/12.34.56', '0470123456', '056 12 34 56', '(056) 12-34-56', '+32470123456'])(
    'accepts %s',
    (phone) => {
      expect(phoneProblem(phone)).toBeNull();
    },
  );

  it.each(['abc', '123', '0470 12 34 5a', '12345678', '+32 470 12 34 56 78 90 12', 'bel me'])('rejects %s', (phone) => {
    expect(phoneProblem(phone)).toBe('phone-format');
  });

  it('an empty phone is no problem by itself (an e-mail may be enough)', () => {
    expect(phoneProblem('')).toBeNull();
    expect(phoneProblem('   ')).toBeNull();
    expect(phoneProblem(undefined)).toBeNull();
    expect(phoneProblem(null)).toBeNull();
  });

  it('normalises to digits with a leading +', () => {
    expect(normalisePhone('0470 12 34 56')).toBe('0470123456');
    expect(normalisePhone(' +32 470/12.34.56 ')).toBe('+32470123456');
  });

  it('9 to 15 digits with any usual separators pass (property)', () => {
    const sep = fc.constantFrom('', ' ', '.', '/', '-');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 15 }), fc.boolean(), sep, (digits, plus, s) => {
        const phone = (plus ? '+' : '') + digits.join(s);
        expect(phoneProblem(phone)).toBeNull();
        expect(normalisePhone(phone)).toBe((plus ? '+' : '') + digits.join(''));
      }),
    );
  });

  it('fewer than 9 or more than 15 digits fail (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 16, maxLength: 25 })),
        (digits) => {
          expect(phoneProblem(digits.join(' '))).toBe('phone-format');
        },
      ),
    );
  });
});

describe('emailProblem', () => {
  it.each(['naam@voorbeeld.be', 'an.de.smet+instap@kortrijk.be', '  info@club.be  '])('accepts %s', (email) => {
    expect(emailProblem(email)).toBeNull();
  });
  it.each(['naam', 'naam@voorbeeld', 'naam@@voorbeeld.be', 'na am@voorbeeld.be', '@voorbeeld.be', 'naam@.be'])('rejects %s', (email) => {
    expect(emailProblem(email)).toBe('email-format');
  });
  it('rejects an address longer than 254 characters', () => {
    expect(emailProblem(`${'a'.repeat(250)}@x.be`)).toBe('email-format');
  });
  it('an empty e-mail is no problem by itself', () => {
    expect(emailProblem('')).toBeNull();
    expect(emailProblem(undefined)).toBeNull();
    expect(emailProblem(null)).toBeNull();
  });
});

describe('contactProblem', () => {
  it('needs a phone or an e-mail; one is enough', () => {
    expect(contactProblem({})).toBe('contact-missing');
    expect(contactProblem({ phone: '  ', email: '' })).toBe('contact-missing');
    expect(contactProblem({ phone: null, email: null })).toBe('contact-missing');
    expect(contactProblem({ phone: '0470 12 34 56' })).toBeNull();
    expect(contactProblem({ email: 'naam@voorbeeld.be' })).toBeNull();
    expect(contactProblem({ phone: '0470 12 34 56', email: 'naam@voorbeeld.be' })).toBeNull();
  });
});

describe('nameProblem', () => {
  it('needs a name of at most 80 letters', () => {
    expect(nameProblem('Amira')).toBeNull();
    expect(nameProblem('  Amira  ')).toBeNull();
    expect(nameProblem('')).toBe('required');
    expect(nameProblem('   ')).toBe('required');
    expect(nameProblem(undefined)).toBe('required');
    expect(nameProblem('a'.repeat(MAX_NAME_LENGTH))).toBeNull();
    expect(nameProblem('a'.repeat(MAX_NAME_LENGTH + 1))).toBe('too-long');
  });
});

describe('languages', () => {
  it('offers Dutch and the languages families speak', () => {
    expect(LANGUAGES).toEqual(['nl', 'fr', 'en', 'ar', 'tr', 'uk']);
  });
});
