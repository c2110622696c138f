/**
 * Losing the database: a plain 503 `database_unavailable` within seconds, never a 500 after 30 s.
 * PostgreSQL runs behind a small TCP proxy the test can cut or black-hole.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openDatabase, type Database } from './db/client.js';
import { ensureBootstrapToken } from './services/auth.js';
import { ADMIN_TOKEN } from './testing/harness.js';

function proxy(target: { host: string; port: number }) {
  let mode: 'pass' | 'cut' | 'blackhole' = 'pass';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (mode === 'cut') return client.destroy();
    if (mode === 'blackhole') return; // accepts, never answers
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    set(next: typeof mode) {
      mode = next;
      if (next !== 'pass') for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

const timed = async <T>(fn: () => Promise<T>) => {
  const start = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - start) / 1000 };
};

describe.skipIf(!process.env.DATABASE_URL)('losing PostgreSQL', () => {
  const base = process.env.DATABASE_URL!;
  const name = `instap_test_${randomBytes(6).toString('hex')}`;
  let database: Database;
  let direct: ReturnType<typeof postgres>;
  let p: ReturnType<typeof proxy>;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(`http://instap.test/api/v1${path}`, { headers });
    return { status: res.status, json: await res.json(), retryAfter: res.headers.get('retry-after') };
  };

  beforeAll(async () => {
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    direct = postgres(url.toString(), { max: 1, onnotice: () => {} });
    p = proxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${await p.listen()}`;
    database = await openDatabase({ url: url.toString(), poolSize: 2, statementTimeoutMs: 1500 });
    await ensureBootstrapToken(database.db, ADMIN_TOKEN);
    app = createApp({ db: database.db, clock: () => new Date('2026-03-01T09:00:00Z'), publicOrigin: 'http://instap.test' });
  });
  afterAll(async () => {
    await database?.close().catch(() => {});
    await direct?.end();
    await p?.close();
    const drop = postgres(base, { max: 1, onnotice: () => {} });
    await drop.unsafe(`drop database if exists ${name} with (force)`);
    await drop.end();
  });

  it('answers normally while the database is there', async () => {
    expect((await get('/organisations/bestaat-niet/activities')).status).toBe(404);
  });

  it('a row locked too long: the statement gives up and the answer is a 503, not a wait', async () => {
    const org = await app.request('http://instap.test/api/v1/admin/organisations', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'slot', name: 'Slot', phone: '056 11 22 33' }),
    });
    expect(org.status).toBe(201);
    const held = direct.begin(async (sql) => {
      await sql`select * from organisations where slug = 'slot' for update`;
      await new Promise((r) => setTimeout(r, 4000));
    });
    await new Promise((r) => setTimeout(r, 200));
    const { value: res, seconds } = await timed(async () =>
      app.request('http://instap.test/api/v1/admin/organisations/slot', {
        method: 'PATCH',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Slot 2' }),
      }),
    );
    expect([res.status, (await res.json()).error.code]).toEqual([503, 'database_unavailable']);
    expect(seconds).toBeLessThan(3.5);
    await held;
  });

  it('the connection cut: 503 with a plain message and Retry-After, at once', async () => {
    p.set('cut');
    const { value, seconds } = await timed(() => get('/organisations/demo/activities'));
    expect(value.status).toBe(503);
    expect(value.json.error).toEqual({ code: 'database_unavailable', message: expect.stringMatching(/cannot reach its database/) });
    expect(value.retryAfter).toBe('30');
    expect(seconds).toBeLessThan(5);
  });

  it('the database host silent (packets dropped): 503 after the connect timeout, not 30 s', async () => {
    p.set('blackhole');
    const { value, seconds } = await timed(() => get('/organisations/demo/activities'));
    expect([value.status, value.json.error.code]).toEqual([503, 'database_unavailable']);
    expect(seconds).toBeLessThan(8);
    p.set('pass');
    // Back: the next request works again.
    let back = await get('/organisations/bestaat-niet/activities');
    for (let i = 0; i < 5 && back.status === 503; i++) back = await get('/organisations/bestaat-niet/activities');
    expect(back.status).toBe(404);
  }, 20_000);
});

describe('losing the embedded database', () => {
  it('a closed PGlite answers 503 database_unavailable', async () => {
    const database = await openDatabase();
    const app = createApp({ db: database.db, clock: () => new Date(), publicOrigin: 'http://instap.test' });
    await database.close();
    const res = await app.request('http://instap.test/api/v1/organisations/demo/activities');
    expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([503, 'database_unavailable']);
  });
});
