/**
 * A 413 (or any early error) to a request with a body closes the connection, so a keep-alive
 * client's next request does not fail on a dropped socket. A real server on port 0.
 */
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from './app.js';
import { setupActivity, testApp, type TestApp } from './testing/harness.js';
import { listen, rawRequest } from './testing/http.js';

describe('early answers close the connection', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let id: string;
  beforeAll(async () => {
    t = await testApp('pglite');
    ({ id } = await setupActivity(t));
    server = await listen(createApp({ db: t.db, clock: t.time.clock, publicOrigin: 'http://instap.test' }).fetch);
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const big = JSON.stringify({ children: [{ firstName: 'x'.repeat(MAX_BODY_BYTES + 1000), birthYear: 2017 }] });

  it('a 413 says Connection: close, and the same keep-alive agent goes on working', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ok = await rawRequest(server.port, { path: `/api/v1/activities/${id}`, agent });
    expect(ok.status).toBe(200);
    const tooBig = await rawRequest(server.port, { method: 'POST', path: `/api/v1/activities/${id}/registrations`, headers: { 'content-type': 'application/json' }, body: big, agent });
    expect([tooBig.status, tooBig.json.error.code, tooBig.headers.connection]).toEqual([413, 'body_too_large', 'close']);
    for (let i = 0; i < 3; i++) expect((await rawRequest(server.port, { path: `/api/v1/activities/${id}`, agent })).status).toBe(200);
    agent.destroy();
  });

  it("Node's fetch: the request after a 413 does not fail (no UND_ERR_SOCKET)", async () => {
    const base = `http://127.0.0.1:${server.port}/api/v1`;
    expect((await fetch(`${base}/activities/${id}`)).status).toBe(200);
    const tooBig = await fetch(`${base}/activities/${id}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(tooBig.status).toBe(413);
    await tooBig.text();
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/activities/${id}`)).status).toBe(200);
    // Another early answer with a body: unauthorised admin write.
    const denied = await fetch(`${base}/admin/organisations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slug: 'x' }) });
    expect([denied.status, denied.headers.get('connection')]).toEqual([401, 'close']);
    expect((await fetch(`${base}/activities/${id}`)).status).toBe(200);
  });

  it('a good answer keeps the connection open', async () => {
    const res = await rawRequest(server.port, { path: `/api/v1/activities/${id}`, agent: new Agent({ keepAlive: true }) });
    expect(res.headers.connection).toBe('keep-alive');
  });
});

describe('private answers are not cached', () => {
  it('the family view, admin lists and the CSV say Cache-Control: no-store; public activities may be cached', async () => {
    const t = await testApp('pglite');
    try {
      const { id } = await setupActivity(t);
      const reg = await t.call('POST', `/activities/${id}/registrations`, { children: [{ firstName: 'Amira', birthYear: 2017 }], contact: { name: 'Fatima', phone: '0470 12 34 56' }, kanspas: false, language: 'nl' });
      expect(reg.status).toBe(201);
      const view = await t.call('GET', `/registrations/${reg.json.token}`);
      expect([view.status, view.headers.get('cache-control')]).toEqual([200, 'no-store']);
      const list = await t.admin('GET', `/activities/${id}/registrations`);
      expect([list.status, list.headers.get('cache-control')]).toEqual([200, 'no-store']);
      const csv = await t.admin('GET', `/activities/${id}/registrations?format=csv`);
      expect([csv.status, csv.headers.get('content-type'), csv.headers.get('cache-control')]).toEqual([200, 'text/csv; charset=utf-8', 'no-store']);
      expect((await t.admin('GET', '/organisations')).headers.get('cache-control')).toBe('no-store');
      expect((await t.call('GET', `/registrations/onbekend`)).headers.get('cache-control')).toBe('no-store');
      expect((await t.call('GET', `/activities/${id}`)).headers.get('cache-control')).not.toBe('no-store');
    } finally {
      await t.close();
    }
  });
});
