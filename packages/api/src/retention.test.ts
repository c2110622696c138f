import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrations } from './db/schema.js';
import { messages } from './db/schema-messages.js';
import { tick } from './services/scheduler.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe.each(engines())('sensitive data is removed after the retention period on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t?.close());

  it('anonymises a registration a year after the last session, keeps the counts, deletes its messages', async () => {
    const { id } = await setupActivity(t);
    const r = (await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: true, uitpasNumber: '0900000000011', contact: { name: 'Fatima', email: 'fatima@example.be' } }))).json;
    await t.call('POST', `/activities/${id}/interest`, { name: 'Tom', phone: '0470 11 22 33' }).catch(() => null);
    expect((await t.db.select().from(messages).where(eq(messages.registrationId, r.id))).length).toBe(1);

    // The last session ends on 8 April 2026: one day short of a year later, nothing changes.
    t.time.set('2027-04-07T00:00:00Z');
    expect((await tick(t.db, t.time.clock(), 'http://instap.test')).anonymised).toBe(0);
    t.time.set('2027-04-09T00:00:00Z');
    expect((await tick(t.db, t.time.clock(), 'http://instap.test')).anonymised).toBe(1);

    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, r.id));
    expect(row).toMatchObject({ contactName: '–', contactPhone: null, contactEmail: null, kanspas: false, uitpasNumber: null, status: 'confirmed', priceCents: 800 });
    expect(await t.db.select().from(messages).where(eq(messages.registrationId, r.id))).toEqual([]);
    const list = (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations;
    expect(list[0]).toMatchObject({ status: 'confirmed', children: [{ firstName: '–' }], contact: { name: '–', phone: null, email: null } });
    expect((await tick(t.db, t.time.clock(), 'http://instap.test')).anonymised).toBe(0);
    t.time.set('2026-03-01T09:00:00Z');
  });
});
