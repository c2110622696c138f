/**
 * /session/link answers a known and an unknown address with the same work: the answer waits only
 * for the rate limit; the lookup, the link and the mail come after it. Measured as the database
 * calls made before the answer, not as wall time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createApp } from './app.js';
import type { Db } from './db/client.js';
import { messages } from './db/schema-messages.js';
import { hashPassword, SCRYPT, verifyPassword } from './services/accounts.js';
import { users } from './db/schema-accounts.js';
import { browser, ORIGIN } from './testing/browser.js';
import { engines, setupActivity, testApp, type TestApp } from './testing/harness.js';

/** The database with every call counted by method name (select, insert, update, transaction …). */
function counted(db: Db) {
  const calls: string[] = [];
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push(prop);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: proxy as Db, calls };
}

describe.each(engines())('sign-in links take the same work for every address on %s', (engine) => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await testApp(engine);
    ({ slug } = await setupActivity(t));
    expect((await t.admin('POST', '/users', { email: 'els@club.example', name: 'Els', role: 'organisation-admin', organisation: slug })).status).toBe(201);
  });
  afterAll(() => t?.close());

  it('the answer for a known and an unknown address does the same database work; the mail follows', async () => {
    const held: (() => Promise<void>)[] = [];
    const { db, calls } = counted(t.db);
    const app = createApp({ db, clock: t.time.clock, publicOrigin: ORIGIN, defer: (w) => void held.push(w) });
    const ask = async (email: string, ip: string) => {
      calls.length = 0;
      const res = await app.request(`${ORIGIN}/api/v1/session/link`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ email }) });
      return { status: res.status, body: await res.text(), calls: [...calls] };
    };
    await ask('warm-up@club.example', '1'); // the first call on a handle also prunes old counters
    const known = await ask('els@club.example', '1');
    const unknown = await ask('niemand@club.example', '1');
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(known.calls).toEqual(unknown.calls);
    expect(known.calls).toEqual(['transaction']); // only the rate limit
    // Nothing is sent before the deferred work runs; then one mail, to the known address only.
    const to = (email: string) => t.db.select().from(messages).where(and(eq(messages.kind, 'sign-in-link'), eq(messages.recipientEmail, email)));
    expect(await to('els@club.example')).toHaveLength(0);
    for (const w of held) await w();
    expect(held).toHaveLength(3);
    expect(await to('els@club.example')).toHaveLength(1);
    expect(await to('niemand@club.example')).toHaveLength(0);
  });

  it('passwords: OWASP cost; an old, cheaper hash still signs in and is replaced', async () => {
    expect(SCRYPT).toMatchObject({ N: 131072, r: 8, p: 1 });
    // A hash as the server made them before: N = 2^14.
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('een oud wachtwoord', salt, 64, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
    expect(await verifyPassword('een oud wachtwoord', old)).toBe(true);
    const [row] = await t.db.insert(users).values({ email: 'oud@club.example', name: 'Oud', role: 'organisation-staff', cityId: (await t.db.select().from(users))[0]!.cityId, organisationId: (await t.db.select().from(users))[0]!.organisationId, passwordHash: old, createdAt: new Date(), updatedAt: new Date() }).returning();
    const b = browser(createApp({ db: t.db, clock: t.time.clock, publicOrigin: ORIGIN }));
    expect((await b.signIn('oud@club.example', 'een oud wachtwoord')).status).toBe(200);
    const [after] = await t.db.select().from(users).where(eq(users.id, row!.id));
    expect(after!.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('een oud wachtwoord', after!.passwordHash!)).toBe(true);
    expect((await browser(createApp({ db: t.db, clock: t.time.clock, publicOrigin: ORIGIN })).signIn('oud@club.example', 'een oud wachtwoord')).status).toBe(200);
    // A stored hash cannot ask for an absurd cost.
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAA')).toBe(false);
    expect((await hashPassword('een nieuw wachtwoord')).startsWith('scrypt$131072$8$1$')).toBe(true);
  });
});
