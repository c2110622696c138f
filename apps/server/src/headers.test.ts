/** The server's pages: a strict Content-Security-Policy everywhere, and a plain page when the database is gone. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, seedDemo, type Database } from '@instap/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './server.js';

describe('page headers', () => {
  let database: Database;
  let app: ReturnType<typeof createServer>;
  let camp: string;
  const adminDir = join(tmpdir(), `instap-admin-${process.pid}`);
  beforeAll(async () => {
    mkdirSync(adminDir, { recursive: true });
    writeFileSync(join(adminDir, 'index.html'), '<!doctype html><title>Instap beheer</title><script type="module" src="/admin/assets/main.js"></script>');
    database = await openDatabase();
    camp = (await seedDemo(database.db, new Date('2026-03-01T09:00:00Z')))!.activities.camp;
    app = createServer({ db: database.db, clock: () => new Date('2026-03-01T09:00:00Z'), publicOrigin: 'https://inschrijven.instap.example', adminDir });
  });
  afterAll(() => database?.close());

  it('every page and the console carry a strict policy with frame-ancestors', async () => {
    for (const path of ['/', '/r/abc', `/a/${camp}`, '/a/00000000-0000-4000-8000-000000000000', '/admin/', '/admin/#/link', '/api/v1/docs']) {
      const res = await app.request(`http://instap.test${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("base-uri 'none'");
      expect(csp, path).toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('API answers get a policy that runs and frames nothing', async () => {
    const res = await app.request(`http://instap.test/api/v1/activities/${camp}`);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('without its database, a page is a plain 503 page, not a stack; the API a 503 code', async () => {
    const lost = await openDatabase();
    const broken = createServer({ db: lost.db, clock: () => new Date(), publicOrigin: 'http://instap.test' });
    await lost.close();
    for (const path of ['/', `/a/${camp}`, `/loting/${camp}`]) {
      const res = await broken.request(`http://instap.test${path}`);
      const page = await res.text();
      expect(res.status, path).toBe(503);
      expect(page, path).toContain('Instap is even niet bereikbaar');
      expect(page, path).not.toMatch(/at |Error|PGlite|\.ts:/);
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
    const api = await broken.request('http://instap.test/api/v1/organisations/demo/activities');
    expect([api.status, (await api.json()).error.code]).toEqual([503, 'database_unavailable']);
  });
});
