/**
 * Test databases: embedded PGlite always, and PostgreSQL too when DATABASE_URL is set (a fresh
 * database per test file, dropped afterwards). API tests run once per engine.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createApp } from '../app.js';
import type { Clock } from '../context.js';
import { openDatabase, type Database } from '../db/client.js';
import type { MollieOptions } from '../payments/mollie.js';
import { ensureBootstrapToken } from '../services/auth.js';
import { challengeOf, solveProof } from './proof.js';

export type Engine = 'pglite' | 'postgres';

export function engines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export async function freshDatabase(engine: Engine, opts: { poolSize?: number } = {}): Promise<Database> {
  if (engine === 'pglite') return openDatabase();
  const base = process.env.DATABASE_URL!;
  const name = `instap_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: opts.poolSize });
  return {
    ...database,
    async close() {
      await database.close();
      const drop = postgres(base, { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start: string | Date) {
  let now = new Date(start);
  const clock: Clock = () => new Date(now);
  return {
    clock,
    set: (to: string | Date) => void (now = new Date(to)),
    advance: (ms: number) => void (now = new Date(now.getTime() + ms)),
  };
}

export const ADMIN_TOKEN = 'test-city-admin-token-0123456789';

export async function testApp(engine: Engine, start = '2026-03-01T09:00:00Z', opts: { poolSize?: number; secretKey?: Buffer; trustProxy?: boolean; mollie?: MollieOptions } = {}) {
  const database = await freshDatabase(engine, opts);
  await ensureBootstrapToken(database.db, ADMIN_TOKEN);
  const time = manualClock(start);
  const app = createApp({ db: database.db, clock: time.clock, publicOrigin: 'http://instap.test', secretKey: opts.secretKey, trustProxy: opts.trustProxy, mollie: opts.mollie });
  /** One request, as sent: a 428 stays a 428 (the attack tests). */
  const raw = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(`http://instap.test/api/v1${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers };
  };
  /**
   * A request as the widget sends it: when the server asks for a proof (428 with a challenge),
   * solve it, paying its cost, and send again with the same headers and Idempotency-Key.
   */
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    let res = await raw(method, path, body, headers);
    for (let tries = 0; res.status === 428 && tries < 3; tries++) {
      const challenge = challengeOf(res.headers);
      if (!challenge) break;
      res = await raw(method, path, body, { ...headers, 'instap-proof': await solveProof(challenge) });
    }
    return res;
  };
  const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(method, `/admin${path}`, body, { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers });
  return { app, database, db: database.db, time, call, raw, admin, close: () => database.close() };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** An organisation and an activity through the admin API, as a script would. */
export async function setupActivity(t: TestApp, overrides: Record<string, unknown> = {}, org: Record<string, unknown> = {}) {
  const slug = (org.slug as string) ?? `club-${randomBytes(3).toString('hex')}`;
  const o = await t.admin('POST', '/organisations', { slug, name: 'Zwemclub Test', phone: '056 11 22 33', email: 'info@zwemclub.example', allowedOrigins: ['https://www.zwemclub.example'], ...org });
  if (o.status !== 201) throw new Error(`organisation: ${o.status} ${o.text}`);
  const a = await t.admin('POST', `/organisations/${slug}/activities`, activityBody(overrides));
  if (a.status !== 201) throw new Error(`activity: ${a.status} ${a.text}`);
  return { slug, id: a.json.id as string, activity: a.json };
}

export function activityBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Zwemlessen',
    summary: 'Leren zwemmen in kleine groepjes.',
    location: 'Zwembad, Kortrijk',
    sessions: [
      { startsAt: '2026-04-01T15:00:00Z', endsAt: '2026-04-01T16:00:00Z' },
      { startsAt: '2026-04-08T15:00:00Z', endsAt: '2026-04-08T16:00:00Z' },
    ],
    capacity: 20,
    priceCents: 4000,
    registration: { opensAt: '2026-02-01T08:00:00Z' },
    whatToBring: ['Zwemkledij'],
    ...overrides,
  };
}

export function family(overrides: Record<string, unknown> = {}) {
  return {
    children: [{ firstName: 'Amira', birthYear: 2017 }],
    contact: { name: 'Fatima', phone: '0470 12 34 56' },
    kanspas: false,
    language: 'nl',
    ...overrides,
  };
}
