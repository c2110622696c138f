/**
 * Host header injection: a client that writes `Host: evil.example` must not get links to
 * evil.example into a sign-in mail or a waiting-list offer. Real HTTP (node:http), because
 * Node's fetch does not let a client set Host.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { messages } from './db/schema-messages.js';
import { withToken } from './messages/secret-link.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';
import { listen, rawRequest } from './testing/http.js';

const PUBLIC = 'https://inschrijven.instap.example';

describe.each(engines())('links never follow the Host header on %s', (engine) => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let slug: string;
  const work: Promise<void>[] = [];
  const evil = (method: string, path: string, body?: unknown) =>
    rawRequest(server.port, {
      method,
      path: `/api/v1${path}`,
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await testApp(engine);
    const app = createApp({ db: t.db, clock: t.time.clock, publicOrigin: PUBLIC, trustProxy: true, defer: (w) => void work.push(w()) });
    server = await listen(app.fetch);
    ({ slug } = await setupActivity(t));
    expect((await t.admin('POST', '/users', { email: 'els@club.example', name: 'Els', role: 'organisation-admin', organisation: slug })).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it('a sign-in link asked for with Host: evil.example points at PUBLIC_URL', async () => {
    const res = await evil('POST', '/session/link', { email: 'els@club.example' });
    expect(res.status).toBe(202);
    await Promise.all(work);
    const [m] = await t.db.select().from(messages).where(and(eq(messages.kind, 'sign-in-link'), eq(messages.recipientEmail, 'els@club.example')));
    const mailed = withToken(m!, undefined);
    expect(mailed.text).toContain(`${PUBLIC}/admin/#/link?token=`);
    expect(`${mailed.text}${mailed.html}`).not.toContain('evil.example');
  });

  it('a registration, a cancellation and the waiting-list offer it causes, all with Host: evil.example, link to PUBLIC_URL', async () => {
    const { id } = await setupActivity(t, { capacity: 1, offerHours: 24 });
    const first = await evil('POST', `/activities/${id}/registrations`, family({ contact: { name: 'A', email: 'a@example.be' } }));
    const second = await evil('POST', `/activities/${id}/registrations`, family({ contact: { name: 'B', email: 'b@example.be' } }));
    expect([first.json.status, second.json.status]).toEqual(['confirmed', 'waitlisted']);
    expect((await evil('POST', `/registrations/${first.json.token}/cancel`)).status).toBe(200);
    const toB = await t.db.select().from(messages).where(eq(messages.recipientEmail, 'b@example.be'));
    expect(toB.map((m) => m.kind)).toContain('offer-made');
    const all = await t.db.select().from(messages);
    for (const m of all) expect(`${m.text}${m.html ?? ''}`, m.kind).not.toContain('evil.example');
    const offer = toB.find((m) => m.kind === 'offer-made')!;
    expect(offer.text).toContain(`${PUBLIC}/r/${second.json.token}`);
  });
});
