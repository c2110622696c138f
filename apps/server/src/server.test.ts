import { ensureBootstrapToken, openDatabase, seedDemo, type Database } from '@instap/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createServer } from './server.js';
import { chooseEncoding } from './static.js';

describe('the server', () => {
  let database: Database;
  let app: ReturnType<typeof createServer>;
  let ids: Awaited<ReturnType<typeof seedDemo>>;
  const now = new Date('2026-03-01T09:00:00Z');
  beforeAll(async () => {
    database = await openDatabase();
    await ensureBootstrapToken(database.db, 'server-test-token-0123456789');
    ids = await seedDemo(database.db, now);
    app = createServer({ db: database.db, clock: () => now, publicOrigin: 'http://instap.test' });
  });
  afterAll(() => database?.close());

  it('shows the demo club site with the widget embedded as a club would', async () => {
    const res = await app.request('http://instap.test/');
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('<script type="module" src="/widget/instap.js"></script>');
    expect(page).toContain('Sportclub De Leie');
    for (const id of Object.values(ids!.activities)) expect(page).toContain(`<instap-registration activity="${id}"></instap-registration>`);
  });

  it('seeds the demo once: an open series, an open camp, a nearly full atelier', async () => {
    expect(await seedDemo(database.db, now)).toBeNull();
    const list = await (await app.request('http://instap.test/api/v1/organisations/demo/activities')).json();
    const byTitle = Object.fromEntries(list.activities.map((a: { title: string }) => [a.title, a]));
    expect(byTitle['Zwemlessen voor beginners']).toMatchObject({ sessionsToCome: 6, registration: { phase: 'first-come' } });
    expect(byTitle['Sportkamp in de krokusvakantie'].placesLeft).toBe(30);
    expect(byTitle['Muziekatelier: drummen'].placesLeft).toBe(1);
  });

  it('serves the widget bundle with a JavaScript type', async () => {
    const res = await app.request('http://instap.test/widget/instap.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect((await app.request('http://instap.test/widget/../package.json')).status).toBe(404);
  });

  it('sends the widget compressed, and a revisit costs a 304 instead of the script', async () => {
    const plain = await app.request('http://instap.test/widget/instap.js', { headers: { 'accept-encoding': 'identity' } });
    const script = new Uint8Array(await plain.arrayBuffer());
    expect(plain.headers.get('content-encoding')).toBeNull();
    const etag = plain.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');

    const br = await app.request('http://instap.test/widget/instap.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(script.length / 2);
    expect(new Uint8Array(brotliDecompressSync(brBytes))).toEqual(script);

    const gz = await app.request('http://instap.test/widget/instap.js', { headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(new Uint8Array(gunzipSync(Buffer.from(await gz.arrayBuffer())))).toEqual(script);
    expect(br.headers.get('etag')).toBe(etag);

    const again = await app.request('http://instap.test/widget/instap.js', { headers: { 'if-none-match': etag!, 'accept-encoding': 'br' } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(again.headers.get('cache-control')).toContain('must-revalidate');
  });

  it('chooses an encoding the browser accepts, and none it refuses', () => {
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('gzip, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*;q=0')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeNull();
  });

  it('has a page for the family link, for one activity, and for a draw', async () => {
    expect(await (await app.request('http://instap.test/r/abc')).text()).toContain('<instap-registration token="abc">');
    const a = await app.request(`http://instap.test/a/${ids!.activities.camp}?referral=ABCDE-FGHJK`);
    expect(await a.text()).toContain(`referral="ABCDE-FGHJK"`);
    expect((await app.request('http://instap.test/a/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const odd = await app.request(`http://instap.test/a/${ids!.activities.camp}?referral=%22%3E%3Cscript%3E`);
    expect(await odd.text()).not.toContain('<script>');
    expect((await app.request(`http://instap.test/loting/${ids!.activities.camp}`)).status).toBe(404);
  });

  it('publishes a draw: the commitment before the draw, never the seed, on a plain page', async () => {
    const res = await app.request('http://instap.test/api/v1/admin/organisations/demo/activities', {
      method: 'POST',
      headers: { authorization: 'Bearer server-test-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Zomerkamp',
        location: 'Sporthal',
        sessions: [{ startsAt: '2026-07-06T08:00:00Z', endsAt: '2026-07-06T15:00:00Z' }],
        capacity: 40,
        priceCents: 9000,
        registration: { opensAt: '2026-03-01T08:00:00Z', closesAt: '2026-03-20T08:00:00Z', mode: 'lottery', drawAt: '2026-03-21T08:00:00Z' },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const draw = await (await app.request(`http://instap.test/api/v1/activities/${id}/draw`)).json();
    expect(draw.seed).toBeUndefined();
    const page = await (await app.request(`http://instap.test/loting/${id}`)).text();
    expect(page).toContain('<h1>Loting: Zomerkamp</h1>');
    expect(page).toContain(draw.commitment);
    expect(page).toContain('De loting is nog niet gebeurd.');
    expect(page).not.toContain('/widget/instap.js');
  });
});
