import { serve } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ensureBootstrapToken, openDatabase, type Database } from '@instap/api';
import { FORBIDDEN_WORDS, MAX_SENTENCE_WORDS, readability, READABILITY_TARGET } from '@instap/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server.js';
import { DRAW_TEXTS } from './draw-texts.js';

const TOKEN = 'draw-page-token-0123456789';
const cli = fileURLToPath(new URL('../cli/verify-draw.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const TITLE = 'Kamp <script>alert(1)</script> & "zon"';

/** What a reader gets: the text between tags, without the closed "for whoever wants to check" part. */
const plainText = (page: string) =>
  page
    .replace(/<details>[\s\S]*<\/details>/, '')
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, '')
    .replace(/<code[^>]*>[\s\S]*?<\/code>/g, 'code.')
    .replace(/<\/(p|h1|h2|li|th|td|summary)>/g, '.\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');

describe('the public draw page', () => {
  let database: Database;
  let app: ReturnType<typeof createServer>;
  let now = new Date('2026-03-01T09:00:00Z');
  let id: string;
  const page = async (query = '') => {
    const res = await app.request(`http://instap.test/loting/${id}${query}`);
    return { status: res.status, text: await res.text() };
  };
  beforeAll(async () => {
    database = await openDatabase();
    await ensureBootstrapToken(database.db, TOKEN);
    // Behind a proxy, so each family comes from its own address (one address is slowed down after a few).
    app = createServer({ db: database.db, clock: () => now, publicOrigin: 'http://instap.test', trustProxy: true });
    let family = 0;
    const call = async (method: string, path: string, body?: unknown) =>
      (
        await app.request(`http://instap.test/api/v1${path}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': `198.51.100.${++family}` },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json();
    await call('POST', '/admin/organisations', { slug: 'kamp', name: 'Jeugdkamp', phone: '056 00 00 00' });
    ({ id } = await call('POST', '/admin/organisations/kamp/activities', {
      title: TITLE,
      location: 'Kortrijk',
      sessions: [{ startsAt: '2026-07-06T08:00:00Z', endsAt: '2026-07-06T15:00:00Z' }],
      capacity: 2,
      reservedPlaces: 1,
      priceCents: 9000,
      registration: { opensAt: '2026-02-01T08:00:00Z', closesAt: '2026-03-10T08:00:00Z', mode: 'lottery', drawAt: '2026-03-11T08:00:00Z' },
    }));
    for (let i = 0; i < 5; i++) await call('POST', `/activities/${id}/registrations`, { children: [{ firstName: `Kind ${i}`, birthYear: 2015 }], contact: { name: `Ouder ${i}`, phone: '0470 12 34 56' }, kanspas: i < 2 });
  });
  afterAll(() => database?.close());

  it('before the draw: the fingerprint in plain Dutch, the algorithm only in the closed part', async () => {
    const { text } = await page();
    const draw = await (await app.request(`http://instap.test/api/v1/activities/${id}/draw`)).json();
    expect(text).toContain('<html lang="nl">');
    expect(text).toContain('Voor de loting hebben we een geheim getal vastgelegd. Je ziet nu alleen de vingerafdruk ervan:');
    expect(text).toContain(draw.commitment);
    expect(text).toContain('<details>');
    const outside = text.replace(/<details>[\s\S]*<\/details>/, '');
    expect(outside).not.toMatch(/HMAC|SHA-256|hexadecima/);
    expect(text).toMatch(/<summary>Voor wie het wil nagaan<\/summary>/);
  });

  it('escapes what the organisation wrote', async () => {
    const { text } = await page();
    expect(text).not.toContain('<script>alert(1)</script>');
    expect(text).toContain('Kamp &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;zon&quot;');
  });

  it('speaks the language in ?lang=, Arabic right to left; an unknown language falls back to Dutch', async () => {
    for (const [lang, t] of Object.entries(DRAW_TEXTS)) {
      const { text } = await page(`?lang=${lang}`);
      expect(text).toContain(`<html lang="${lang}"${t.dir === 'rtl' ? ' dir="rtl"' : ''}>`);
      expect(text).toContain(t.beforeLead);
      // Every other language is one link away, named in its own words.
      for (const [other, o] of Object.entries(DRAW_TEXTS)) if (other !== lang) expect(text).toContain(`<a href="?lang=${other}" lang="${other}" hreflang="${other}">${o.name}</a>`);
    }
    expect((await page('?lang=xx')).text).toContain('<html lang="nl">');
    expect((await page('?lang=%22%3E%3Cscript%3E')).text).toContain('<html lang="nl">');
  });

  it('the Dutch page reads easily: Flesch–Douma at least 70, no sentence over 15 words', async () => {
    for (const text of [(await page()).text]) {
      const r = readability(plainText(text).replace(/Kamp[^.\n]*zon/g, 'Kamp'));
      expect(r.score, r.longestSentence).toBeGreaterThanOrEqual(READABILITY_TARGET);
      expect(r.longestSentenceWords, r.longestSentence).toBeLessThanOrEqual(MAX_SENTENCE_WORDS);
      expect(r.forbidden).toEqual([]);
    }
    for (const w of FORBIDDEN_WORDS) expect(JSON.stringify(DRAW_TEXTS.nl)).not.toContain(w);
  });

  it('after the draw: the seed, the order by code, no kanspas column, and verify-draw agrees over HTTP', async () => {
    now = new Date('2026-03-11T08:00:01Z');
    const drawn = await app.request(`http://instap.test/api/v1/admin/activities/${id}/draw`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(drawn.status).toBe(200);
    const draw = await drawn.json();
    for (const lang of ['nl', 'ar']) {
      const { text } = await page(`?lang=${lang}`);
      const t = DRAW_TEXTS[lang as 'nl'];
      expect(text).toContain(t.afterLead);
      expect(text).toContain(draw.seed);
      expect(text).toContain(draw.commitment);
      expect(text).toContain(t.afterCheck);
      for (const e of draw.entries) expect(text).toContain(`<code dir="ltr">${e.id}</code>`);
      const table = text.slice(text.indexOf('<table>'), text.indexOf('</table>'));
      expect(table).toContain(`<th scope="col">${t.columns.code}</th>`);
      expect(table).not.toMatch(/voorrang|priority|kansenpas|kanspas|ja<|nee</i);
      expect(text).toContain(t.reserved);
      expect(text).toContain('role="region"');
    }
    const readable = readability(plainText((await page()).text).replace(/Kamp[^.\n]*zon/g, 'Kamp'));
    expect(readable.score).toBeGreaterThanOrEqual(READABILITY_TARGET);

    // Anyone runs `pnpm verify-draw <url>` against the live address.
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((ok) => server.once('listening', ok));
    try {
      const { port } = server.address() as AddressInfo;
      const r = await new Promise<ReturnType<typeof spawnSync>>((ok) => {
        // spawnSync would block the server in this process: run it as a child and wait.
        import('node:child_process').then(({ execFile }) =>
          execFile(tsx, [cli, `http://127.0.0.1:${port}/api/v1/activities/${id}/draw`], { encoding: 'utf8' }, (error, stdout, stderr) =>
            ok({ status: error ? (error.code as number) : 0, stdout, stderr } as unknown as ReturnType<typeof spawnSync>),
          ),
        );
      });
      expect(r.stdout).toContain('✓ The draw of 5 registrations matches the seed and the rule.');
      expect(r.status).toBe(0);
    } finally {
      server.close();
    }
  });
});
