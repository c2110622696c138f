import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys, organisations, referralLinks, registrations } from './db/schema.js';
import { enqueueMessage } from './messages/outbox.js';
import { sampleMessages } from './messages/test-fixtures.js';
import { messages } from './db/schema-messages.js';
import { tick } from './services/scheduler.js';
import { bankLines, bankStatements } from './db/schema-online.js';
import { paymentEntries, registrationPayments } from './db/schema-payments.js';
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
  it('removes the payer from bank lines and staff notes from payments; the amounts stay for the books', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id, slug } = await setupActivity(t);
    const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, slug));
    const r = (await t.call('POST', `/activities/${id}/registrations`, family({ contact: { name: 'Fatima', phone: '0470 12 34 56' } }))).json;
    const at = new Date('2026-03-02T09:00:00Z');
    const [statement] = await t.db
      .insert(bankStatements)
      .values({ organisationId: org!.id, fileHash: `h-${r.id}`, version: '001.001.02', accountIbans: ['BE68539007547034'], credits: 3, uploadedAt: at })
      .returning();
    const line = (uid: string, registrationId: string | null, createdAt: Date, remittance: string) => ({
      organisationId: org!.id,
      statementId: statement!.id,
      uid,
      amountCents: 800,
      currency: 'EUR',
      bookingDate: '2026-03-02',
      debtorName: 'EL AMRANI FATIMA',
      debtorIban: 'BE71096123456769',
      reference: registrationId ? '090933755493' : null,
      remittance,
      state: registrationId ? ('booked' as const) : ('unmatched' as const),
      registrationId,
      bookedCents: registrationId ? 800 : 0,
      createdAt,
      updatedAt: createdAt,
    });
    await t.db.insert(bankLines).values([
      line(`booked-${r.id}`, r.id, at, '+++090/9337/55493+++'),
      line(`old-${r.id}`, null, at, 'zwemles Amira El Amrani'),
      line(`new-${r.id}`, null, new Date('2027-05-01T09:00:00Z'), 'zwemles Amira El Amrani'),
    ]);
    await t.db.insert(paymentEntries).values({ registrationId: r.id, amountCents: 300, method: 'desk', source: 'staff', note: 'Mama van Amira betaalde cash', recordedBy: 'staff@zwemclub.example', at });
    const [pay] = await t.db.select().from(registrationPayments).where(eq(registrationPayments.registrationId, r.id));
    if (pay) await t.db.update(registrationPayments).set({ waiveNote: 'Fatima is werkloos' }).where(eq(registrationPayments.registrationId, r.id));
    else await t.db.insert(registrationPayments).values({ registrationId: r.id, reference: '090933755493', waivedAt: at, waiveNote: 'Fatima is werkloos', createdAt: at, updatedAt: at });

    // A year after the last session (8 April 2026) the registration is anonymised.
    t.time.set('2027-04-09T00:00:00Z');
    await tick(t.db, t.time.clock(), 'http://instap.test');

    const lines = await t.db.select().from(bankLines).where(eq(bankLines.statementId, statement!.id));
    const byUid = Object.fromEntries(lines.map((l) => [l.uid.split('-')[0], l]));
    expect(byUid.booked).toMatchObject({ debtorName: null, debtorIban: null, remittance: '–', amountCents: 800, bookedCents: 800, reference: '090933755493', state: 'booked', registrationId: r.id });
    expect(byUid.old).toMatchObject({ debtorName: null, debtorIban: null, remittance: '–', amountCents: 800, state: 'unmatched' });
    // An unmatched line younger than the period keeps its payer: staff may still match it by hand.
    expect(byUid.new).toMatchObject({ debtorName: 'EL AMRANI FATIMA', debtorIban: 'BE71096123456769', remittance: 'zwemles Amira El Amrani' });
    const [entry] = await t.db.select().from(paymentEntries).where(eq(paymentEntries.registrationId, r.id));
    expect(entry).toMatchObject({ note: null, amountCents: 300, method: 'desk' });
    const [payment] = await t.db.select().from(registrationPayments).where(eq(registrationPayments.registrationId, r.id));
    expect(payment!.waiveNote).toBeNull();
    const books = JSON.stringify([await t.db.select().from(paymentEntries).where(eq(paymentEntries.registrationId, r.id)), payment, byUid.booked, byUid.old]);
    expect(books).not.toMatch(/Fatima|FATIMA|Amira|BE71096123456769/);

    // Once that line too is as old as the period, its payer goes.
    t.time.set('2028-05-02T00:00:00Z');
    await tick(t.db, t.time.clock(), 'http://instap.test');
    const [later] = await t.db.select().from(bankLines).where(eq(bankLines.uid, `new-${r.id}`));
    expect(later).toMatchObject({ debtorName: null, debtorIban: null, remittance: '–' });
    t.time.set('2026-03-01T09:00:00Z');
  });
});
