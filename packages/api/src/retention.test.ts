import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys, organisations, referralLinks, registrations } from './db/schema.js';
import { enqueueMessage } from './messages/outbox.js';
import { sampleMessages } from './messages/test-fixtures.js';
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

  it('removes everything else that names a family: interest messages, referral notes, the kanspas tariff, stored answers', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id, slug } = await setupActivity(t);
    const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, slug));
    const m = sampleMessages(org!.id, 'nl')['interest-reopened'];
    const interestMessage = await t.db.transaction((tx) => enqueueMessage(tx, m, { now: t.time.clock(), publicOrigin: 'http://instap.test' }));
    await t.db.update(messages).set({ status: 'sent' }).where(eq(messages.id, interestMessage!.id));
    const link = await t.admin('POST', `/organisations/${slug}/referral-links`, { expiresAt: '2026-06-01T00:00:00Z', maxUses: 1, note: 'Voor Fatima El Amrani, Overleie' });
    expect(link.status).toBe(201);
    const r = (await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: true, contact: { name: 'Fatima', phone: '0470 12 34 56' } }), { 'idempotency-key': 'fatima-1' })).json;
    const [before] = await t.db.select().from(registrations).where(eq(registrations.id, r.id));
    expect(before!.price.tariff).toBe('kanspas');
    expect((await t.db.select().from(idempotencyKeys)).length).toBeGreaterThan(0);

    t.time.set('2027-06-02T00:00:00Z');
    await tick(t.db, t.time.clock(), 'http://instap.test');

    const [after] = await t.db.select().from(registrations).where(eq(registrations.id, r.id));
    expect(after!.price).not.toHaveProperty('tariff');
    expect(after!.price.totalCents).toBe(before!.price.totalCents);
    const [mail] = await t.db.select().from(messages).where(eq(messages.id, interestMessage!.id));
    expect(mail).toMatchObject({ recipientName: '–', recipientEmail: null, recipientPhone: null, text: '–', html: null, status: 'sent' });
    const [ref] = await t.db.select().from(referralLinks).where(eq(referralLinks.code, link.json.code));
    expect(ref!.note).toBeNull();
    expect(await t.db.select().from(idempotencyKeys)).toEqual([]);
    const everything = JSON.stringify([await t.db.select().from(messages), await t.db.select().from(referralLinks), await t.db.select().from(idempotencyKeys), await t.db.select().from(registrations)]);
    expect(everything).not.toMatch(/Fatima|0470 12 34 56|fatima@example\.be|Overleie/);
    t.time.set('2026-03-01T09:00:00Z');
  });
});
