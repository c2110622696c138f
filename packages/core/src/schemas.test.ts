import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  activityFieldsSchema,
  activityInputSchema,
  activityPatchSchema,
  activityProblems,
  organisationInputSchema,
  originSchema,
  registrationClockProblems,
  registrationInputSchema,
  type ActivityInput,
  type RegistrationInput,
} from './schemas/index.js';

const good: ActivityInput = {
  title: 'Zwemlessen voor beginners',
  location: 'Zwembad Abdijkaai, Kortrijk',
  sessions: [
    { startsAt: '2026-03-07T09:00:00Z', endsAt: '2026-03-07T10:00:00Z' },
    { startsAt: '2026-03-14T09:00:00Z', endsAt: '2026-03-14T10:00:00Z' },
    { startsAt: '2026-03-21T09:00:00Z', endsAt: '2026-03-21T10:00:00Z' },
  ],
  capacity: 12,
  priceCents: 4000,
  registration: { opensAt: '2026-02-01T08:00:00+01:00' },
};
const lottery: ActivityInput = {
  ...good,
  registration: { opensAt: '2026-02-01T08:00:00Z', closesAt: '2026-02-15T00:00:00Z', mode: 'lottery', drawAt: '2026-02-16T12:00:00Z' },
};

/** The issues of a failed parse, as path + machine code (params.code for our own rules, zod's code otherwise). */
function issues(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => ({
    path: i.path,
    code: (i as { params?: { code?: string } }).params?.code ?? i.code,
    message: i.message,
  }));
}

