import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
  let commitmentBefore: string;
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
    commitmentBefore = (await call('GET', `/activities/${id}/draw`)).commitment;
    now = new Date('2026-03-11T08:00:00Z');
    await call('POST', `/admin/activities/${id}/draw`, undefined, true);
    published = JSON.stringify(await call('GET', `/activities/${id}/draw`));
  });
  afterAll(() => database?.close());

  const verify = (json: string, ...args: string[]) => {
    const file = join(mkdtempSync(join(tmpdir(), 'instap-draw-')), 'draw.json');
    writeFileSync(file, json);
    return spawnSync(tsx, [cli, file, ...args], { encoding: 'utf8' });
  };

  it('confirms a draw that matches its commitment, seed and rule', () => {
    const r = verify(published, '--commitment', commitmentBefore);
    expect(r.stdout).toContain('✓ The commitment is the one you noted before the draw.');
    expect(r.stdout).toContain('✓ The seed matches the commitment published before the draw.');
    expect(r.stdout).toContain('✓ Closing value recomputed from the 7 draw ids');
    expect(r.stdout).toContain('✓ The draw of 7 registrations matches the seed and the rule.');
    expect(r.stdout).toContain('only the organisation can check');
    expect(r.status).toBe(0);
  });

  it('finds an outcome someone changed afterwards', () => {
    const d = JSON.parse(published);
    const [a, b] = [d.entries.find((e: { outcome: string }) => e.outcome === 'confirmed'), d.entries.find((e: { outcome: string }) => e.outcome === 'waitlisted')];
    [a.outcome, b.outcome, a.waitlistPosition, b.waitlistPosition] = [b.outcome, a.outcome, b.waitlistPosition, a.waitlistPosition];
    const r = verify(JSON.stringify(d));
    expect(r.stdout).toMatch(/✗ This draw does not match: \d+ problems? found/);
    expect(r.status).toBe(1);
  });

  it('finds a seed that is not the one committed to', () => {
    const d = JSON.parse(published);
    d.seed = d.seed.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    const r = verify(JSON.stringify(d));
    expect(r.stdout).toContain('✗ The seed does not match the commitment published before the draw');
    expect(r.status).toBe(1);
  });

  it('finds a seed and commitment both swapped, against the commitment noted before the draw', () => {
    const d = JSON.parse(published);
    d.seed = 'b'.repeat(64);
    d.commitment = createHash('sha256').update(d.seed).digest('hex');
    const r = verify(JSON.stringify(d), '--commitment', commitmentBefore);
    expect(r.stdout).toContain('✗ The commitment is not the one you noted before the draw');
    expect(r.status).toBe(1);
  });

  it('finds entries changed: two lines swapped, one line removed', () => {
    const swapped = JSON.parse(published);
    [swapped.entries[0].id, swapped.entries[1].id] = [swapped.entries[1].id, swapped.entries[0].id];
    const r = verify(JSON.stringify(swapped));
    expect(r.stdout).toMatch(/✗ Rank 1: the list has/);
    expect(r.status).toBe(1);
    const fewer = JSON.parse(published);
    fewer.entries.pop();
    const r2 = verify(JSON.stringify(fewer));
    expect(r2.stdout).toContain('closing value is not the SHA-256');
    expect(r2.status).toBe(1);
  });

  it('before the draw, shows only the commitment; a file that is no draw gets a plain message', () => {
    const d = JSON.parse(published);
    const before = { ...d, seed: undefined, drawnAt: null, closingValue: null, entries: [] };
    const r = verify(JSON.stringify(before));
    expect(r.stdout).toContain(`The draw has not run yet. The seed is secret; its commitment (SHA-256 of the seed) is fixed: ${d.commitment}`);
    expect(r.status).toBe(0);
    const bad = verify('{"hello": 1}');
    expect(bad.stderr).toContain('This is not a published draw');
    expect(bad.status).toBe(2);
  });
});
