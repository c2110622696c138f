/** The bank-app code as SVG: only for what is left to pay by transfer, private, limited per connection. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from './db/schema.js';
import { paymentSettings } from './db/schema-payments.js';
import { QR_LIMIT, qrSvg } from './routes/payment-qr.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe.each(engines())('the payment QR code on %s', (engine) => {
  let t: TestApp;
  let id: string;
  let deskOnly: string;
  beforeAll(async () => {
    t = await testApp(engine);
    let slug: string;
    ({ id, slug } = await setupActivity(t, { capacity: 1 }));
    const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, slug));
    await t.db.insert(paymentSettings).values({ organisationId: org!.id, methods: ['transfer', 'desk'], iban: 'BE68539007547034', beneficiary: 'Zwemclub Test', dueDays: 14, updatedAt: new Date() });
    ({ id: deskOnly } = await setupActivity(t, { capacity: 1 }));
  });
  afterAll(() => t?.close());

  const qr = (token: string) => t.call('GET', `/registrations/${encodeURIComponent(token)}/payment-qr.svg`);

  it('draws the EPC payload of what is left to pay, as a private SVG', async () => {
    const reg = await t.call('POST', `/activities/${id}/registrations`, family(), { 'idempotency-key': crypto.randomUUID() });
    expect(reg.json.payment.transfer.epc).toContain('BE68539007547034');
    const r = await qr(reg.json.token);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.text).toMatch(/^<svg [^>]*viewBox/);
    // The very code of the payload the family's page shows beside it.
    expect(r.text).toBe(await qrSvg(reg.json.payment.transfer.epc));
  });

  it('a waiting family has no code: it pays nothing while it waits', async () => {
    const waiting = await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: 'Tom', birthYear: 2016 }] }), { 'idempotency-key': crypto.randomUUID() });
    expect(waiting.json).toMatchObject({ status: 'waitlisted', payment: { status: 'not-due' } });
    const r = await qr(waiting.json.token);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('no_transfer_due');
  });

  it('an organisation that takes no transfers has no code', async () => {
    const reg = await t.call('POST', `/activities/${deskOnly}/registrations`, family(), { 'idempotency-key': crypto.randomUUID() });
    expect(reg.json.payment.transfer).toBeUndefined();
    expect((await qr(reg.json.token)).json.error.code).toBe('no_transfer_due');
  });

  it('an unknown, guessed or oversized token is a 404, never a 500', async () => {
    for (const token of ['nope', 'x'.repeat(300), "' or 1=1 --"]) {
      const r = await qr(token);
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('registration_not_found');
    }
  });

  it('one connection that keeps asking is slowed down', async () => {
    t.time.advance(QR_LIMIT.windowMs * 3);
    const statuses: number[] = [];
    for (let i = 0; i < QR_LIMIT.max + 2; i++) statuses.push((await qr('nope')).status);
    expect(statuses.slice(0, QR_LIMIT.max - 10).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
