/**
 * Money through the API as families and staff meet it: every registration carries its payment,
 * the settings are checked, staff record, waive, plan and refund, the call list hears of payments
 * past due, and nothing books twice. Attack tests sit beside the feature tests.
 */
import { normaliseOgm } from '@instap/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from './demo.js';
import { paymentEntries, paymentSettings } from './db/schema-payments.js';
import { bookPayment, findByReference } from './services/payments.js';
import { tick } from './services/scheduler.js';
import { secretKeyFrom } from './services/secrets.js';
import { browser } from './testing/browser.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

const DAY = 86_400_000;
const IBAN = 'BE68 5390 0754 7034';
const MOLLIE_TEST_KEY = 'test_' + 'a1B2c3D4e5'.repeat(3);
const transferSettings = { methods: ['desk', 'transfer'], iban: IBAN, beneficiary: 'Zwemclub Test vzw', dueDays: 14, deskInfo: 'Ma–vr 9–12 u, onthaal zwembad' };

describe.each(engines())('payments on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine, '2026-03-01T09:00:00Z', { secretKey: secretKeyFrom('a passphrase only the server knows') });
  });
  afterAll(() => t?.close());

  const register = async (id: string, over: Record<string, unknown> = {}) => {
    const r = await t.call('POST', `/activities/${id}/registrations`, family(over));
    expect(r.status, r.text).toBe(201);
    return r.json;
  };
  const record = (id: string, body: unknown, headers: Record<string, string> = {}) => t.admin('POST', `/registrations/${id}/payments`, body, headers);

  it('an organisation without settings takes the desk: a confirmed family owes the price by the due date, with a valid structured communication', async () => {
    const { id } = await setupActivity(t);
    const r = await register(id);
    expect(r.payment).toMatchObject({ status: 'open', amountCents: 4000, paidCents: 0, methods: ['desk'], dueAt: new Date(Date.parse('2026-03-01T09:00:00Z') + 14 * DAY).toISOString(), waived: false });
    expect(r.payment.desk).toEqual({ text: null, phone: '056 11 22 33' });
    expect(r.payment.hardship.text).toContain('we zoeken samen een oplossing');
    expect(r.payment.transfer).toBeUndefined();
    expect(r.payment.onlineUrl).toBeUndefined();
    expect(normaliseOgm(r.payment.reference)).not.toBeNull();
    const view = await t.call('GET', `/registrations/${r.token}`);
    expect(view.json.payment).toEqual(r.payment);
    const other = await register(id, { contact: { name: 'Sam', phone: '0470 99 88 77' } });
    expect(other.payment.reference).not.toBe(r.payment.reference);
  });

  it('a waiting family owes nothing, and owes the price from the moment its offer is accepted', async () => {
    const { id } = await setupActivity(t, { capacity: 1 });
    const first = await register(id, { contact: { name: 'Eerste', phone: '0470 11 11 11', email: 'eerste@voorbeeld.be' } });
    const waiting = await register(id, { contact: { name: 'Wachtend', phone: '0470 22 22 22', email: 'wacht@voorbeeld.be' } });
    expect(waiting.status).toBe('waitlisted');
    expect(waiting.payment).toMatchObject({ status: 'not-due', amountCents: 0, dueAt: null });
    expect(waiting.payment.transfer).toBeUndefined();
    t.time.advance(DAY);
    await t.call('POST', `/registrations/${first.token}/cancel`);
    const offered = (await t.call('GET', `/registrations/${waiting.token}`)).json;
    expect([offered.status, offered.payment.status]).toEqual(['offered', 'not-due']);
    t.time.advance(3600_000);
    const accepted = await t.call('POST', `/offers/${offered.offer.token}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json.payment).toMatchObject({ status: 'open', amountCents: 4000, dueAt: new Date(t.time.clock().getTime() + 14 * DAY).toISOString() });
  });

  it('a lottery entry is not due until the draw gives it a place', async () => {
    const { id } = await setupActivity(t, { registration: { opensAt: '2026-02-01T08:00:00Z', closesAt: '2026-03-10T08:00:00Z', mode: 'lottery', drawAt: '2026-03-11T08:00:00Z' } });
    const r = await register(id);
    expect([r.status, r.payment.status, r.payment.dueAt]).toEqual(['lottery', 'not-due', null]);
  });

  describe('settings', () => {
    it('refuses an IBAN that fails its check, a bad BIC, transfers without a name, and a Mollie key of the wrong shape', async () => {
      const { slug } = await setupActivity(t);
      const put = (body: unknown) => t.admin('PUT', `/organisations/${slug}/payments`, body);
      const codes = async (body: unknown) => {
        const r = await put(body);
        expect(r.status, r.text).toBe(422);
        return r.json.error.issues.map((i: { code: string }) => i.code);
      };
      expect(await codes({ ...transferSettings, iban: 'BE68 5390 0754 7035' })).toEqual(['iban_invalid']);
      expect(await codes({ ...transferSettings, iban: 'not an iban' })).toEqual(['iban_invalid']);
      expect(await codes({ ...transferSettings, iban: undefined })).toEqual(['iban_required']);
      expect(await codes({ ...transferSettings, beneficiary: '  ' })).toEqual(['beneficiary_required']);
      expect(await codes({ ...transferSettings, bic: 'NOTABIC!' })).toEqual(['bic_invalid']);
      expect(await codes({ methods: ['desk', 'online'], mollieApiKey: 'test_short' })).toEqual(['mollie_key_format']);
      expect(await codes({ methods: ['desk', 'online'], mollieApiKey: 'prod_' + 'a'.repeat(30) })).toEqual(['mollie_key_format']);
      expect(await codes({ methods: ['desk', 'online'] })).toEqual(['mollie_key_required']);
      expect((await put({ methods: [] })).status).toBe(422);
      expect((await put({ methods: ['desk'], dueDays: -1 })).status).toBe(422);
      expect((await put({ methods: ['desk'], dueDays: 1.5 })).status).toBe(422);
      // Nothing was half-written.
      expect((await t.admin('GET', `/organisations/${slug}/payments`)).json).toMatchObject({ configured: false, methods: ['desk'] });
    });

    it('keeps the Mollie key sealed and never shows it; transfer details and an EPC payload reach the family', async () => {
      const { slug, id } = await setupActivity(t);
      const saved = await t.admin('PUT', `/organisations/${slug}/payments`, { ...transferSettings, methods: ['desk', 'transfer', 'online'], bic: 'gkccbebb', mollieApiKey: MOLLIE_TEST_KEY });
      expect(saved.status, saved.text).toBe(200);
      expect(saved.json).toMatchObject({ configured: true, iban: IBAN, bic: 'GKCCBEBB', mollie: { set: true, mode: 'test' }, autoCancel: { enabled: false } });
      expect(saved.text).not.toContain(MOLLIE_TEST_KEY);
      const [row] = await t.db.select().from(paymentSettings);
      expect(row!.mollieApiKey).toMatch(/^sealed:v1:/);
      // Saving again without a key keeps the stored key.
      const again = await t.admin('PUT', `/organisations/${slug}/payments`, { ...transferSettings, methods: ['desk', 'transfer', 'online'], bic: 'GKCCBEBB' });
      expect(again.json.mollie).toEqual({ set: true, mode: 'test' });

      const r = await register(id);
      expect(r.payment.methods).toEqual(['desk', 'transfer', 'online']);
      expect(r.payment.transfer).toMatchObject({ iban: IBAN, bic: 'GKCCBEBB', beneficiary: 'Zwemclub Test vzw', amountCents: 4000, reference: r.payment.reference });
      expect(r.payment.transfer.epc.split('\n')).toEqual(['BCD', '002', '1', 'SCT', 'GKCCBEBB', 'Zwemclub Test vzw', 'BE68539007547034', 'EUR40.00', '', '', r.payment.reference]);
      expect(r.payment.onlineUrl).toBe(`http://instap.test/api/v1/registrations/${r.token}/payments`);
      expect(r.payment.desk.text).toBe('Ma–vr 9–12 u, onthaal zwembad');
    });

    it('refuses to store a Mollie key when the server has no secret key', async () => {
      const plain = await testApp(engine);
      try {
        const { slug } = await setupActivity(plain);
        const r = await plain.admin('PUT', `/organisations/${slug}/payments`, { methods: ['desk', 'online'], mollieApiKey: MOLLIE_TEST_KEY });
        expect([r.status, r.json.error.code]).toEqual([409, 'secret_key_not_configured']);
      } finally {
        await plain.close();
      }
    });

    it('is for organisation and city admins: staff may read but not change, other organisations see nothing', async () => {
      const a = await setupActivity(t);
      const b = await setupActivity(t);
      const mk = async (role: string, email: string, org: string) => {
        const made = await t.admin('POST', '/users', { email, name: email.split('@')[0], role, organisation: org, password: 'een lang wachtwoord' });
        expect(made.status, made.text).toBe(201);
        const br = browser(t.app);
        await br.signIn(email, 'een lang wachtwoord');
        return br;
      };
      const staff = await mk('organisation-staff', `staff-${a.slug}@voorbeeld.be`, a.slug);
      const admin = await mk('organisation-admin', `admin-${a.slug}@voorbeeld.be`, a.slug);
      expect((await staff.call('GET', `/admin/organisations/${a.slug}/payments`)).status).toBe(200);
      expect((await staff.write('PUT', `/admin/organisations/${a.slug}/payments`, transferSettings)).status).toBe(403);
      expect((await admin.write('PUT', `/admin/organisations/${a.slug}/payments`, transferSettings)).status).toBe(200);
      expect((await admin.write('PUT', `/admin/organisations/${b.slug}/payments`, transferSettings)).status).toBe(404);
      // Staff record payments (daily work), but only for their own organisation.
      const ra = await register(a.id);
      const rb = await register(b.id);
      expect((await staff.write('POST', `/admin/registrations/${ra.id}/payments`, { amountCents: 1000, method: 'desk' })).status).toBe(201);
      const foreign = await staff.write('POST', `/admin/registrations/${rb.id}/payments`, { amountCents: 1000, method: 'desk' });
      expect(foreign.status).toBe(404);
      expect(foreign.text).not.toContain(rb.payment.reference);
      expect((await t.admin('GET', `/registrations/${rb.id}/payments`)).json.entries).toEqual([]);
    });
  });

  describe('staff', () => {
    it('records a payment once per Idempotency-Key, refuses more than is due and amounts that are not whole cents', async () => {
      const { id } = await setupActivity(t);
      const r = await register(id);
      const first = await record(r.id, { amountCents: 1500, method: 'desk', note: 'Cash aan het onthaal' }, { 'idempotency-key': 'desk-1' });
      expect(first.status, first.text).toBe(201);
      expect(first.json.payment).toMatchObject({ status: 'partly-paid', paidCents: 1500 });
      const replay = await record(r.id, { amountCents: 1500, method: 'desk', note: 'Cash aan het onthaal' }, { 'idempotency-key': 'desk-1' });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect((await t.admin('GET', `/registrations/${r.id}/payments`)).json.entries).toHaveLength(1);

      const over = await record(r.id, { amountCents: 2501, method: 'third-party' });
      expect([over.status, over.json.error.code]).toEqual([409, 'payment_exceeds_due']);
      for (const amountCents of [Number.NaN, -100, 0, 10.5, '1000', null, 1e12]) {
        const bad = await record(r.id, { amountCents, method: 'desk' });
        expect(bad.status, `${amountCents}`).toBe(422);
      }
      expect((await t.call('POST', `/admin/registrations/${r.id}/payments`, '{"amountCents": NaN, "method": "desk"}', { authorization: 'Bearer test-city-admin-token-0123456789', 'content-type': 'application/json' })).status).toBe(400);
      expect((await record(r.id, { amountCents: 100, method: 'online' })).status).toBe(422);
      expect((await record(r.id, { amountCents: 100, method: 'waiver' })).status).toBe(422);
      expect((await record('00000000-0000-4000-8000-000000000000', { amountCents: 100, method: 'desk' })).status).toBe(404);
      expect((await record('not-a-uuid', { amountCents: 100, method: 'desk' })).status).toBe(404);

      const rest = await record(r.id, { amountCents: 2500, method: 'third-party', note: 'OCMW Kortrijk' });
      expect(rest.json.payment).toMatchObject({ status: 'paid', paidCents: 4000 });
      expect(rest.json.payment.transfer).toBeUndefined();
      const entries = (await t.admin('GET', `/registrations/${r.id}/payments`)).json.entries;
      expect(entries.map((e: { method: string; amountCents: number }) => [e.method, e.amountCents])).toEqual([['desk', 1500], ['third-party', 2500]]);
    });

    it('refuses money for a family that is still waiting', async () => {
      const { id } = await setupActivity(t, { capacity: 1 });
      await register(id);
      const waiting = await register(id, { contact: { name: 'Wacht', phone: '0470 33 33 33' } });
      const r = await record(waiting.id, { amountCents: 100, method: 'desk' });
      expect([r.status, r.json.error.code]).toEqual([409, 'payment_exceeds_due']);
    });

    it('books the same external id exactly once, also when two bookings run at the same time', async () => {
      const { id } = await setupActivity(t);
      const r = await register(id);
      const book = () => t.db.transaction((tx) => bookPayment(tx, { registrationId: r.id, amountCents: 4000, method: 'online', source: 'mollie', externalId: 'tr_WDqYK6vllg', at: t.time.clock() }));
      const results = await Promise.all([book(), book(), book()]);
      expect(results.filter((x) => x.booked)).toHaveLength(1);
      expect(results.filter((x) => !x.booked).map((x) => !x.booked && x.reason)).toEqual(['already_booked', 'already_booked']);
      expect(await t.db.select().from(paymentEntries).where(eq(paymentEntries.registrationId, r.id))).toHaveLength(1);
      // Two different bank transactions for one registration: the second finds nothing left to pay.
      const other = t.db.transaction((tx) => bookPayment(tx, { registrationId: r.id, amountCents: 4000, method: 'transfer', source: 'camt', externalId: 'bank-1', at: t.time.clock() }));
      await expect(other).rejects.toMatchObject({ code: 'payment_exceeds_due' });
      const found = await findByReference(t.db, r.payment.reference.replace(/\+/g, '*'));
      expect(found?.registration.id).toBe(r.id);
      expect(await findByReference(t.db, '+++000/0000/00097+++')).toBeNull();
      expect(await findByReference(t.db, 'nonsense')).toBeNull();
    });

    it('waives what is left, and splits it in instalments that must add up', async () => {
      const { id } = await setupActivity(t);
      const a = await register(id);
      await record(a.id, { amountCents: 1000, method: 'desk' });
      expect((await t.admin('POST', `/registrations/${a.id}/payments/waive`, { note: '' })).status).toBe(422);
      const waived = await t.admin('POST', `/registrations/${a.id}/payments/waive`, { note: 'Afgesproken met de maatschappelijk werker' });
      expect(waived.json.payment).toMatchObject({ status: 'waived', paidCents: 1000, waived: true });
      expect((await t.admin('POST', `/registrations/${a.id}/payments/waive`, { note: 'Nog eens' })).json.error.code).toBe('nothing_to_waive');

      const b = await register(id, { contact: { name: 'Plan', phone: '0470 44 44 44' } });
      const plan = (instalments: unknown) => t.admin('PUT', `/registrations/${b.id}/payments/plan`, { instalments });
      expect((await plan([{ dueAt: '2026-03-15T10:00:00Z', amountCents: 2000 }])).json.error.code).toBe('plan_sum_mismatch');
      expect((await plan([{ dueAt: '2026-02-15T10:00:00Z', amountCents: 4000 }])).json.error.code).toBe('plan_date_past');
      expect((await plan([{ dueAt: '2026-04-15T10:00:00Z', amountCents: 2000 }, { dueAt: '2026-03-15T10:00:00Z', amountCents: 2000 }])).json.error.code).toBe('plan_dates_order');
      expect((await plan([{ dueAt: '2026-03-15T10:00:00Z', amountCents: -1 }])).status).toBe(422);
      const ok = await plan([{ dueAt: '2026-03-15T10:00:00Z', amountCents: 2000 }, { dueAt: '2026-04-15T10:00:00Z', amountCents: 2000 }]);
      expect(ok.status, ok.text).toBe(200);
      expect(ok.json.payment.instalments).toEqual([{ dueAt: '2026-03-15T10:00:00Z', amountCents: 2000, paid: false }, { dueAt: '2026-04-15T10:00:00Z', amountCents: 2000, paid: false }]);
      expect(ok.json.payment.dueAt).toBe('2026-03-15T10:00:00Z');
      const part = await record(b.id, { amountCents: 2000, method: 'desk' });
      expect(part.json.payment.instalments.map((p: { paid: boolean }) => p.paid)).toEqual([true, false]);
      expect(part.json.payment.dueAt).toBe('2026-04-15T10:00:00Z');
    });

    it('after a cancellation, gives back only the sessions not yet held, and staff mark it refunded', async () => {
      const { id } = await setupActivity(t);
      const r = await register(id);
      await record(r.id, { amountCents: 4000, method: 'desk' });
      expect((await t.admin('POST', `/registrations/${r.id}/payments/refund`, {})).json.error.code).toBe('no_refund_due');
      t.time.set('2026-04-02T09:00:00Z'); // the first of two sessions was held
      await t.call('POST', `/registrations/${r.token}/cancel`);
      const view = (await t.call('GET', `/registrations/${r.token}`)).json.payment;
      expect(view).toMatchObject({ status: 'refund-due', refundCents: 2000, paidCents: 4000 });
      expect((await t.admin('POST', `/registrations/${r.id}/payments/refund`, { amountCents: 2001 })).json.error.code).toBe('refund_exceeds_due');
      const done = await t.admin('POST', `/registrations/${r.id}/payments/refund`, { note: 'Teruggestort' });
      expect(done.json.payment).toMatchObject({ status: 'refunded', paidCents: 2000 });
      expect(done.json.entries.at(-1)).toMatchObject({ method: 'refund', amountCents: -2000 });
      t.time.set('2026-03-01T09:00:00Z');
    });

    it('shows an activity its payments: totals and per registration, and the list and CSV carry the payment', async () => {
      const { id } = await setupActivity(t, { capacity: 2 });
      const a = await register(id);
      const b = await register(id, { contact: { name: 'Tweede', phone: '0470 55 55 55' } });
      await register(id, { contact: { name: 'Derde', phone: '0470 66 66 66' } });
      await record(a.id, { amountCents: 4000, method: 'desk' });
      await record(b.id, { amountCents: 1000, method: 'desk' });
      const view = await t.admin('GET', `/activities/${id}/payments`);
      expect(view.status, view.text).toBe(200);
      expect(view.json.totals).toMatchObject({ dueCents: 8000, paidCents: 5000, openCents: 3000, pastDueCents: 0, refundDueCents: 0 });
      expect(view.json.totals.counts).toMatchObject({ paid: 1, 'partly-paid': 1, 'not-due': 1 });
      expect(view.json.registrations.map((x: { payment: { status: string } }) => x.payment.status)).toEqual(['paid', 'partly-paid', 'not-due']);

      const list = await t.admin('GET', `/activities/${id}/registrations`);
      expect(list.json.registrations[1].payment).toMatchObject({ status: 'partly-paid', paidCents: 1000, reference: b.payment.reference });
      const csv = await t.admin('GET', `/activities/${id}/registrations?format=csv`);
      const [header, first] = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/);
      expect(header).toContain('payment_status,payment_amount_eur,payment_paid_eur,payment_due_at,payment_reference');
      // A cell starting with + is kept as text in a spreadsheet (csv.ts), so the reference shows as typed.
      expect(first).toContain(`paid,40.00,40.00,2026-03-15T09:00:00.000Z,'${a.payment.reference}`);
    });
  });

  it('the demo club takes the desk and transfers with a valid IBAN, online off until it enters its own Mollie key', async () => {
    const ids = await seedDemo(t.db, t.time.clock());
    const settings = (await t.admin('GET', '/organisations/demo/payments')).json;
    expect(settings).toMatchObject({ configured: true, methods: ['desk', 'transfer', 'third-party'], iban: IBAN, mollie: { set: false } });
    const drums = (await t.admin('GET', `/activities/${ids!.activities.drums}/payments`)).json;
    expect(drums.totals.counts).toMatchObject({ paid: 2, 'partly-paid': 1, open: 4 });
    expect(drums.registrations[4].payment.transfer.epc).toContain('BE68539007547034');
  });

  describe('past due', () => {
    const calls = async (slug: string) => ((await t.admin('GET', `/organisations/${slug}/call-list`)).json.calls as { id: string; kind: string; text: string; registrationId: string }[]).filter((c) => c.kind === 'payment-overdue');

    it('goes on the call list with words to say, and leaves it when the family pays', async () => {
      t.time.set('2026-03-01T09:00:00Z');
      const { id, slug } = await setupActivity(t);
      const r = await register(id, { contact: { name: 'Fatima', phone: '0470 12 34 56', email: 'fatima@voorbeeld.be' } });
      await tick(t.db, t.time.clock(), 'http://instap.test');
      expect(await calls(slug)).toEqual([]);
      t.time.advance(15 * DAY);
      await tick(t.db, t.time.clock(), 'http://instap.test');
      await tick(t.db, t.time.clock(), 'http://instap.test');
      const list = await calls(slug);
      expect(list).toHaveLength(1);
      expect(list[0]!.registrationId).toBe(r.id);
      expect(list[0]!.text).toContain('Bel Fatima op 0470 12 34 56');
      expect(list[0]!.text).toMatch(/€\s40/);
      expect(list[0]!.text).toContain('we samen een oplossing');
      // An agreement to pay in parts takes the call off the list; a missed part puts it back.
      const inParts = [{ dueAt: new Date(t.time.clock().getTime() + 7 * DAY).toISOString(), amountCents: 2000 }, { dueAt: new Date(t.time.clock().getTime() + 37 * DAY).toISOString(), amountCents: 2000 }];
      expect((await t.admin('PUT', `/registrations/${r.id}/payments/plan`, { instalments: inParts })).status).toBe(200);
      await tick(t.db, t.time.clock(), 'http://instap.test');
      expect(await calls(slug)).toEqual([]);
      t.time.advance(8 * DAY);
      await tick(t.db, t.time.clock(), 'http://instap.test');
      expect(await calls(slug)).toHaveLength(1);
      await record(r.id, { amountCents: 4000, method: 'desk' });
      await tick(t.db, t.time.clock(), 'http://instap.test');
      expect(await calls(slug)).toEqual([]);
      t.time.set('2026-03-01T09:00:00Z');
    });

    it('never cancels by itself unless the organisation turned it on, and then only after the call was made', async () => {
      t.time.set('2026-03-01T09:00:00Z');
      const off = await setupActivity(t);
      const on = await setupActivity(t);
      await t.admin('PUT', `/organisations/${on.slug}/payments`, { methods: ['desk'], dueDays: 7, autoCancel: { enabled: true, daysAfterCall: 10 } });
      const rOff = await register(off.id);
      const rOn = await register(on.id);
      t.time.advance(20 * DAY);
      await tick(t.db, t.time.clock(), 'http://instap.test');
      const [callOn] = await calls(on.slug);
      const [callOff] = await calls(off.slug);
      expect(callOn!.text).toContain('10 dagen na dit gesprek');
      // Not called yet: weeks pass, nobody is cancelled.
      t.time.advance(30 * DAY);
      await tick(t.db, t.time.clock(), 'http://instap.test');
      expect((await t.call('GET', `/registrations/${rOn.token}`)).json.status).toBe('confirmed');
      await t.admin('POST', `/messages/${callOn!.id}/called`);
      await t.admin('POST', `/messages/${callOff!.id}/called`);
      t.time.advance(9 * DAY);
      await tick(t.db, t.time.clock(), 'http://instap.test');
      expect((await t.call('GET', `/registrations/${rOn.token}`)).json.status).toBe('confirmed');
      t.time.advance(2 * DAY);
      await tick(t.db, t.time.clock(), 'http://instap.test');
      expect((await t.call('GET', `/registrations/${rOn.token}`)).json.status).toBe('cancelled');
      expect((await t.call('GET', `/registrations/${rOff.token}`)).json.status).toBe('confirmed');
      t.time.set('2026-03-01T09:00:00Z');
    });
  });
});
