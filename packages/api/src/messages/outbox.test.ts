import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../db/schema-messages.js';
import { organisations } from '../db/schema.js';
import { engines, setupActivity, testApp, type TestApp } from '../testing/harness.js';
import { enqueueMessage } from './outbox.js';
import { sampleActivity, sampleMessages } from './test-fixtures.js';

describe.each(engines())('outbox on %s', (engine) => {
  let t: TestApp;
  let orgId: string;
  let slug: string;
  const ctx = () => ({ now: t.time.clock(), publicOrigin: 'http://instap.test' });
  const reopened = (to: Record<string, unknown>) => ({ ...sampleMessages(orgId, 'nl')['interest-reopened'], to: { name: 'Fatima', language: 'nl' as const, ...to } }) as never;

  beforeAll(async () => {
    t = await testApp(engine);
    slug = (await setupActivity(t)).slug;
    orgId = (await t.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!.id;
  });
  afterAll(() => t?.close());
  const rowsOf = () => t.db.select().from(messages).where(eq(messages.organisationId, orgId));

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const before = (await rowsOf()).length;
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueMessage(tx, reopened({ email: 'fatima@example.be' }), ctx());
        throw new Error('the registration failed after the message was enqueued');
      }),
    ).rejects.toThrow('the registration failed');
    expect((await rowsOf()).length).toBe(before);
  });

  it('a message committed with its change is waiting to be sent, rendered as it will go out', async () => {
    const made = await t.db.transaction((tx) => enqueueMessage(tx, reopened({ email: 'fatima@example.be', language: 'fr' }), ctx()));
    expect(made).toMatchObject({ channel: 'email', status: 'pending' });
    const [row] = await t.db.select().from(messages).where(eq(messages.id, made!.id));
    expect(row).toMatchObject({ recipientEmail: 'fatima@example.be', language: 'fr', replyTo: sampleActivity.organisation.email, attempts: 0 });
    expect(row!.subject).toBe('Vous pouvez vous inscrire à Zwemlessen');
    expect(row!.text).toContain('Bonjour Fatima,');
    expect(row!.nextAttemptAt!.toISOString()).toBe(t.time.clock().toISOString());
  });

  it('a family with only a phone number gets no e-mail: a staff member calls, with the words in Dutch', async () => {
    const made = await t.db.transaction((tx) => enqueueMessage(tx, reopened({ phone: '0470 12 34 56', language: 'ar' }), ctx()));
    expect(made).toMatchObject({ channel: 'call', status: 'call' });
    const calls = await t.admin('GET', `/organisations/${slug}/call-list`);
    expect(calls.status).toBe(200);
    const call = calls.json.calls.find((c: { id: string }) => c.id === made!.id);
    expect(call).toMatchObject({ language: 'ar', recipient: { name: 'Fatima', phone: '0470 12 34 56', email: null }, kind: 'interest-reopened' });
    expect(call.subject).toBe('Je kunt nu inschrijven voor Zwemlessen');
    expect(call.text).toContain('Inschrijven kan nu weer.');
  });

  it('staff get no e-mail when the organisation has no address, and nothing is written', async () => {
    const m = { ...sampleMessages(orgId)['appointment-requested'], to: { name: 'Club', email: null } } as never;
    const before = (await rowsOf()).length;
    expect(await t.db.transaction((tx) => enqueueMessage(tx, m, ctx()))).toBeNull();
    expect((await rowsOf()).length).toBe(before);
  });
});
