import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../db/schema.js';
import { engines, setupActivity, testApp, type TestApp } from '../testing/harness.js';
import { mailboxPage } from './mailbox.js';
import { enqueueMessage } from './outbox.js';
import { sampleActivity, sampleMessages } from './test-fixtures.js';

describe.each(engines())('dev mailbox on %s', (engine) => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await testApp(engine);
    const { slug } = await setupActivity(t);
    orgId = (await t.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!.id;
    const m = sampleMessages(orgId, 'ar')['interest-reopened'];
    const evil = { ...m, activity: { ...sampleActivity, title: '<img src=x onerror=alert(1)>' } } as typeof m;
    await t.db.transaction((tx) => enqueueMessage(tx, evil, { now: t.time.clock(), publicOrigin: 'http://instap.test' }));
  });
  afterAll(() => t?.close());

  it('shows what a family would receive on a plain page, with every text escaped', async () => {
    const app = new Hono();
    app.get('/admin/mailbox', mailboxPage({ db: t.db }));
    const res = await app.request('http://demo.test/admin/mailbox', {}, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Postvak (test)');
    expect(html).toContain('fatima@example.be');
    expect(html).toContain('dir="rtl"');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<(script|link)\b|src="http/);
  });

  it('answers only a browser on the machine itself, never through a proxy', async () => {
    const app = new Hono();
    app.get('/admin/mailbox', mailboxPage({ db: t.db }));
    const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
      app.request('http://demo.test/admin/mailbox', { headers }, { incoming: { socket: { remoteAddress } } });
    expect((await from('::1')).status).toBe(200);
    expect((await from('::ffff:127.0.0.1')).status).toBe(200);
    const outside = await from('192.0.2.10');
    expect(outside.status).toBe(403);
    expect(await outside.text()).not.toContain('fatima');
    expect((await from('127.0.0.1', { 'x-forwarded-for': '192.0.2.10' })).status).toBe(403);
    expect((await app.request('http://demo.test/admin/mailbox')).status).toBe(403);
  });

  it('lists the same messages as JSON in the admin API', async () => {
    const res = await t.admin('GET', '/mailbox');
    expect(res.status).toBe(200);
    expect(res.json.messages[0]).toMatchObject({ kind: 'interest-reopened', status: 'pending', recipient: { email: 'fatima@example.be' } });
  });

  it('the OpenAPI document still builds with the new routes', async () => {
    const res = await t.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.paths)).toEqual(expect.arrayContaining(['/organisations/{slug}/appointments', '/admin/organisations/{slug}/call-list', '/admin/mailbox']));
  });
});