describe('activityInputSchema', () => {
  it('accepts a good activity and fills in the defaults', () => {
    const r = activityInputSchema.safeParse(good);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      summary: '',
      reservedPlaces: 0,
      whatToBring: [],
      offerHours: 48,
      registration: { mode: 'first-come', opensAt: '2026-02-01T08:00:00+01:00' },
    });
  });

  it('accepts a good lottery, reserved places and a late-join cut-off', () => {
    const r = activityInputSchema.safeParse({
      ...lottery,
      reservedPlaces: 3,
      reservedUntil: '2026-03-01T00:00:00Z',
      kanspasCents: 500,
      lateJoinUntil: '2026-03-14T09:00:00Z',
      whatToBring: ['zwemgerief', 'handdoek'],
    });
    expect(r.success).toBe(true);
  });

  it('trims texts', () => {
    expect(activityInputSchema.parse({ ...good, title: '  Zwemles  ' }).title).toBe('Zwemles');
  });

  it('rejects more reserved places than the capacity', () => {
    expect(issues(activityInputSchema, { ...good, capacity: 5, reservedPlaces: 6 })).toEqual([
      { path: ['reservedPlaces'], code: 'reserved_over_capacity', message: 'Reserved places cannot be more than the capacity.' },
    ]);
    expect(activityInputSchema.safeParse({ ...good, capacity: 5, reservedPlaces: 5 }).success).toBe(true);
  });

  it('rejects a release of reserved places after the last session starts', () => {
    const out = issues(activityInputSchema, { ...good, reservedPlaces: 2, reservedUntil: '2026-03-22T00:00:00Z' });
    expect(out).toMatchObject([{ path: ['reservedUntil'], code: 'reserved_until_after_last_session' }]);
  });

  it('rejects a late-join cut-off before the first session, or after the last one', () => {
    expect(issues(activityInputSchema, { ...good, lateJoinUntil: '2026-03-01T00:00:00Z' })).toMatchObject([
      { path: ['lateJoinUntil'], code: 'cut_off_before_first_session' },
    ]);
    expect(issues(activityInputSchema, { ...good, lateJoinUntil: '2026-03-22T00:00:00Z' })).toMatchObject([
      { path: ['lateJoinUntil'], code: 'cut_off_after_last_session' },
    ]);
  });

  it('a lottery needs a draw time and a closing moment', () => {
    expect(issues(activityInputSchema, { ...lottery, registration: { ...lottery.registration, drawAt: undefined } })).toMatchObject([
      { path: ['registration', 'drawAt'], code: 'lottery_needs_draw_time' },
    ]);
    expect(issues(activityInputSchema, { ...lottery, registration: { ...lottery.registration, closesAt: null } })).toMatchObject([
      { path: ['registration', 'closesAt'], code: 'lottery_needs_close' },
    ]);
  });

  it('rejects a draw before the window closes, or after the last session', () => {
    expect(issues(activityInputSchema, { ...lottery, registration: { ...lottery.registration, drawAt: '2026-02-14T00:00:00Z' } })).toMatchObject([
      { path: ['registration', 'drawAt'], code: 'draw_before_window_closes' },
    ]);
    // Drawing right when the window closes is fine.
    expect(activityInputSchema.safeParse({ ...lottery, registration: { ...lottery.registration, drawAt: '2026-02-15T00:00:00Z' } }).success).toBe(true);
    expect(issues(activityInputSchema, { ...lottery, registration: { ...lottery.registration, drawAt: '2026-04-01T00:00:00Z' } })).toMatchObject([
      { path: ['registration', 'drawAt'], code: 'draw_after_last_session' },
    ]);
  });

  it('only a lottery has a draw time', () => {
    expect(issues(activityInputSchema, { ...good, registration: { ...good.registration, drawAt: '2026-02-16T12:00:00Z' } })).toMatchObject([
      { path: ['registration', 'drawAt'], code: 'draw_without_lottery' },
    ]);
  });

  it('rejects a window that closes before it opens', () => {
    expect(issues(activityInputSchema, { ...good, registration: { opensAt: '2026-02-01T08:00:00Z', closesAt: '2026-02-01T08:00:00Z' } })).toMatchObject([
      { path: ['registration', 'closesAt'], code: 'window_closes_before_open' },
    ]);
  });

  it('rejects a negative price and a kanspas price above the standard price', () => {
    expect(issues(activityInputSchema, { ...good, priceCents: -100 })).toMatchObject([{ path: ['priceCents'], code: 'too_small' }]);
    expect(issues(activityInputSchema, { ...good, priceCents: 12.5 })).toMatchObject([{ path: ['priceCents'] }]);
    expect(issues(activityInputSchema, { ...good, kanspasCents: -1 })).toMatchObject([{ path: ['kanspasCents'], code: 'too_small' }]);
    expect(issues(activityInputSchema, { ...good, kanspasCents: 4001 })).toMatchObject([{ path: ['kanspasCents'], code: 'kanspas_price_too_high' }]);
  });

  it('rejects a session that ends before it starts, naming that session', () => {
    const sessions = [...good.sessions];
    sessions[1] = { startsAt: '2026-03-14T09:00:00Z', endsAt: '2026-03-14T08:00:00Z' };
    expect(issues(activityInputSchema, { ...good, sessions })).toMatchObject([{ path: ['sessions', 1, 'endsAt'], code: 'session_ends_before_start' }]);
  });

  it('rejects missing sessions, no capacity, times without a zone, and an empty title', () => {
    expect(issues(activityInputSchema, { ...good, sessions: [] })).toMatchObject([{ path: ['sessions'] }]);
    expect(issues(activityInputSchema, { ...good, capacity: 0 })).toMatchObject([{ path: ['capacity'] }]);
    expect(issues(activityInputSchema, { ...good, registration: { opensAt: '2026-02-01 08:00' } })).toMatchObject([{ path: ['registration', 'opensAt'] }]);
    expect(issues(activityInputSchema, { ...good, title: '   ' })).toMatchObject([{ path: ['title'] }]);
  });

  it('reports every problem at once', () => {
    const out = issues(activityInputSchema, { ...good, capacity: 2, reservedPlaces: 3, priceCents: -1, ageMin: 12, ageMax: 6 });
    expect(out.map((i) => i.path.join('.')).sort()).toEqual(['ageMax', 'priceCents', 'reservedPlaces']);
  });

  it('a PATCH may carry any single field', () => {
    expect(activityPatchSchema.safeParse({ capacity: 20 }).success).toBe(true);
    expect(activityPatchSchema.safeParse({ registration: { closesAt: '2026-02-20T00:00:00Z' } }).success).toBe(true);
    expect(activityPatchSchema.safeParse({ capacity: -1 }).success).toBe(false);
  });

  it('reserved places within capacity are accepted, above are refused (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 1000 }), (capacity, reservedPlaces) => {
        const r = activityInputSchema.safeParse({ ...good, capacity, reservedPlaces });
        expect(r.success).toBe(reservedPlaces <= capacity);
      }),
    );
  });
});

