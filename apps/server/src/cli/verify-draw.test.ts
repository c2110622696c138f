import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBootstrapToken, openDatabase, type Database } from '@instap/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server.js';

const TOKEN = 'verify-draw-token-0123456789';
const cli = fileURLToPath(new URL('./verify-draw.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('pnpm verify-draw: anyone recomputes a published draw', () => {
  let database: Database;
  let published: string;
  beforeAll(async () => {
    database = await openDatabase();
    await ensureBootstrapToken(database.db, TOKEN);
    let now = new Date('2026-03-01T09:00:00Z');
    // Behind a proxy, so each family comes from its own address (one address is slowed down after a few).
    const app = createServer({ db: database.db, clock: () => now, publicOrigin: 'http://instap.test', trustProxy: true });
    let family = 0;
    const call = async (method: string, path: string, body?: unknown, admin = false) =>
      (
        await app.request(`http://instap.test/api/v1${path}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++family}`, ...(admin ? { authorization: `Bearer ${TOKEN}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json();
    await call('POST', '/admin/organisations', { slug: 'kamp', name: 'Jeugdkamp', phone: '056 00 00 00' }, true);
    const { id } = await call(
      'POST',
      '/admin/organisations/kamp/activities',
      {
        title: 'Zomerkamp',
        location: 'Kortrijk',
        sessions: [{ startsAt: '2026-07-06T08:00:00Z', endsAt: '2026-07-06T15:00:00Z' }],
        capacity: 3,
        reservedPlaces: 1,
        priceCents: 9000,
        registration: { opensAt: '2026-02-01T08:00:00Z', closesAt: '2026-03-10T08:00:00Z', mode: 'lottery', drawAt: '2026-03-11T08:00:00Z' },
      },
      true,
    );
    for (let i = 0; i < 7; i++)
      await call('POST', `/activities/${id}/registrations`, {
        children: [{ firstName: `Kind ${i}`, birthYear: 2015 }],
        contact: { name: `Ouder ${i}`, phone: '0470 12 34 56' },
        kanspas: i % 3 === 0,
      });
    now = new Date('2026-03-11T08:00:00Z');
    await call('POST', `/admin/activities/${id}/draw`, undefined, true);
    published = JSON.stringify(await call('GET', `/activities/${id}/draw`));
  });
  afterAll(() => database?.close());

  const verify = (json: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'instap-draw-')), 'draw.json');
    writeFileSync(file, json);
    return spawnSync(tsx, [cli, file], { encoding: 'utf8' });
  };

  it('confirms a draw that matches its seed and rule', () => {
    const r = verify(published);
    expect(r.stdout).toContain('✓ The draw of 7 registrations matches the seed and the rule.');
    expect(r.status).toBe(0);
  });

  it('finds a draw someone changed afterwards', () => {
    const d = JSON.parse(published);
    const [a, b] = [d.entries.find((e: { outcome: string }) => e.outcome === 'confirmed'), d.entries.find((e: { outcome: string }) => e.outcome === 'waitlisted')];
    [a.outcome, b.outcome, a.waitlistPosition, b.waitlistPosition] = [b.outcome, a.outcome, b.waitlistPosition, a.waitlistPosition];
    const r = verify(JSON.stringify(d));
    expect(r.stdout).toMatch(/✗ \d+ of 7 do not match/);
    expect(r.status).toBe(1);
  });
});
