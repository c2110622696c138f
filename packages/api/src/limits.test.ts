/**
 * Attack tests for the rate limits: parallel requests get exactly the limit through on both
 * engines, the client address behind a proxy is the one the proxy added, and a guesser never
 * locks the real owner out.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { messages } from './db/schema-messages.js';
import { LIMITS } from './services/accounts.js';
import { countHit, takeHits } from './services/rate-limit.js';
import { ORIGIN } from './testing/browser.js';
import { engines, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe.each(engines())('limits under parallel requests on %s', (engine) => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let slug: string;
  const work: Promise<void>[] = [];
  const post = (path: string, body: unknown, ip: string) =>
    app.request(`${ORIGIN}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await testApp(engine, undefined, { poolSize: 20 });
    app = createApp({ db: t.db, clock: t.time.clock, publicOrigin: ORIGIN, trustProxy: true, defer: (w) => void work.push(w()) });
    ({ slug } = await setupActivity(t));
    const u = await t.admin('POST', '/users', { email: 'els@club.example', name: 'Els', role: 'organisation-admin', organisation: slug, password: 'een lang wachtwoord' });
    expect(u.status).toBe(201);
  });
  afterAll(() => t?.close());

  it('countHit and takeHits count atomically: 50 at once give 1..50, exactly max pass', async () => {
    const now = t.time.clock();
    const counts = await Promise.all(Array.from({ length: 50 }, () => countHit(t.db, 'test:count', now, 60_000)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const taken = await Promise.all(Array.from({ length: 50 }, () => takeHits(t.db, [{ key: 'test:take', max: 7 }, { key: 'test:other', max: 100 }], now, 60_000)));
    expect(taken.filter((r) => r.ok)).toHaveLength(7);
    const refused = taken.find((r) => !r.ok) as { ok: false; retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The next window starts afresh.
    expect(await takeHits(t.db, [{ key: 'test:take', max: 7 }], new Date(now.getTime() + 60_000), 60_000)).toEqual({ ok: true });
  });

  it(`parallel brute force: 200 wrong passwords at once, exactly ${LIMITS.passwordPerAccountAddress} tried`, async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => post('/session', { email: 'els@club.example', password: `gok nummer ${i}` }, '198.51.100.7')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMITS.passwordPerAccountAddress);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - LIMITS.passwordPerAccountAddress);
    const limited = answers.find((a) => a.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    const body = (await limited.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_many_requests');
    expect(body.error.message).toMatch(/Wait \d+ minutes?, or ask for a sign-in link/);
    // Even the right password waits at that address…
    expect((await post('/session', { email: 'els@club.example', password: 'een lang wachtwoord' }, '198.51.100.7')).status).toBe(429);
    // …but the owner at her own address signs in, and a sign-in link still reaches her.
    expect((await post('/session', { email: 'els@club.example', password: 'een lang wachtwoord' }, '192.0.2.44')).status).toBe(200);
    expect((await post('/session/link', { email: 'els@club.example' }, '198.51.100.7')).status).toBe(202);
    t.time.advance(16 * 60_000);
  });

  it('a guesser with many addresses is slowed on the account, and the owner still gets a link', async () => {
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) => post('/session', { email: 'els@club.example', password: `gok ${i}` }, `203.0.113.${i}`)),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(LIMITS.passwordPerAccount);
    const link = await post('/session/link', { email: 'els@club.example' }, '192.0.2.44');
    expect(link.status).toBe(202);
    t.time.advance(16 * 60_000);
    expect((await post('/session', { email: 'els@club.example', password: 'een lang wachtwoord' }, '192.0.2.44')).status).toBe(200);
  }, 240_000); // every tried password costs a real scrypt hash

  it(`40 sign-in-link requests at once queue exactly ${LIMITS.linkPerEmail} mails`, async () => {
    const before = await t.db.select().from(messages).where(and(eq(messages.kind, 'sign-in-link'), eq(messages.recipientEmail, 'els@club.example')));
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post('/session/link', { email: 'els@club.example' }, `198.51.100.${i}`)));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(LIMITS.linkPerEmail);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(40 - LIMITS.linkPerEmail);
    await Promise.all(work);
    const after = await t.db.select().from(messages).where(and(eq(messages.kind, 'sign-in-link'), eq(messages.recipientEmail, 'els@club.example')));
    expect(after.length - before.length).toBe(LIMITS.linkPerEmail);
    t.time.advance(16 * 60_000);
  });

  it('30 appointment requests at once from one client: exactly 5 are stored', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => post(`/organisations/${slug}/appointments`, { name: `Script ${i}`, phone: '0470123456', when: 'morning' }, '198.51.100.99')));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(25);
  });

  it('behind the proxy, the client is the address the proxy added, not the one the client wrote', async () => {
    // A script writes a new first address on every try; the proxy appends the real one.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post('/session', { email: `iemand${i}@club.example`, password: 'fout wachtwoord' }, `10.9.${i}.1, 198.51.100.200`)),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(LIMITS.passwordPerAddress);
    t.time.advance(16 * 60_000);
  }, 240_000);

  it('fifty colleagues signing in behind one office address are not limited by it', async () => {
    t.time.advance(16 * 60_000);
    const office = '198.51.100.250';
    for (let i = 0; i < LIMITS.passwordPerAddress + 2; i++) expect((await post('/session', { email: 'els@club.example', password: 'een lang wachtwoord' }, office)).status).toBe(200);
  }, 240_000);
});