describe('activityProblems', () => {
  const parsed = activityFieldsSchema.parse(good);

  it('returns nothing for a good activity', () => {
    expect(activityProblems(parsed)).toEqual([]);
  });

  it('returns the path of the field a person has to change', () => {
    const out = activityProblems({
      ...parsed,
      capacity: 4,
      reservedPlaces: 5,
      ageMin: 10,
      ageMax: 8,
      registration: { ...parsed.registration, closesAt: '2026-01-01T00:00:00Z' },
    });
    expect(out.map((p) => ({ path: p.path, code: p.code }))).toEqual([
      { path: ['reservedPlaces'], code: 'reserved_over_capacity' },
      { path: ['ageMax'], code: 'age_range' },
      { path: ['registration', 'closesAt'], code: 'window_closes_before_open' },
    ]);
    for (const p of out) expect(p.message.length).toBeGreaterThan(0);
  });
});

describe('registrationInputSchema', () => {
  const family: RegistrationInput = {
    children: [{ firstName: 'Amira', birthYear: 2016 }],
    contact: { name: 'Fatima', phone: '0470 12 34 56' },
  };

  it('accepts a family and fills in the defaults', () => {
    const r = registrationInputSchema.safeParse(family);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ kanspas: false, language: 'nl' });
  });

  it('accepts an e-mail instead of a phone, and a kanspas family in Arabic', () => {
    const r = registrationInputSchema.safeParse({ ...family, contact: { name: 'Fatima', email: 'fatima@voorbeeld.be' }, kanspas: true, language: 'ar' });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ kanspas: true, language: 'ar' });
  });

  it('stores a phone typed with Arabic digits as 0–9', () => {
    const r = registrationInputSchema.safeParse({ ...family, contact: { name: 'Fatima', phone: '٠٤٧٠ ١٢ ٣٤ ٥٦' } });
    expect(r.success).toBe(true);
    expect(r.data?.contact.phone).toBe('0470 12 34 56');
  });

  it('rejects a registration without children', () => {
    expect(issues(registrationInputSchema, { ...family, children: [] })).toMatchObject([{ path: ['children'], message: 'Add at least one child.' }]);
  });

  it('rejects more than 8 children in one registration', () => {
    const children = Array.from({ length: 9 }, () => ({ firstName: 'Kind', birthYear: 2016 }));
    expect(issues(registrationInputSchema, { ...family, children })).toMatchObject([{ path: ['children'] }]);
  });

  it('without phone and e-mail asks for one of them, at contact.phone', () => {
    expect(issues(registrationInputSchema, { ...family, contact: { name: 'Fatima' } })).toEqual([
      { path: ['contact', 'phone'], code: 'contact-missing', message: 'Give a phone number or an e-mail address. One is enough.' },
    ]);
    expect(issues(registrationInputSchema, { ...family, contact: { name: 'Fatima', phone: '  ', email: '' } })).toMatchObject([
      { path: ['contact', 'phone'], code: 'contact-missing' },
    ]);
  });

  it('rejects a bad e-mail and a bad phone', () => {
    expect(issues(registrationInputSchema, { ...family, contact: { name: 'Fatima', email: 'fatima@voorbeeld' } })).toMatchObject([
      { path: ['contact', 'email'], code: 'email-format' },
    ]);
    expect(issues(registrationInputSchema, { ...family, contact: { name: 'Fatima', phone: '123' } })).toMatchObject([
      { path: ['contact', 'phone'], code: 'phone-format' },
    ]);
  });

  it('names the child and the contact when a name is missing', () => {
    const out = issues(registrationInputSchema, {
      children: [{ firstName: 'Amira', birthYear: 2016 }, { firstName: ' ', birthYear: 2018 }],
      contact: { name: '', phone: '0470 12 34 56' },
    });
    expect(out.map((i) => ({ path: i.path, code: i.code }))).toEqual([
      { path: ['children', 1, 'firstName'], code: 'required' },
      { path: ['contact', 'name'], code: 'required' },
    ]);
  });

  it('rejects a birth year that is not a whole number, an unknown language and a bad UiTPAS number', () => {
    expect(issues(registrationInputSchema, { ...family, children: [{ firstName: 'Amira', birthYear: 2016.5 }] })).toMatchObject([
      { path: ['children', 0, 'birthYear'] },
    ]);
    expect(issues(registrationInputSchema, { ...family, language: 'de' })).toMatchObject([{ path: ['language'] }]);
    expect(issues(registrationInputSchema, { ...family, uitpasNumber: '12345' })).toMatchObject([{ path: ['uitpasNumber'] }]);
    expect(registrationInputSchema.safeParse({ ...family, uitpasNumber: '1234567890123' }).success).toBe(true);
  });
});

