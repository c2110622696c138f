import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epcPayload, formatOgm, isPastDue, mayAutoCancel, normaliseOgm, notHeldCents, ogmCheck, ogmFromNumber, paymentState, planProblem, planProgress } from './payments.js';
import { priceFor } from './pricing.js';

describe('structured communication (OGM/VCS)', () => {
  it('checks with mod 97, and 97 when the remainder is 0', () => {
    expect(ogmCheck('1234567890')).toBe(String(1234567890 % 97).padStart(2, '0'));
    expect(ogmFromNumber(0)).toBe('+++000/0000/00097+++');
    expect(ogmFromNumber(97)).toBe('+++000/0000/09797+++');
    expect(ogmFromNumber(1)).toBe('+++000/0000/00101+++');
  });

  it('reads the forms families and banks write, and refuses a wrong check', () => {
    const digits = '090933755493';
    for (const v of ['+++090/9337/55493+++', '***090/9337/55493***', '090/9337/55493', '090933755493', ' 090 9337 55493 ', '090.9337.55493'])
      expect(normaliseOgm(v), v).toBe(digits);
    for (const v of ['+++090/9337/55494+++', '+++090/9337/55493***', '09093375549', '0909337554930', 'RF18539007547034', '', '+++abc/defg/hijkl+++', 'x'.repeat(100)])
      expect(normaliseOgm(v), v).toBeNull();
  });

  it('round-trips every base', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (n) => {
        const ogm = ogmFromNumber(n);
        expect(ogm).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
        expect(formatOgm(normaliseOgm(ogm)!)).toBe(ogm);
      }),
    );
    expect(() => ogmFromNumber(10_000_000_000)).toThrow(RangeError);
    expect(() => ogmFromNumber(-1)).toThrow(RangeError);
  });
});

describe('EPC069-12 QR payload', () => {
  const base = { iban: 'BE68 5390 0754 7034', beneficiary: 'Sportdienst Kortrijk', amountCents: 960, reference: '+++090/9337/55493+++' };

  it('has the lines of version 002, the OGM in the remittance line', () => {
    expect(epcPayload({ ...base, bic: 'gkcc bebb' }).split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'GKCCBEBB',
      'Sportdienst Kortrijk',
      'BE68539007547034',
      'EUR9.60',
      '',
      '',
      '+++090/9337/55493+++',
    ]);
  });

  it('leaves the BIC empty when not given, cuts the name at 70 and writes two decimals', () => {
    const lines = epcPayload({ ...base, beneficiary: 'A'.repeat(90), amountCents: 6000 }).split('\n');
    expect(lines[4]).toBe('');
    expect(lines[5]).toHaveLength(70);
    expect(lines[7]).toBe('EUR60.00');
    expect(epcPayload({ ...base, amountCents: 1 }).split('\n')[7]).toBe('EUR0.01');
  });

  it('refuses amounts it cannot carry and a bad reference', () => {
    for (const amountCents of [0, -5, 1.5, Number.NaN, 100_000_000_000]) expect(() => epcPayload({ ...base, amountCents })).toThrow(RangeError);
    expect(() => epcPayload({ ...base, reference: '+++090/9337/55494+++' })).toThrow(RangeError);
  });

  it('stays within the 331 bytes a payload may have', () => {
    const p = epcPayload({ ...base, bic: 'GKCCBEBBXXX', beneficiary: 'é'.repeat(70), amountCents: 99_999_999_999 });
    expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(331);
  });
});

describe('payment status', () => {
  const f = { priceCents: 6000, paidCents: 0, refundedCents: 0, waived: false };

  it('owes nothing while the family waits', () => {
    for (const registrationStatus of ['lottery', 'waitlisted', 'offered'] as const) {
      expect(paymentState({ ...f, registrationStatus })).toMatchObject({ status: 'not-due', amountCents: 0, leftCents: 0 });
    }
  });

  it('goes open, partly paid, paid; waived only covers what is left', () => {
    expect(paymentState({ ...f, registrationStatus: 'confirmed' })).toMatchObject({ status: 'open', amountCents: 6000, leftCents: 6000 });
    expect(paymentState({ ...f, registrationStatus: 'confirmed', paidCents: 2000 })).toMatchObject({ status: 'partly-paid', leftCents: 4000 });
    expect(paymentState({ ...f, registrationStatus: 'confirmed', paidCents: 6000 })).toMatchObject({ status: 'paid', leftCents: 0 });
    expect(paymentState({ ...f, registrationStatus: 'confirmed', paidCents: 2000, waived: true })).toMatchObject({ status: 'waived', leftCents: 0, paidCents: 2000 });
    expect(paymentState({ ...f, registrationStatus: 'confirmed', priceCents: 0 })).toMatchObject({ status: 'not-due' });
  });

  it('after a cancellation gives back what paid for sessions not held, then is refunded', () => {
    const cancelled = { ...f, registrationStatus: 'cancelled' as const, notHeldCents: 3000 };
    expect(paymentState({ ...cancelled })).toMatchObject({ status: 'not-due', refundCents: 0 });
    expect(paymentState({ ...cancelled, paidCents: 6000 })).toMatchObject({ status: 'refund-due', refundCents: 3000 });
    // Paid less than the sessions held: nothing goes back.
    expect(paymentState({ ...cancelled, paidCents: 2000 })).toMatchObject({ status: 'not-due', refundCents: 0 });
    expect(paymentState({ ...cancelled, paidCents: 6000, refundedCents: 3000 })).toMatchObject({ status: 'refunded', refundCents: 0 });
    expect(paymentState({ ...cancelled, paidCents: 6000, refundedCents: 1000 })).toMatchObject({ status: 'refund-due', refundCents: 2000 });
  });
});

