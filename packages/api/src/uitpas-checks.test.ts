import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrations, uitpasSettings } from './db/schema.js';
import { secretKeyFrom } from './services/secrets.js';
import { tick } from './services/scheduler.js';
import { FAKE_PASSES, startFakeUitpas, type FakeUitpas } from './uitpas/fake-uitpas.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

const key = secretKeyFrom('a long passphrase only the server knows');

describe.each(engines())('kanspas confirmed afterwards through UiTPAS on %s', (engine) => {
  let t: TestApp;
  let fake: FakeUitpas;
  let id: string;
  beforeAll(async () => {
    t = await testApp(engine, undefined, { secretKey: key });
    fake = await startFakeUitpas();
    const setup = await setupActivity(t, { capacity: 20 });
    id = setup.id;
    const put = await t.admin('PUT', `/organisations/${setup.slug}/uitpas`, {
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      environment: 'test',
      apiBase: fake.apiBase,
      tokenUrl: fake.tokenUrl,
    });
    expect(put.json).toEqual({ connected: true, clientId: fake.clientId, environment: 'test' });
    expect(JSON.stringify((await t.admin('GET', `/organisations/${setup.slug}/uitpas`)).json)).not.toContain(fake.clientSecret);
    // The secret is sealed in the database: a copy of the database alone does not give it away.
    const [stored] = await t.db.select().from(uitpasSettings);
    expect(stored!.clientSecret).not.toContain(fake.clientSecret);
    // The widget may now ask for a pass number, never requiring it.
    expect((await t.call('GET', `/activities/${id}`)).json.organisation.uitpas).toBe(true);
  });
  afterAll(async () => {
    await fake?.close();
    await t?.close();
  });

  // Each family a child of its own: the same child twice is refused (bulk.test.ts).
  let families = 0;
  const registerWith = async (uitpasNumber: string) =>
    (await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: true, uitpasNumber, children: [{ firstName: `Kind ${++families}`, birthYear: 2017 }] }))).json;
  const check = async (token: string) => (await t.call('GET', `/registrations/${token}`)).json;

  it('never blocks: every family is registered at the kanspas price first', async () => {
    for (const n of [FAKE_PASSES.active, FAKE_PASSES.expired, FAKE_PASSES.unknown, FAKE_PASSES.down]) {
      const r = await registerWith(n);
      expect(r).toMatchObject({ status: 'confirmed', price: { tariff: 'kanspas' } });
    }
  });

  it('an active social tariff verifies, an expired one applies the standard price from then on, unknown changes nothing', async () => {
    const active = await registerWith(FAKE_PASSES.active);
    const expired = await registerWith(FAKE_PASSES.expired);
    const unknown = await registerWith(FAKE_PASSES.unknown);
    const down = await registerWith(FAKE_PASSES.down);
    // Without the key nothing can be checked, and nothing breaks.
    await tick(t.db, t.time.clock(), 'http://instap.test');
    expect((await check(active.token)).kanspasCheck).toBe('claimed');
    await tick(t.db, t.time.clock(), 'http://instap.test', { secretKey: key });
    expect((await check(active.token)).kanspasCheck).toBe('verified');
    expect(await check(expired.token)).toMatchObject({ kanspasCheck: 'not-valid', status: 'confirmed', price: { totalCents: 4000 } });
    expect((await check(unknown.token)).kanspasCheck).toBe('claimed');
    expect((await check(down.token)).kanspasCheck).toBe('claimed');
    // A pass API that is down is asked again later, a limited number of times.
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, down.id));
    expect(row!.uitpasAttempts).toBeGreaterThanOrEqual(1);
    expect(row!.uitpasCheckedAt).toBeNull();
    for (let i = 0; i < 6; i++) await tick(t.db, t.time.clock(), 'http://instap.test', { secretKey: key });
    const [after] = await t.db.select().from(registrations).where(eq(registrations.id, down.id));
    expect(after!.uitpasAttempts).toBe(5);
  });

  it('a family without kanspas never has its number kept', async () => {
    const r = (await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: false, uitpasNumber: FAKE_PASSES.active, children: [{ firstName: 'Zonder pas', birthYear: 2017 }] }))).json;
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, r.id));
    expect(row!.uitpasNumber).toBeNull();
  });
});
