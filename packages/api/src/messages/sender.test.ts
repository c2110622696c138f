import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { messages } from '../db/schema-messages.js';
import { organisations } from '../db/schema.js';
import { ensureCity } from '../services/auth.js';
import { engines, family, freshDatabase, manualClock, setupActivity, testApp, type TestApp } from '../testing/harness.js';
import { enqueueMessage } from './outbox.js';
import { CLAIM_MS, backoffMs, claimBatch, startSender } from './sender.js';
import { sampleMessages } from './test-fixtures.js';
import { startSmtp } from './test-smtp.js';
import { users } from '../db/schema-accounts.js';
import { createSignInLink, mailSignInLink } from '../services/accounts.js';

const FROM = 'no-reply@instap.test';
const minutes = (n: number) => n * 60_000;

describe.each(engines())('sender on %s', (engine) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let orgId: string;
  let slug: string;
  let activityId: string;
  let sender: ReturnType<typeof startSender>;

  beforeAll(async () => {
    t = await testApp(engine);
    smtp = await startSmtp();
    ({ slug, id: activityId } = await setupActivity(t));
    orgId = (await t.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!.id;
    // intervalMs 0: the test drives the sender by hand, with the manual clock.
    sender = startSender({ db: t.db, clock: t.time.clock, transport: smtp.transport, from: FROM, intervalMs: 0 });
  });
  afterAll(async () => {
    await sender?.stop();
    await smtp?.close();
    await t?.close();
  });
  beforeEach(() => {
    smtp.accept();
    smtp.delivered.length = 0;
  });

  const enqueue = (email: string, language: 'nl' | 'tr' = 'nl') =>
    t.db.transaction(async (tx) => (await enqueueMessage(tx, { ...sampleMessages(orgId, language, { email })['interest-reopened'] }, { now: t.time.clock(), publicOrigin: 'http://instap.test' }))!);
  const row = async (id: string) => (await t.db.select().from(messages).where(eq(messages.id, id)))[0]!;

  it('mails a sign-in link with its token, which the outbox kept only sealed, then forgets the token', async () => {
    const user = (await t.admin('POST', '/users', { email: 'link@club.example', name: 'Link', role: 'organisation-staff', organisation: slug })).json;
    const [account] = await t.db.select().from(users).where(eq(users.id, user.id));
    const { token, expiresAt } = await createSignInLink(t.db, account!, t.time.clock());
    expect(await mailSignInLink(t.db, account!, { token, expiresAt }, { now: t.time.clock(), publicOrigin: 'http://instap.test' })).toBe(true);
    const [stored] = await t.db.select().from(messages).where(eq(messages.recipientEmail, 'link@club.example'));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await sender.runOnce()).toBeGreaterThanOrEqual(1);
    const mail = smtp.delivered.find((d) => d.to.includes('link@club.example'))!.mail;
    expect(mail.text).toContain(`http://instap.test/admin/#/link?token=${token}`);
    expect(mail.html).toContain(`token=${token}`);
    expect(await row(stored!.id)).toMatchObject({ status: 'sent', sealedToken: null });
  });

  it('delivers a confirmation: sender, recipient, subject, language and the sessions as an .ics file', async () => {
    // Registering enqueues the confirmation in the registration's own transaction.
    const reg = await t.call('POST', `/activities/${activityId}/registrations`, family({ contact: { name: 'Ayşe', email: 'ayse@example.be' }, language: 'tr' }));
    expect(reg.status).toBe(201);
    const [made] = await t.db.select().from(messages).where(eq(messages.registrationId, reg.json.id));
    expect(made).toMatchObject({ kind: 'registration-confirmed', status: 'pending', channel: 'email' });
    expect(await sender.runOnce()).toBe(1);
    expect(smtp.delivered).toHaveLength(1);
    const { from, to, mail } = smtp.delivered[0]!;
    expect(from).toBe(FROM);
    expect(to).toEqual(['ayse@example.be']);
    expect(mail.subject).toBe('Amira: Zwemlessen kaydı tamam');
    expect(mail.headers.get('content-language')).toBe('tr');
    expect(mail.headers.get('x-instap-message')).toBe(made!.id);
    expect(mail.replyTo?.text).toBe('info@zwemclub.example');
    expect(mail.text).toContain('Merhaba Ayşe,');
    expect(mail.text).toContain(`http://instap.test/r/${reg.json.token}`);
    expect(mail.html).toContain('<html lang="tr" dir="ltr">');
    const ics = mail.attachments.find((a) => a.filename === 'zwemlessen.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = ics!.content.toString('utf8');
    expect(calendar).toContain('DTSTART:20260401T150000Z');
    expect(calendar).toContain('DTSTART:20260408T150000Z');
    expect(await row(made!.id)).toMatchObject({ status: 'sent', attempts: 1, claimedUntil: null });
    expect(await sender.runOnce()).toBe(0);
  });

  it('retries a refused message with growing waits, then delivers it once the server takes it', async () => {
    const { id } = await enqueue('later@example.be');
    smtp.refuse(451);
    expect(await sender.runOnce()).toBe(1);
    let r = await row(id);
    expect(r).toMatchObject({ status: 'pending', attempts: 1 });
    expect(r.lastError).toMatch(/451/);
    expect(r.nextAttemptAt!.getTime() - t.time.clock().getTime()).toBe(backoffMs(1));
    expect(await sender.runOnce()).toBe(0); // not due yet

    t.time.advance(minutes(1));
    expect(await sender.runOnce()).toBe(1);
    r = await row(id);
    expect(r.attempts).toBe(2);
    expect(r.nextAttemptAt!.getTime() - t.time.clock().getTime()).toBe(minutes(5));

    smtp.accept();
    t.time.advance(minutes(4));
    expect(await sender.runOnce()).toBe(0);
    t.time.advance(minutes(1));
    expect(await sender.runOnce()).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.delivered.map((d) => d.to)).toEqual([['later@example.be']]);
  });

  it('gives up after the limit and shows the message to staff as failed', async () => {
    const { id } = await enqueue('never@example.be');
    smtp.refuse(451, 'Mailbox busy');
    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await sender.runOnce()).toBe(1);
      t.time.advance(backoffMs(attempt));
    }
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 8 });
    expect(await sender.runOnce()).toBe(0);
    const failed = await t.admin('GET', `/organisations/${slug}/messages?status=failed`);
    expect(failed.status).toBe(200);
    expect(failed.json.messages).toEqual([expect.objectContaining({ id, status: 'failed', lastError: expect.stringContaining('Mailbox busy') })]);

    // Once the problem is solved, staff can send it again.
    smtp.accept();
    expect((await t.admin('POST', `/messages/${id}/retry`)).status).toBe(200);
    expect(await sender.runOnce()).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'sent' });
  });

  it('an address the server refuses for good fails at once, so staff can call the family', async () => {
    const { id } = await enqueue('nobody@example.be');
    smtp.refuse(550);
    expect(await sender.runOnce()).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('takes over a message a crashed process left in "sending" once its lease is over', async () => {
    const { id } = await enqueue('crash@example.be');
    const claimed = await claimBatch(t.db, t.time.clock(), 10, CLAIM_MS); // a process claims, then dies
    expect(claimed.map((m) => m.id)).toEqual([id]);
    expect(await sender.runOnce()).toBe(0);
    t.time.advance(CLAIM_MS + 1);
    expect(await sender.runOnce()).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.delivered).toHaveLength(1);
  });

  it('leaves the call list alone', async () => {
    await t.db.transaction((tx) => enqueueMessage(tx, sampleMessages(orgId, 'nl', { phoneOnly: true })['interest-reopened'], { now: t.time.clock(), publicOrigin: 'http://x' }));
    expect(await sender.runOnce()).toBe(0);
  });
});

