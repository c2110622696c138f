import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentEntries } from './db/schema-payments.js';
import { FAKE_MOLLIE_TEST_KEY, startFakeMollie, type FakeMollie } from './payments/fake-mollie.js';
import { configurePayments } from './payments/test-setup.js';
import { secretKeyFrom } from './services/secrets.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

const secretKey = secretKeyFrom('payments-test-secret');

describe.each(engines())('paying online through Mollie (%s)', (engine) => {
  let t: TestApp;
  let mollie: FakeMollie;

  beforeAll(async () => {
    mollie = await startFakeMollie({
      // Mollie calls the webhook over the internet; here it reaches the app directly, with the same request.
      deliver: (url, init) => t.app.request(url, init),
    });
    t = await testApp(engine, '2026-03-01T09:00:00Z', { secretKey, mollie: { apiEndpoint: mollie.apiEndpoint, timeoutMs: 5000 } });
  });
  afterAll(async () => {
    await t.close();
    await mollie.close();
  });

  async function club(setup: Parameters<typeof configurePayments>[2] = {}) {
    const a = await setupActivity(t, { title: 'Zwemlessen De Dolfijn', priceCents: 4000 });
    await configurePayments(t, a.slug, { mollieApiKey: FAKE_MOLLIE_TEST_KEY, secretKey, ...setup });
    return a;
  }
  const register = async (activityId: string, body: Record<string, unknown> = {}) => {
    const r = await t.call('POST', `/activities/${activityId}/registrations`, family(body), { 'idempotency-key': `reg-${Math.random()}` });
    expect(r.status).toBe(201);
    return r.json as { id: string; token: string; payment: { status: string; amountCents: number } };
  };
  const checkout = (token: string, key = `pay-${Math.random()}`) => t.call('POST', `/registrations/${token}/payments`, undefined, { 'idempotency-key': key });
  const webhook = (body: string, type = 'application/x-www-form-urlencoded') =>
    t.app.request('http://instap.test/api/v1/payments/mollie', { method: 'POST', headers: { 'content-type': type }, body });
  const entriesOf = (registrationId: string) => t.db.select().from(paymentEntries).where(eq(paymentEntries.registrationId, registrationId));

  it('a kanspas family pays online: checkout, Mollie says paid, the webhook books it, the family and the console see "paid"', async () => {
    const a = await club();
    const reg = await register(a.id, { kanspas: true });
    expect(reg.payment.status).toBe('open');
    const due = reg.payment.amountCents;
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(4000);

    const res = await checkout(reg.token);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const created = mollie.last()!;
    expect(res.json).toEqual({ checkoutUrl: created._links.checkout!.href, amountCents: due });
    const sent = mollie.requests.filter((r) => r.method === 'POST').at(-1)!;
    expect(sent.authorization).toBe(`Bearer ${FAKE_MOLLIE_TEST_KEY}`);
    expect(sent.body).toMatchObject({
      amount: { currency: 'EUR', value: (due / 100).toFixed(2) },
      redirectUrl: `http://instap.test/r/${reg.token}`,
      webhookUrl: 'http://instap.test/api/v1/payments/mollie',
      metadata: { registrationId: reg.id },
      locale: 'nl_BE',
    });
    expect(sent.body.description).toContain('Zwemlessen De Dolfijn +++');

    expect((await t.call('GET', `/registrations/${reg.token}`)).json.payment.status).toBe('open');
    expect(await mollie.pay(created.id)).toBe(200);
    expect(mollie.webhookCalls.at(-1)).toMatchObject({ body: `id=${created.id}`, contentType: 'application/x-www-form-urlencoded', status: 200 });

    const view = (await t.call('GET', `/registrations/${reg.token}`)).json;
    expect(view.payment).toMatchObject({ status: 'paid', paidCents: due });
    const list = (await t.admin('GET', `/activities/${a.id}/registrations`)).json.registrations;
    expect(list.find((r: { id: string }) => r.id === reg.id).payment.status).toBe('paid');
    expect(await entriesOf(reg.id)).toEqual([expect.objectContaining({ amountCents: due, method: 'online', source: 'mollie', externalId: created.id })]);
    // Paid: a new checkout is refused, the family is not asked twice.
    expect((await checkout(reg.token)).json.error.code).toBe('nothing_due');
  });

  it('books once whatever the webhook retries: three times in a row and five at once', async () => {
    const a = await club();
    const reg = await register(a.id);
    await checkout(reg.token);
    const id = mollie.last()!.id;
    await mollie.setStatus(id, 'paid', { notify: false });
    for (let i = 0; i < 3; i++) expect((await webhook(`id=${id}`)).status).toBe(200);
    const parallel = await Promise.all(Array.from({ length: 5 }, () => webhook(`id=${id}`)));
    expect(parallel.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const entries = await entriesOf(reg.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.amountCents).toBe(4000);
  });

  it('never trusts the webhook: an open payment books nothing, whoever calls', async () => {
    const a = await club();
    const reg = await register(a.id);
    await checkout(reg.token);
    const id = mollie.last()!.id;
    const res = await webhook(`id=${id}&status=paid&amount=40.00`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, status: 'open', booked: false });
    expect(await entriesOf(reg.id)).toEqual([]);
    await mollie.setStatus(id, 'failed');
    expect((await t.call('GET', `/registrations/${reg.token}`)).json.payment.status).toBe('open');
  });

  it('answers a payment Instap does not know with 404 and a bad body with 422, booking nothing', async () => {
    const unknown = await webhook('id=tr_NotInstaps123');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('payment_unknown');
    for (const body of ['', 'id=', 'id=ord_abc123', 'id=tr_%3Cscript%3E']) {
      const r = await webhook(body);
      expect(r.status, body).toBe(422);
      expect((await r.json()).error.code).toBe('invalid_payment_id');
    }
    const json = await webhook('{"id":"tr_abc12345"}', 'application/json');
    // Mollie sends a form; anything else is refused before it is read.
    expect(json.status).toBe(415);
    expect((await json.json()).error.code).toBeTruthy();
    expect(await t.db.select().from(paymentEntries).where(eq(paymentEntries.externalId, 'tr_NotInstaps123'))).toEqual([]);
  });

  it('a key Mollie does not accept: 502 with the other ways to pay, nothing half-made', async () => {
    const a = await club({ mollieApiKey: 'test_KeyMollieDoesNotKnow0123456789' });
    const reg = await register(a.id);
    const res = await checkout(reg.token);
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe('online_payment_refused');
    expect(res.json.error.message).toMatch(/bank transfer/);
    expect((await t.call('GET', `/registrations/${reg.token}`)).json.payment.status).toBe('open');
  });

  it('Mollie slow or down: 503 with the other ways to pay, never a 500', async () => {
    const a = await club();
    const reg = await register(a.id);
    mollie.hang = true;
    try {
      const res = await checkout(reg.token);
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('online_payment_unavailable');
      expect(res.json.error.message).toMatch(/at the desk/);
    } finally {
      mollie.hang = false;
    }
    // Back up: the same try again gets its checkout.
    expect((await checkout(reg.token)).status).toBe(201);
  });

  it('Mollie down while its webhook comes: 503 so Mollie calls again, then it books', async () => {
    const a = await club();
    const reg = await register(a.id);
    await checkout(reg.token);
    const id = mollie.last()!.id;
    await mollie.setStatus(id, 'paid', { notify: false });
    mollie.hang = true;
    try {
      const r = await webhook(`id=${id}`);
      expect(r.status).toBe(503);
      expect((await r.json()).error.code).toBe('mollie_unavailable');
    } finally {
      mollie.hang = false;
    }
    expect(await entriesOf(reg.id)).toEqual([]);
    expect(await mollie.notify(id)).toBe(200);
    expect(await entriesOf(reg.id)).toHaveLength(1);
  });

  it('refuses when the club takes no online payments, or nothing is due', async () => {
    const posts = mollie.requests.filter((r) => r.method === 'POST').length;
    const a = await club({ methods: ['transfer', 'desk'] });
    const reg = await register(a.id);
    const off = await checkout(reg.token);
    expect(off.status).toBe(409);
    expect(off.json.error.code).toBe('online_payment_not_offered');

    const full = await club();
    await t.admin('PATCH', `/activities/${full.id}`, { capacity: 1 });
    await register(full.id);
    const waiting = await register(full.id, { contact: { name: 'Sara', phone: '0470 99 88 77' }, children: [{ firstName: 'Lina', birthYear: 2016 }] });
    expect(waiting.payment.status).toBe('not-due');
    const none = await checkout(waiting.token);
    expect(none.status).toBe(409);
    expect(none.json.error.code).toBe('nothing_due');
    expect((await checkout('no-such-token')).status).toBe(404);
    expect(mollie.requests.filter((r) => r.method === 'POST').length).toBe(posts);
  });

  it('the same Idempotency-Key gives the same checkout; a second click soon after reuses the open one', async () => {
    const a = await club();
    const reg = await register(a.id);
    const before = mollie.payments.size;
    const first = await checkout(reg.token, 'same');
    const again = await checkout(reg.token, 'same');
    const other = await checkout(reg.token, 'other');
    expect(again.json.checkoutUrl).toBe(first.json.checkoutUrl);
    expect(other.json.checkoutUrl).toBe(first.json.checkoutUrl);
    expect(mollie.payments.size).toBe(before + 1);
  });

  it('paid online after paying at the desk: nothing booked twice, and staff see it to refund in Mollie', async () => {
    const a = await club();
    const reg = await register(a.id);
    await checkout(reg.token);
    const id = mollie.last()!.id;
    const desk = await t.admin('POST', `/registrations/${reg.id}/payments`, { amountCents: 4000, method: 'desk', note: 'contant' });
    expect(desk.status).toBeLessThan(300);
    expect(await mollie.pay(id)).toBe(200);
    const entries = await entriesOf(reg.id);
    expect(entries.map((e) => e.method)).toEqual(['desk']);
    const attention = await t.admin('GET', `/organisations/${a.slug}/online-payments?attention=1`);
    expect(attention.json.payments).toEqual([expect.objectContaining({ molliePaymentId: id, registrationId: reg.id, status: 'paid-not-booked' })]);
    const other = await club();
    expect((await t.admin('GET', `/organisations/${other.slug}/online-payments?attention=1`)).json.payments).toEqual([]);
  });

  it('two clicks at once make one Mollie payment', async () => {
    const a = await club();
    const reg = await register(a.id);
    const before = mollie.payments.size;
    const [x, y] = await Promise.all([checkout(reg.token), checkout(reg.token)]);
    expect([x.status, y.status]).toEqual([201, 201]);
    expect(x.json.checkoutUrl).toBe(y.json.checkoutUrl);
    expect(mollie.payments.size).toBe(before + 1);
  });

  it('a refund made in Mollie after a cancellation is booked once: "refund-due" becomes "refunded"', async () => {
    const a = await club();
    const reg = await register(a.id);
    await checkout(reg.token);
    const id = mollie.last()!.id;
    await mollie.pay(id);
    const cancelled = await t.call('POST', `/registrations/${reg.token}/cancel`, undefined, { 'idempotency-key': `c-${reg.id}` });
    expect(cancelled.status).toBe(200);
    expect((await t.call('GET', `/registrations/${reg.token}`)).json.payment.status).toBe('refund-due');
    expect(await mollie.refund(id, 4000)).toBe(200);
    expect(await mollie.notify(id)).toBe(200);
    expect((await t.call('GET', `/registrations/${reg.token}`)).json.payment.status).toBe('refunded');
    const entries = await entriesOf(reg.id);
    expect(entries.map((e) => [e.method, e.amountCents])).toEqual([
      ['online', 4000],
      ['refund', -4000],
    ]);
  });

  it('at most five checkouts per registration an hour', async () => {
    const a = await club();
    const reg = await register(a.id);
    for (let i = 0; i < 5; i++) {
      expect((await checkout(reg.token)).status).toBe(201);
      await mollie.setStatus(mollie.last()!.id, 'canceled');
    }
    const sixth = await checkout(reg.token);
    expect(sixth.status).toBe(429);
    expect(sixth.json.error.code).toBe('too_many_payment_attempts');
    t.time.advance(61 * 60_000);
    expect((await checkout(reg.token)).status).toBe(201);
  });

  it('the checkout, the webhook and the bank statement routes are in the OpenAPI contract', async () => {
    const doc = (await t.call('GET', '/openapi.json')).json;
    for (const path of ['/registrations/{token}/payments', '/payments/mollie', '/admin/organisations/{slug}/bank-statements', '/admin/organisations/{slug}/bank-lines/{lineId}/match'])
      expect(Object.keys(doc.paths), path).toContain(path);
    expect(Object.keys(doc.paths['/payments/mollie'].post.requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
  });

  it("reads each payment with its own organisation's key", async () => {
    const otherKey = 'test_SecondClubKey0123456789abcdefg';
    mollie.addKey(otherKey);
    const a = await club();
    const b = await club({ mollieApiKey: otherKey });
    const ra = await register(a.id);
    const rb = await register(b.id);
    await checkout(ra.token);
    const pa = mollie.last()!;
    await checkout(rb.token);
    const pb = mollie.last()!;
    expect(pa.apiKey).toBe(FAKE_MOLLIE_TEST_KEY);
    expect(pb.apiKey).toBe(otherKey);
    expect(await mollie.pay(pb.id)).toBe(200);
    expect(await mollie.pay(pa.id)).toBe(200);
    expect((await t.call('GET', `/registrations/${ra.token}`)).json.payment.status).toBe('paid');
    expect((await t.call('GET', `/registrations/${rb.token}`)).json.payment.status).toBe('paid');
  });
});
