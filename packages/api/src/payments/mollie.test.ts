import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_MOLLIE_TEST_KEY, startFakeMollie, type FakeMollie } from './fake-mollie.js';
import { MollieFailure, mollieGateway } from './mollie.js';

let fake: FakeMollie;
beforeAll(async () => {
  fake = await startFakeMollie();
});
afterAll(() => fake.close());

const input = (over: Record<string, unknown> = {}) => ({
  amountCents: 960,
  description: 'Zwemlessen (Amira)',
  redirectUrl: 'https://instap.example/inschrijving/abc',
  webhookUrl: 'https://instap.example/api/v1/payments/mollie',
  metadata: { registrationId: 'r-1' },
  language: 'nl' as const,
  idempotencyKey: `k-${Math.random()}`,
  ...over,
});

async function failure(p: Promise<unknown>): Promise<MollieFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MollieFailure) return e;
    throw e;
  }
  throw new Error('no failure');
}

describe('Mollie through the official client, against the local fake', () => {
  it('creates a payment with the amount as a string with two decimals, and reads it back', async () => {
    const mollie = mollieGateway(FAKE_MOLLIE_TEST_KEY, { apiEndpoint: fake.apiEndpoint });
    const p = await mollie.create(input());
    expect(p).toMatchObject({ status: 'open', amountCents: 960, currency: 'EUR', mode: 'test', metadata: { registrationId: 'r-1' } });
    expect(p.id).toMatch(/^tr_/);
    expect(p.checkoutUrl).toContain(p.id);
    const sent = fake.requests.at(-1)!;
    expect(sent.authorization).toBe(`Bearer ${FAKE_MOLLIE_TEST_KEY}`);
    expect(sent.body).toMatchObject({ amount: { currency: 'EUR', value: '9.60' }, locale: 'nl_BE', webhookUrl: 'https://instap.example/api/v1/payments/mollie' });
    await fake.setStatus(p.id, 'paid', { notify: false });
    expect(await mollie.get(p.id)).toMatchObject({ status: 'paid', amountCents: 960, refundedCents: 0 });
  });

  it('gives the same payment for the same idempotency key', async () => {
    const mollie = mollieGateway(FAKE_MOLLIE_TEST_KEY, { apiEndpoint: fake.apiEndpoint });
    const a = await mollie.create(input({ idempotencyKey: 'same-key' }));
    const b = await mollie.create(input({ idempotencyKey: 'same-key' }));
    expect(b.id).toBe(a.id);
  });

  it('says which failure it was: a wrong key, a refusal, an unknown payment', async () => {
    const wrong = mollieGateway('test_WrongKey0123456789abcdefghijk', { apiEndpoint: fake.apiEndpoint });
    expect((await failure(wrong.create(input()))).kind).toBe('unauthorized');
    const mollie = mollieGateway(FAKE_MOLLIE_TEST_KEY, { apiEndpoint: fake.apiEndpoint });
    const refused = await failure(mollie.create(input({ amountCents: 0 })));
    expect(refused).toMatchObject({ kind: 'refused', status: 422, field: 'amount' });
    expect((await failure(mollie.get('tr_unknown1234'))).kind).toBe('not_found');
  });

  it('another organisation\'s key cannot read the payment', async () => {
    const other = 'test_OtherClubKey0123456789abcdefgh';
    fake.addKey(other);
    const p = await mollieGateway(FAKE_MOLLIE_TEST_KEY, { apiEndpoint: fake.apiEndpoint }).create(input());
    expect((await failure(mollieGateway(other, { apiEndpoint: fake.apiEndpoint }).get(p.id))).kind).toBe('not_found');
  });

  it('a hanging or unreachable Mollie is "unavailable" within the timeout', async () => {
    fake.hang = true;
    const slow = mollieGateway(FAKE_MOLLIE_TEST_KEY, { apiEndpoint: fake.apiEndpoint, timeoutMs: 300 });
    const started = Date.now();
    expect((await failure(slow.create(input()))).kind).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(2000);
    fake.hang = false;
    const closed = mollieGateway(FAKE_MOLLIE_TEST_KEY, { apiEndpoint: 'https://127.0.0.1:9/v2/' });
    expect((await failure(closed.get('tr_x'))).kind).toBe('unavailable');
  });
});