describe.runIf(process.env.DATABASE_URL)('two senders on one PostgreSQL', () => {
  it('deliver each of 50 messages exactly once', async () => {
    const first = await freshDatabase('postgres', { poolSize: 10 });
    const [{ name }] = (await first.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    // A second pool on the same database: the two senders really compete for rows.
    const second = await openDatabase({ url: url.toString(), poolSize: 10 });
    const smtp = await startSmtp();
    const time = manualClock('2026-03-01T09:00:00Z');
    try {
      const city = await ensureCity(first.db);
      const [org] = await first.db.insert(organisations).values({ cityId: city.id, slug: 'club', name: 'Club', phone: '056 11 22 33', email: 'club@example.be' }).returning();
      for (let i = 0; i < 50; i++) {
        await first.db.transaction((tx) => enqueueMessage(tx, sampleMessages(org!.id, 'nl', { email: `family${i}@example.be` })['interest-reopened'], { now: time.clock(), publicOrigin: 'http://x' }));
      }
      const a = startSender({ db: first.db, clock: time.clock, transport: smtp.transport, from: FROM, batchSize: 5, intervalMs: 0 });
      const b = startSender({ db: second.db, clock: time.clock, transport: smtp.transport, from: FROM, batchSize: 5, intervalMs: 0 });
      const drain = async (s: typeof a) => {
        let n = 0;
        for (let k = await s.runOnce(); k > 0; k = await s.runOnce()) n += k;
        return n;
      };
      const [na, nb] = await Promise.all([drain(a), drain(b)]);
      expect(na + nb).toBe(50);
      expect(na).toBeGreaterThan(0);
      expect(nb).toBeGreaterThan(0);
      const ids = smtp.delivered.map((d) => d.mail.headers.get('x-instap-message'));
      expect(ids).toHaveLength(50);
      expect(new Set(ids).size).toBe(50);
      const sent = await first.db.select().from(messages).where(eq(messages.status, 'sent'));
      expect(sent).toHaveLength(50);
      expect(sent.every((m) => m.attempts === 1)).toBe(true);
    } finally {
      await smtp.close();
      await second.close();
      await first.close();
    }
  });
});