describe('registrationClockProblems', () => {
  const now = new Date('2026-05-10T10:00:00Z');

  it('flags a birth year in the future at children.N.birthYear', () => {
    const out = registrationClockProblems({ children: [{ birthYear: 2016 }, { birthYear: 2027 }] }, now);
    expect(out).toEqual([{ path: ['children', 1, 'birthYear'], code: 'year-in-future', message: 'The birth year cannot be in the future.' }]);
  });

  it('flags the first child too', () => {
    expect(registrationClockProblems({ children: [{ birthYear: 2030 }] }, now)).toMatchObject([{ path: ['children', 0, 'birthYear'], code: 'year-in-future' }]);
    expect(registrationClockProblems({ children: [{ birthYear: 2030 }] }, now)[0]!.path.join('.')).toBe('children.0.birthYear');
  });

  it('flags a year too long ago', () => {
    expect(registrationClockProblems({ children: [{ birthYear: 1980 }] }, now)).toMatchObject([{ path: ['children', 0, 'birthYear'], code: 'year-too-old' }]);
  });

  it('is empty for children born in the last 25 years', () => {
    expect(registrationClockProblems({ children: [{ birthYear: 2016 }, { birthYear: 2026 }, { birthYear: 2001 }] }, now)).toEqual([]);
  });
});

describe('organisations', () => {
  it('accepts an organisation and rejects a bad slug', () => {
    expect(organisationInputSchema.safeParse({ slug: 'zwemclub-kortrijk', name: 'Zwemclub Kortrijk', phone: '056 12 34 56' }).success).toBe(true);
    expect(organisationInputSchema.safeParse({ slug: 'Zwemclub Kortrijk', name: 'Zwemclub', phone: '056 12 34 56' }).success).toBe(false);
    expect(organisationInputSchema.safeParse({ slug: 'club-', name: 'Zwemclub', phone: '056 12 34 56' }).success).toBe(false);
  });

  it('an allowed origin is a scheme and a host only', () => {
    expect(originSchema.safeParse('https://www.club.be').success).toBe(true);
    expect(originSchema.safeParse('http://localhost:8080').success).toBe(true);
    expect(originSchema.safeParse('https://www.club.be/inschrijven').success).toBe(false);
    expect(originSchema.safeParse('ftp://club.be').success).toBe(false);
    expect(originSchema.safeParse('www.club.be').success).toBe(false);
  });

  // Families see the organisation's number on every screen, so it cannot be empty.
  it('an organisation needs a phone number families can call', () => {
    expect(organisationInputSchema.safeParse({ slug: 'club', name: 'Club', phone: '' }).success).toBe(false);
  });
});