describe('refund after a cancellation: the sessions rule of late joiners', () => {
  const week = (i: number) => ({ startsAt: new Date(Date.UTC(2026, 3, 1 + 7 * i, 14)).toISOString() });
  const sessions = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(week);

  it('before the start: all of it; after 4 of 10 sessions: 6/10; after the last: nothing', () => {
    expect(notHeldCents({ priceCents: 6000, sessions, sessionsCounted: 10, cancelledAt: new Date('2026-03-01T00:00:00Z') })).toBe(6000);
    expect(notHeldCents({ priceCents: 6000, sessions, sessionsCounted: 10, cancelledAt: new Date(Date.parse(sessions[3]!.startsAt) + 3600_000) })).toBe(3600);
    expect(notHeldCents({ priceCents: 6000, sessions, sessionsCounted: 10, cancelledAt: new Date('2026-07-01T00:00:00Z') })).toBe(0);
  });

  it('a late joiner who paid for 5 sessions and cancels after 2 of them gets 3/5 back, rounded for the family', () => {
    const joined = new Date(Date.parse(sessions[4]!.startsAt) + 1);
    const price = priceFor({ standardCents: 5999, charter: { kanspasDiscountPercent: 80, siblingDiscountPercent: 0 }, kanspas: false, children: 1, sessions, now: joined });
    expect(price.sessionsCounted).toBe(5);
    const cancelledAt = new Date(Date.parse(sessions[6]!.startsAt) + 1);
    expect(notHeldCents({ priceCents: price.totalCents, sessions, sessionsCounted: price.sessionsCounted, cancelledAt })).toBe(Math.ceil((price.totalCents * 3) / 5));
  });

  it('a single event: all before it starts, nothing after; no sessions: all', () => {
    expect(notHeldCents({ priceCents: 800, sessions: [week(0)], sessionsCounted: 1, cancelledAt: new Date('2026-03-01T00:00:00Z') })).toBe(800);
    expect(notHeldCents({ priceCents: 800, sessions: [week(0)], sessionsCounted: 1, cancelledAt: new Date('2026-05-01T00:00:00Z') })).toBe(0);
    expect(notHeldCents({ priceCents: 800, sessions: [], sessionsCounted: 0, cancelledAt: new Date('2026-05-01T00:00:00Z') })).toBe(800);
  });
});

describe('instalments, past due and cancellation', () => {
  const now = new Date('2026-04-01T10:00:00Z');
  const plan = [
    { dueAt: '2026-04-15T10:00:00Z', amountCents: 3000 },
    { dueAt: '2026-05-15T10:00:00Z', amountCents: 3000 },
  ];

  it('a plan adds up to what is left, on dates in order, none past', () => {
    expect(planProblem(plan, 6000, now)).toBeNull();
    expect(planProblem(plan, 5000, now)).toBe('plan_sum_mismatch');
    expect(planProblem([plan[1]!, plan[0]!], 6000, now)).toBe('plan_dates_order');
    expect(planProblem([{ dueAt: '2026-03-01T10:00:00Z', amountCents: 6000 }], 6000, now)).toBe('plan_date_past');
    expect(planProblem([{ dueAt: '2026-05-01T10:00:00Z', amountCents: 0 }], 0, now)).toBe('plan_amount');
    expect(planProblem([], 6000, now)).toBeNull();
  });

  it('marks parts paid oldest first', () => {
    expect(planProgress(plan, 3500, now).parts.map((p) => p.paid)).toEqual([true, false]);
  });

  it('is past due after the due date, or when a plan part was missed', () => {
    const open = paymentState({ registrationStatus: 'confirmed', priceCents: 6000, paidCents: 0, refundedCents: 0, waived: false });
    expect(isPastDue({ state: open, dueAt: new Date('2026-03-31T10:00:00Z'), now })).toBe(true);
    expect(isPastDue({ state: open, dueAt: new Date('2026-04-02T10:00:00Z'), now })).toBe(false);
    expect(isPastDue({ state: open, dueAt: new Date('2026-03-01T10:00:00Z'), plan, paidTowardPlanCents: 0, now })).toBe(false);
    expect(isPastDue({ state: open, dueAt: null, plan, paidTowardPlanCents: 0, now: new Date('2026-04-16T10:00:00Z') })).toBe(true);
    const paid = paymentState({ registrationStatus: 'confirmed', priceCents: 6000, paidCents: 6000, refundedCents: 0, waived: false });
    expect(isPastDue({ state: paid, dueAt: new Date('2026-03-01T10:00:00Z'), now })).toBe(false);
  });

  it('cancels only when turned on, still past due, after a call was made and its days passed', () => {
    const calledAt = new Date('2026-04-01T10:00:00Z');
    const later = new Date('2026-04-16T10:00:00Z');
    expect(mayAutoCancel({ enabled: false, daysAfterCall: 14, pastDue: true, calledAt, now: later })).toBe(false);
    expect(mayAutoCancel({ enabled: true, daysAfterCall: 14, pastDue: true, calledAt: null, now: later })).toBe(false);
    expect(mayAutoCancel({ enabled: true, daysAfterCall: 14, pastDue: false, calledAt, now: later })).toBe(false);
    expect(mayAutoCancel({ enabled: true, daysAfterCall: 14, pastDue: true, calledAt, now: new Date('2026-04-10T10:00:00Z') })).toBe(false);
    expect(mayAutoCancel({ enabled: true, daysAfterCall: 14, pastDue: true, calledAt, now: later })).toBe(true);
  });
});
