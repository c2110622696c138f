/**
 * The public draw page in real Chromium: axe (WCAG 2.2 AA, target-size), at 320 px with text at
 * 200 %, in Arabic right to left, and by keyboard (the closed part opens with Enter).
 */
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { ensureBootstrapToken, openDatabase, type Database } from '@instap/api';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server.js';

const TOKEN = 'draw-browser-token-0123456789';
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function axe(page: Page): Promise<string[]> {
  // The page's Content-Security-Policy forbids inline scripts, and the test must not need it relaxed.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(axeSource, 'utf8'));
  return page.evaluate(async () => {
    const r = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: { 'target-size': { enabled: true } },
    });
    return r.violations.map((v: any) => `${v.id}: ${v.help} — ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
}

/** Text at 200 %: every font size doubled, as a browser's text-size setting does. */
const doubleText = (page: Page) => page.addStyleTag({ content: 'body { font-size: 36px !important; }' });
/** Whether the page scrolls sideways; false, or the elements that stick out, for the message. */
const overflows = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return false;
    return [...document.querySelectorAll('main *')].filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0).map((e) => `${e.tagName} ${e.scrollWidth}/${e.clientWidth}`).slice(0, 5);
  });

describe('the public draw page in a browser', () => {
  let database: Database;
  let server: ReturnType<typeof serve>;
  let browser: Browser;
  let origin = '';
  let id = '';
  let now = new Date('2026-03-01T09:00:00Z');
  beforeAll(async () => {
    database = await openDatabase();
    await ensureBootstrapToken(database.db, TOKEN);
    const app = createServer({ db: database.db, clock: () => now, publicOrigin: 'http://instap.test' });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((ok) => server.once('listening', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const call = async (method: string, path: string, body?: unknown) =>
      (await app.request(`http://instap.test/api/v1${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: body === undefined ? undefined : JSON.stringify(body) })).json();
    await call('POST', '/admin/organisations', { slug: 'kamp', name: 'Jeugdkamp', phone: '056 00 00 00' });
    ({ id } = await call('POST', '/admin/organisations/kamp/activities', {
      title: 'Zomerkamp aan de Leie voor kinderen van zes tot twaalf jaar',
      location: 'Kortrijk',
      sessions: [{ startsAt: '2026-07-06T08:00:00Z', endsAt: '2026-07-06T15:00:00Z' }],
      capacity: 3,
      reservedPlaces: 1,
      priceCents: 9000,
      registration: { opensAt: '2026-02-01T08:00:00Z', closesAt: '2026-03-10T08:00:00Z', mode: 'lottery', drawAt: '2026-03-11T08:00:00Z' },
    }));
    for (let i = 0; i < 6; i++)
      await call('POST', `/activities/${id}/registrations`, { children: Array.from({ length: 1 + (i % 2) }, (_, k) => ({ firstName: `Kind ${i}${k}`, birthYear: 2015 })), contact: { name: `Ouder ${i}`, phone: '0470 12 34 56' }, kanspas: i < 2 });
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    await database?.close();
  });

  for (const moment of ['before', 'after'] as const)
    it(`${moment} the draw: axe clean in Dutch and Arabic, no sideways scrolling at 320 px with text at 200 %`, async () => {
      if (moment === 'after') {
        now = new Date('2026-03-11T08:00:01Z');
        await fetch(`${origin}/api/v1/admin/activities/${id}/draw`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
      }
      for (const lang of ['nl', 'ar']) {
        const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
        await page.goto(`${origin}/loting/${id}?lang=${lang}`);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : '');
        expect(await axe(page), `${moment} ${lang}`).toEqual([]);
        await doubleText(page);
        expect(await overflows(page), `${moment} ${lang} scrolls sideways`).toBe(false);
        await page.locator('summary').click();
        expect(await overflows(page), `${moment} ${lang} with the closed part open`).toBe(false);
        expect(await axe(page), `${moment} ${lang} at 200 %`).toEqual([]);
        await page.close();
      }
    });

  it('by keyboard: the languages, the order and the closed part, which opens with Enter', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${origin}/loting/${id}`);
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '').trim().slice(0, 40)));
    }
    expect(reached).toContain('Français');
    expect(reached).toContain('العربية');
    expect(reached).toContain('De volgorde van de loting');
    expect(reached).toContain('Voor wie het wil nagaan');
    await page.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('details').getAttribute('open')).not.toBeNull();
    await page.getByRole('link', { name: 'العربية' }).press('Enter');
    await page.waitForURL(/lang=ar/);
    expect(await page.locator('h1').textContent()).toContain('القرعة');
    await page.close();
  });
});
