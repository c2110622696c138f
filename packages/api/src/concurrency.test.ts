import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe.each(engines())('never oversell on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine, undefined, { poolSize: 20, trustProxy: true });
  });
  afterAll(() => t?.close());

  it('200 families at once for 20 places: 20 confirmed, 180 waitlisted in order 1..180', async () => {
    const { id } = await setupActivity(t, { capacity: 20 });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        // Each family from its own address (one address is slowed down: bulk.test.ts).
        t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: `Kind ${i}`, birthYear: 2016 }] }), {
          'idempotency-key': `k-${i}`,
          'x-forwarded-for': `10.${i >> 8}.${i & 255}.1`,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(201));
    const confirmed = answers.filter((a) => a.json.status === 'confirmed');
    const waitlisted = answers.filter((a) => a.json.status === 'waitlisted');
    expect(confirmed).toHaveLength(20);
    expect(waitlisted).toHaveLength(180);
    // Positions as each family was told them, and as they stand now: 1..180 without gaps or doubles.
    expect(waitlisted.map((a) => a.json.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    const list = (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations;
    expect(list.filter((r: { status: string }) => r.status === 'confirmed')).toHaveLength(20);
    expect(list.filter((r: { waitlistPosition: number | null }) => r.waitlistPosition !== null).map((r: { waitlistPosition: number }) => r.waitlistPosition).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 180 }, (_, i) => i + 1),
    );
    expect((await t.call('GET', `/activities/${id}`)).json.placesLeft).toBe(0);
  }, 120_000);

  it('the same Idempotency-Key sent 25 times at once registers once, with identical answers', async () => {
    const { id } = await setupActivity(t, { capacity: 5 });
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => t.call('POST', `/activities/${id}/registrations`, family(), { 'idempotency-key': 'one-family-one-key' })),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const list = (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations;
    expect(list).toHaveLength(1);
  });
});
