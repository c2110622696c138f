import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registrationChildren } from './db/schema.js';
import { uitpasSales } from './db/schema-uitpas.js';
import { applyRetention } from './services/retention.js';
import { secretKeyFrom } from './services/secrets.js';
import { tick } from './services/scheduler.js';
import { createTicketSalesClient } from './uitpas/ticket-sales.js';
import { FAKE_EVENTS, FAKE_PASSES, startFakeUitpas, type FakeUitpas } from './uitpas/fake-uitpas.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

const key = secretKeyFrom('a long passphrase only the server knows');
const HOUR = 3600_000;

describe.each(engines())('UiTPAS ticket sales, so the club is reimbursed, on %s', (engine) => {
  let t: TestApp;
  let fake: FakeUitpas;
  let slug: string;

  const run = (opts: { timeoutMs?: number } = {}) =>
    tick(t.db, t.time.clock(), 'http://instap.test', { secretKey: key, uitpasSales: (c) => createTicketSalesClient({ ...c, timeoutMs: opts.timeoutMs ?? 1500 }) });
  const sales = async (id: string) => (await t.admin('GET', `/activities/${id}/uitpas-sales`)).json;
  // Each registration is another family: the same child twice for one activity is refused.
  let families = 0;
  const register = async (id: string, body: Record<string, unknown>) => {
    const n = ++families;
    const r = await t.call('POST', `/activities/${id}/registrations`, family({ contact: { name: `Ouder ${n}`, email: `ouder${n}@example.be` }, ...body }));
    expect(r.status).toBe(201);
    return r.json;
  };
  const activity = async (overrides: Record<string, unknown> = {}) => {
    const a = await t.admin('POST', `/organisations/${slug}/activities`, {
      title: 'Zwemlessen',
      summary: 'Leren zwemmen.',
      location: 'Zwembad, Kortrijk',
      sessions: [
        { startsAt: '2026-04-01T15:00:00Z', endsAt: '2026-04-01T16:00:00Z' },
        { startsAt: '2026-04-08T15:00:00Z', endsAt: '2026-04-08T16:00:00Z' },
      ],
      capacity: 20,
      priceCents: 4000,
      registration: { opensAt: '2026-02-01T08:00:00Z' },
      uitdatabankEventId: FAKE_EVENTS.swimming,
      ...overrides,
    });
    expect(a.status).toBe(201);
    return a.json.id as string;
  };

  beforeAll(async () => {
    t = await testApp(engine, '2026-03-01T09:00:00Z', { secretKey: key });
    fake = await startFakeUitpas();
    slug = (await setupActivity(t)).slug;
    const put = await t.admin('PUT', `/organisations/${slug}/uitpas`, { clientId: fake.clientId, clientSecret: fake.clientSecret, environment: 'test', apiBase: fake.apiBase, tokenUrl: fake.tokenUrl });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await fake?.close();
    await t?.close();
  });
  beforeEach(() => {
    fake.down = false;
    fake.slowMs = 0;
    fake.loseSaleAnswers = false;
    fake.socialTariffPercent = 20;
  });

  it('a kanspas family has its sale registered, per child, and cancelled when the family cancels', async () => {
    const id = await activity();
    const r = await register(id, {
      kanspas: true,
      uitpasNumber: FAKE_PASSES.active,
      children: [{ firstName: 'Amira', birthYear: 2017 }, { firstName: 'Yusuf', birthYear: 2019, uitpasNumber: FAKE_PASSES.activeSibling }, { firstName: 'Lina', birthYear: 2020 }],
      contact: { name: 'Fatima', phone: '0470 12 34 56' },
    });
    expect(r.status).toBe('confirmed');
    const before = await sales(id);
    expect(before).toMatchObject({ active: true, connected: true, uitdatabankEventId: FAKE_EVENTS.swimming, summary: ['2 verkopen nog te registreren'] });
    // The third child has no pass number: nothing to register, and staff see why.
    expect(before.sales.map((s: any) => [s.firstName, s.status])).toEqual([['Amira', 'to-register'], ['Yusuf', 'to-register'], ['Lina', 'none']]);
    expect(before.sales[2].problem.message).toBe('Geen UiTPAS-nummer voor dit kind.');

    const report = await run();
    expect(report.sales.registered).toBe(2);
    const sent = [...fake.sales.values()].filter((s) => s.eventId === FAKE_EVENTS.swimming);
    expect(sent.map((s) => [s.uitpasNumber, s.regularPrice, s.tariff.id])).toEqual([
      [FAKE_PASSES.active, 40, 'SOCIALTARIFF'],
      [FAKE_PASSES.activeSibling, 40, 'SOCIALTARIFF'],
    ]);
    const after = await sales(id);
    expect(after.summary).toEqual([]);
    expect(after.open.registered).toBe(2);
    expect(after.sales[0]).toMatchObject({ status: 'registered', regularPriceCents: 4000, chargedCents: 800, ticketSaleId: sent[0]!.id, uitpas: null });
    // The staff list and its CSV say per child whether the sale is registered.
    const list = (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations;
    expect(list[0].children.map((c: any) => c.uitpasSale ?? null)).toEqual(['registered', 'registered', null]);
    const csv = (await t.admin('GET', `/activities/${id}/registrations?format=csv`)).text;
    expect(csv.split('\n')[0]).toContain('uitpas_sales');
    expect(csv).toContain('registered + registered');

    const cancel = await t.call('POST', `/registrations/${r.token}/cancel`);
    expect(cancel.json.status).toBe('cancelled');
    expect((await sales(id)).summary).toEqual(['2 verkopen nog te annuleren']);
    expect((await run()).sales.cancelled).toBe(2);
    expect(fake.cancelRequests).toEqual(expect.arrayContaining(sent.map((s) => s.id)));
    expect([...fake.sales.values()].filter((s) => s.eventId === FAKE_EVENTS.swimming)).toEqual([]);
    expect((await sales(id)).sales.slice(0, 2).map((s: any) => s.status)).toEqual(['cancelled', 'cancelled']);
    // Nothing more to do: a later run sends nothing.
    const calls = fake.cancelRequests.length;
    await run();
    expect(fake.cancelRequests.length).toBe(calls);
  });

  it('UiTPAS down: the registration stands, staff see what is open, and a retry registers it once', async () => {
    const id = await activity();
    fake.down = true;
    const r = await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.active });
    expect(r.status).toBe('confirmed');
    await run();
    const open = await sales(id);
    expect(open.summary).toEqual(['1 verkoop nog te registreren']);
    expect(open.sales[0]).toMatchObject({ status: 'to-register', attempts: 1, problem: { code: 'unavailable', message: 'UiTPAS antwoordt niet. Instap probeert het later opnieuw.' } });
    expect((await t.call('GET', `/registrations/${r.token}`)).json.status).toBe('confirmed');
    // Backing off: the next run at the same moment does not ask again.
    const asked = fake.tariffRequests.length;
    await run();
    expect(fake.tariffRequests.length).toBe(asked);

    fake.down = false;
    const before = fake.sales.size;
    const retry = await t.admin('POST', `/activities/${id}/uitpas-sales/retry`);
    expect(retry.status).toBe(200);
    expect(retry.json.tried.registered).toBe(1);
    expect(retry.json.summary).toEqual([]);
    expect(fake.sales.size).toBe(before + 1);
    t.time.advance(HOUR);
    await run();
    expect(fake.sales.size).toBe(before + 1);
  });

  it('slow answers time out without blocking anyone, and are tried again later', async () => {
    const id = await activity();
    fake.slowMs = 400;
    const r = await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.active });
    expect(r.status).toBe('confirmed');
    await run({ timeoutMs: 100 });
    expect((await sales(id)).sales[0]).toMatchObject({ status: 'to-register', problem: { code: 'unavailable' } });
    fake.slowMs = 0;
    t.time.advance(HOUR);
    await run();
    expect((await sales(id)).sales[0].status).toBe('registered');
  });

  it('two scheduler runs at once register each sale once', async () => {
    const id = await activity();
    for (const n of [FAKE_PASSES.active, FAKE_PASSES.activeSibling, FAKE_PASSES.active]) await register(id, { kanspas: true, uitpasNumber: n });
    const before = fake.saleRequests.length;
    await Promise.all([run(), run(), run()]);
    expect(fake.saleRequests.length - before).toBe(3);
    expect((await sales(id)).open.registered).toBe(3);
  });

  it('an answer lost on the way back is found at UiTPAS, never sent twice', async () => {
    const id = await activity();
    await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.active });
    fake.loseSaleAnswers = true;
    const before = fake.saleRequests.length;
    await run();
    expect(fake.saleRequests.length - before).toBe(1);
    expect((await sales(id)).sales[0].status).toBe('to-register');
    fake.loseSaleAnswers = false;
    t.time.advance(HOUR);
    await run();
    expect(fake.saleRequests.length - before).toBe(1);
    const view = (await sales(id)).sales[0];
    expect(view.status).toBe('registered');
    expect(fake.sales.get(view.ticketSaleId)?.uitpasNumber).toBe(FAKE_PASSES.active);
  });

  it('a refused number is shown to staff in plain Dutch and not tried again on its own', async () => {
    const id = await activity();
    await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.invalid });
    const noneLeft = await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.noneLeft, contact: { name: 'Sara', phone: '0470 99 88 77' } });
    await run();
    const view = await sales(id);
    expect(view.sales.map((s: any) => [s.status, s.problem?.message])).toEqual([
      ['failed', 'Dit UiTPAS-nummer bestaat niet.'],
      ['failed', 'Geen kansentarief meer over voor deze pas.'],
    ]);
    expect(view.summary).toEqual(['2 verkopen geweigerd door UiTPAS']);
    // UiTPAS's own words reach the family's page; its place stays.
    const own = (await t.call('GET', `/registrations/${noneLeft.token}`)).json;
    expect(own.status).toBe('confirmed');
    expect(own.children[0].uitpas).toEqual({ priceCents: null, message: 'Je hebt geen recht meer op kansentarief voor deze activiteit.' });
    const asked = fake.tariffRequests.length;
    for (let i = 0; i < 3; i++) {
      t.time.advance(24 * HOUR);
      await run();
    }
    expect(fake.tariffRequests.length).toBe(asked);
  });

  it("UiTPAS's own price is shown where it differs from the charter; a late joiner's regular price is prorated", async () => {
    const id = await activity({
      sessions: [
        { startsAt: '2026-03-02T15:00:00Z', endsAt: '2026-03-02T16:00:00Z' },
        { startsAt: '2026-04-01T15:00:00Z', endsAt: '2026-04-01T16:00:00Z' },
      ],
    });
    fake.socialTariffPercent = 25;
    t.time.set('2026-03-05T09:00:00Z');
    const r = await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.activeSibling });
    expect(r.price.totalCents).toBe(400);
    await run();
    const sale = (await sales(id)).sales[0];
    expect(sale).toMatchObject({ status: 'registered', regularPriceCents: 2000, chargedCents: 400, uitpas: { priceCents: 500, message: null } });
    expect(fake.sales.get(sale.ticketSaleId)?.regularPrice).toBe(20);
    expect((await t.call('GET', `/registrations/${r.token}`)).json.children[0].uitpas).toEqual({ priceCents: 500, message: null });
    t.time.set('2026-03-01T09:00:00Z');
  });

  it('an offer registers no sale while it waits; accepted it does, expired it never reaches UiTPAS', async () => {
    const id = await activity({ capacity: 1 });
    const first = await register(id, { kanspas: false });
    const waiting = await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.active, contact: { name: 'Sara', email: 'sara@example.be' } });
    expect(waiting.status).toBe('waitlisted');
    await t.call('POST', `/registrations/${first.token}/cancel`);
    await run();
    expect((await sales(id)).sales).toEqual([]);
    const before = fake.saleRequests.length;
    // The offer runs out: the place passes on and nothing is sent to UiTPAS.
    t.time.advance(30 * 24 * HOUR);
    await run();
    expect((await t.call('GET', `/registrations/${waiting.token}`)).json.status).toBe('cancelled');
    expect(fake.saleRequests.length).toBe(before);
    expect((await sales(id)).sales).toEqual([]);
    t.time.set('2026-03-01T09:00:00Z');

    const id2 = await activity({ capacity: 1 });
    const taken = await register(id2, { kanspas: false });
    const next = await register(id2, { kanspas: true, uitpasNumber: FAKE_PASSES.active, contact: { name: 'Sara', email: 'sara@example.be' } });
    await t.call('POST', `/registrations/${taken.token}/cancel`);
    const offered = (await t.call('GET', `/registrations/${next.token}`)).json;
    expect(offered.status).toBe('offered');
    expect((await t.call('POST', `/offers/${offered.offer.token}/accept`)).json.status).toBe('confirmed');
    await run();
    expect((await sales(id2)).sales[0].status).toBe('registered');
  });

  it('a family placed by the draw has its sale registered in the same run', async () => {
    const id = await activity({ registration: { opensAt: '2026-02-01T08:00:00Z', closesAt: '2026-03-10T08:00:00Z', mode: 'lottery', drawAt: '2026-03-11T08:00:00Z' } });
    const r = await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.active });
    expect(r.status).toBe('lottery');
    await run();
    expect((await sales(id)).sales).toEqual([]);
    t.time.set('2026-03-11T09:00:00Z');
    const report = await run();
    expect(report.draws).toBeGreaterThanOrEqual(1);
    expect((await sales(id)).sales[0].status).toBe('registered');
    t.time.set('2026-03-01T09:00:00Z');
  });

  it('staff correct a refused number and the sale is registered; a registered one cannot change', async () => {
    const id = await activity();
    const r = await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.invalid });
    await run();
    expect((await sales(id)).sales[0].status).toBe('failed');
    const path = `/registrations/${r.id}/children/0/uitpas-number`;
    expect((await t.admin('PUT', path, { uitpasNumber: '123' })).status).toBe(422);
    expect((await t.admin('PUT', `/registrations/${r.id}/children/5/uitpas-number`, { uitpasNumber: FAKE_PASSES.active })).status).toBe(404);
    const fixed = await t.admin('PUT', path, { uitpasNumber: FAKE_PASSES.active });
    expect(fixed.status).toBe(200);
    expect(fixed.json.summary).toEqual(['1 verkoop nog te registreren']);
    await run();
    expect((await sales(id)).sales[0].status).toBe('registered');
    const again = await t.admin('PUT', path, { uitpasNumber: FAKE_PASSES.activeSibling });
    expect([again.status, again.json.error.code]).toEqual([409, 'sale_registered']);
    const plain = await register(id, { kanspas: false });
    expect((await t.admin('PUT', `/registrations/${plain.id}/children/0/uitpas-number`, { uitpasNumber: FAKE_PASSES.active })).status).toBe(409);
  });

  it('staff of another organisation can neither see nor retry the sales', async () => {
    const id = await activity();
    await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.active });
    const other = await setupActivity(t);
    const token = (await t.admin('POST', `/organisations/${other.slug}/api-tokens`, { name: 'Andere club' })).json.token;
    const as = (method: string, path: string) => t.call(method, `/admin${path}`, undefined, { authorization: `Bearer ${token}` });
    const before = fake.saleRequests.length;
    for (const [m, p] of [['GET', `/activities/${id}/uitpas-sales`], ['POST', `/activities/${id}/uitpas-sales/retry`]] as const) {
      const res = await as(m, p);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Fatima');
    }
    expect(fake.saleRequests.length).toBe(before);
    expect((await as('GET', `/activities/not-an-id/uitpas-sales`)).status).toBe(404);
    const reg = (await sales(id)).sales[0].registrationId;
    const put = await t.call('PUT', `/admin/registrations/${reg}/children/0/uitpas-number`, { uitpasNumber: FAKE_PASSES.activeSibling }, { authorization: `Bearer ${token}` });
    expect(put.status).toBe(404);
    expect((await t.call('PUT', `/admin/registrations/nope/children/0/uitpas-number`, { uitpasNumber: FAKE_PASSES.activeSibling }, { authorization: `Bearer ${token}` })).status).toBe(404);
  });

  it('retries are limited per activity', async () => {
    const id = await activity();
    let last = 0;
    for (let i = 0; i < 13; i++) last = (await t.admin('POST', `/activities/${id}/uitpas-sales/retry`)).status;
    expect(last).toBe(429);
  });

  it('bad input: an event id and a pass number of the wrong shape are refused by field', async () => {
    const bad = await t.admin('POST', `/organisations/${slug}/activities`, { title: 'X', summary: '', location: 'Y', sessions: [{ startsAt: '2026-04-01T15:00:00Z', endsAt: '2026-04-01T16:00:00Z' }], capacity: 5, priceCents: 100, registration: { opensAt: '2026-02-01T08:00:00Z' }, uitdatabankEventId: 'zwemmen-2026' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues.map((i: any) => i.path)).toContain('uitdatabankEventId');
    const id = await activity({ uitdatabankEventId: null });
    const patched = await t.admin('PATCH', `/activities/${id}`, { uitdatabankEventId: FAKE_EVENTS.other.toUpperCase() });
    expect(patched.json.uitdatabankEventId).toBe(FAKE_EVENTS.other);
    // Staff only: the public activity never carries it.
    expect(JSON.stringify((await t.call('GET', `/activities/${id}`)).json)).not.toContain(FAKE_EVENTS.other);
    const child = await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: true, children: [{ firstName: 'Amira', birthYear: 2017, uitpasNumber: '12345' }] }));
    expect(child.status).toBe(422);
    expect(child.json.error.issues.map((i: any) => i.path)).toContain('children.0.uitpasNumber');
    // A family without kanspas never has a child's number kept.
    const plain = await register(id, { kanspas: false, children: [{ firstName: 'Amira', birthYear: 2017, uitpasNumber: FAKE_PASSES.active }] });
    const [row] = await t.db.select().from(registrationChildren).where(eq(registrationChildren.registrationId, plain.id));
    expect(row!.uitpasNumber).toBeNull();
  });

  it('retention removes the pass numbers and leaves registered sales as they are', async () => {
    const id = await activity();
    const r = await register(id, { kanspas: true, uitpasNumber: FAKE_PASSES.active });
    await run();
    await applyRetention(t.db, new Date('2028-01-01T00:00:00Z'));
    const [child] = await t.db.select().from(registrationChildren).where(eq(registrationChildren.registrationId, r.id));
    expect(child!.uitpasNumber).toBeNull();
    const before = fake.cancelRequests.length;
    await run();
    const [sale] = await t.db.select().from(uitpasSales).where(eq(uitpasSales.registrationId, r.id));
    expect(sale!.status).toBe('registered');
    expect(fake.cancelRequests.length).toBe(before);
  });
});
