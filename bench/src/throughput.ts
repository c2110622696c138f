/**
 * Registrations per second on one hot activity, through the real server on PostgreSQL, next to
 * pgbench running the same locking transaction on the same server: the database's own limit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { challengeOf, solveProof } from '../../packages/api/src/testing/proof.js';
import postgres from 'postgres';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = `bench-${randomUUID()}`;

export interface Throughput {
  requests: number;
  concurrency: number;
  capacity: number;
  perSecond: number;
  p50ms: number;
  p95ms: number;
  confirmed: number;
  waitlisted: number;
  oversold: number;
  errors: number;
  pgbenchTps: number | null;
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error('The server stopped while starting.');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not answer at ${url}.`);
}

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export async function throughput(opts: { baseUrl: string; requests: number; concurrency: number; capacity: number; pgbenchSeconds: number }): Promise<Throughput> {
  const name = `instap_bench_${Date.now()}`;
  const admin = postgres(opts.baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(opts.baseUrl);
  url.pathname = `/${name}`;
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn(join(root, 'bench/node_modules/.bin/tsx'), [join(root, 'apps/server/src/main.ts')], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: url.toString(), INSTAP_DEMO: '0', INSTAP_BOOTSTRAP_TOKEN: TOKEN, INSTAP_TRUST_PROXY: '1', PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}/api/v1`;
    await waitFor(`${base}/openapi.json`, server);
    const adminCall = async (path: string, body: unknown) => {
      const r = await fetch(`${base}/admin${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<{ id: string }>;
    };
    await adminCall('/organisations', { slug: 'bench', name: 'Bench club', phone: '056 00 00 00' });
    const now = Date.now();
    const activity = await adminCall('/organisations/bench/activities', {
      title: 'Hot activity',
      location: 'Bench',
      sessions: [{ startsAt: new Date(now + 30 * 864e5).toISOString(), endsAt: new Date(now + 30 * 864e5 + 36e5).toISOString() }],
      capacity: opts.capacity,
      reservedPlaces: Math.floor(opts.capacity / 10),
      reservedUntil: new Date(now + 20 * 864e5).toISOString(),
      priceCents: 4000,
      registration: { opensAt: new Date(now - 864e5).toISOString() },
    });

    // Warm up the connection pool and the JIT before measuring.
    const register = async (i: number) => {
      const t0 = performance.now();
      const key = randomUUID();
      const send = (proof?: string) => fetch(`${base}/activities/${activity.id}/registrations`, {
        method: 'POST',
        // Families at as many addresses as there are requests: one address alone is slowed down on purpose (docs/bulk-registrations.md).
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...(proof ? { 'instap-proof': proof } : {}), 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({ children: [{ firstName: `Kind ${i}`, birthYear: 2016 }], contact: { name: 'Ouder', phone: '0470 12 34 56' }, kanspas: i % 4 === 0, language: 'nl' }),
      });
      let r = await send();
      // A busy activity asks everyone for the smallest proof-of-work, as the widget pays it.
      if (r.status === 428) r = await send(await solveProof(challengeOf(r.headers)!));
      await r.arrayBuffer();
      return { ms: performance.now() - t0, ok: r.status === 201 };
    };
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (next < opts.requests) {
          const i = next++;
          const r = await register(i);
          latencies.push(r.ms);
          if (!r.ok) errors++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);

    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const [row] = await db<{ confirmed: number; waitlisted: number }[]>`
      select count(*) filter (where r.status = 'confirmed')::int as confirmed,
             count(*) filter (where r.status = 'waitlisted')::int as waitlisted
      from registrations r where r.activity_id = ${activity.id}`;
    const [other] = await db<{ id: string; organisation_id: string }[]>`
      insert into activities (organisation_id, title, location, capacity, price_cents, opens_at)
      select organisation_id, 'pgbench', 'pgbench', 1000000, 4000, now() from activities where id = ${activity.id}
      returning id, organisation_id`;
    await db.end();

    const pgbenchTps = runPgbench(url.toString(), other!.id, other!.organisation_id, opts.concurrency, opts.pgbenchSeconds);
    return {
      requests: opts.requests,
      concurrency: opts.concurrency,
      capacity: opts.capacity,
      perSecond: opts.requests / seconds,
      p50ms: quantile(latencies, 0.5),
      p95ms: quantile(latencies, 0.95),
      confirmed: row!.confirmed,
      waitlisted: row!.waitlisted,
      oversold: Math.max(0, row!.confirmed - opts.capacity),
      errors,
      pgbenchTps,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** The same transaction the API runs for one registration (with its message in the outbox), as plain SQL. */
function runPgbench(url: string, activityId: string, organisationId: string, clients: number, seconds: number): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'instap-pgbench-'));
  const script = join(dir, 'register.sql');
  writeFileSync(
    script,
    `BEGIN;
SELECT id FROM activities WHERE id = '${activityId}' FOR UPDATE;
SELECT rc.place_kind, count(*) FROM registration_children rc JOIN registrations r ON r.id = rc.registration_id
  WHERE r.activity_id = '${activityId}' AND r.status IN ('confirmed', 'offered') GROUP BY rc.place_kind;
INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ('bench', md5(random()::text || clock_timestamp()::text), 'x', now());
WITH r AS (
  INSERT INTO registrations (activity_id, token, status, contact_name, contact_phone, kanspas, language, price_cents, price, created_at, updated_at)
  VALUES ('${activityId}', md5(random()::text || clock_timestamp()::text), 'confirmed', 'Ouder', '0470123456', false, 'nl', 4000, '{}', now(), now())
  RETURNING id)
INSERT INTO registration_children (registration_id, position, first_name, birth_year, place_kind) SELECT id, 0, 'Kind', 2016, 'general' FROM r;
INSERT INTO messages (organisation_id, kind, language, recipient_name, recipient_email, channel, subject, text, status, created_at)
  VALUES ('${organisationId}', 'registration-confirmed', 'nl', 'Ouder', 'ouder@example.be', 'email', 'Je inschrijving', repeat('Je plaats is zeker. ', 80), 'pending', now());
COMMIT;
`,
  );
  const r = spawnSync('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, url], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    console.warn(`pgbench did not run: ${r.error?.message ?? r.stderr.trim()}`);
    return null;
  }
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout) ?? /tps = ([\d.]+)/.exec(r.stdout);
  return m ? Number(m[1]) : null;
}
