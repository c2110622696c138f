/**
 * End to end, as a family and a club would: open the demo club's page in Chromium, register a
 * child through the widget, see the confirmation, and find the registration through the admin API.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { ensureBootstrapToken, openDatabase, seedDemo, type Database } from '@instap/api';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, WIDGET_DIST } from '../src/server.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const TOKEN = 'e2e-city-admin-token-0123456789';

describe('a family registers on the demo club site', () => {
  let database: Database;
  let server: ServerType;
  let browser: Browser;
  let base: string;
  let ids: NonNullable<Awaited<ReturnType<typeof seedDemo>>>;

  beforeAll(async () => {
    if (!existsSync(`${WIDGET_DIST}/instap.js`)) throw new Error('Build the widget first: pnpm --filter @instap/widget build');
    database = await openDatabase();
    await ensureBootstrapToken(database.db, TOKEN);
    ids = (await seedDemo(database.db, new Date()))!;
    const app = createServer({ db: database.db, clock: () => new Date(), publicOrigin: 'http://127.0.0.1' });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await database?.close();
  });

  it('registers Amira with a kansenpas and the club finds her', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'nl-BE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/`);
    const camp = page.locator('section', { has: page.getByRole('heading', { name: 'Sportkamp in de krokusvakantie', level: 2 }) });
    const widget = camp.locator('instap-registration');
    await expect.poll(() => widget.getByText('Met kansenpas betaal je').count()).toBeGreaterThan(0);

    await widget.getByRole('button', { name: 'Schrijf in', exact: true }).click();
    await widget.getByLabel('Voornaam').fill('Amira');
    await widget.getByLabel('Geboortejaar').fill('2017');
    await widget.getByRole('button', { name: 'Doorgaan' }).click();
    await widget.getByLabel('Je naam').fill('Fatima');
    await widget.getByLabel('Telefoonnummer').fill('0470 12 34 56');
    await widget.getByRole('button', { name: 'Doorgaan' }).click();
    await widget.getByLabel('Ja, ik heb een kansenpas').check();
    await widget.getByRole('button', { name: 'Doorgaan' }).click();
    await widget.getByRole('button', { name: 'Schrijf Amira in' }).click();

    await expect.poll(() => widget.getByRole('heading', { name: 'Amira is ingeschreven' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await widget.getByText('Je plaats is zeker.').count()).toBe(1);
    expect(problems).toEqual([]);

    const res = await fetch(`${base}/api/v1/admin/activities/${ids.activities.camp}/registrations`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { registrations } = await res.json();
    expect(registrations).toHaveLength(1);
    expect(registrations[0]).toMatchObject({
      status: 'confirmed',
      kanspas: true,
      kanspasCheck: 'claimed',
      priceCents: 1800,
      children: [{ firstName: 'Amira', birthYear: 2017 }],
      contact: { name: 'Fatima', phone: '0470 12 34 56' },
    });
    await page.close();
  });

  it('a family that only uses the keyboard registers two children for the waiting list', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 }, locale: 'nl-BE' });
    await page.goto(`${base}/a/${ids.activities.drums}`);
    /** The focused element, looking through shadow roots: what a keyboard user is on. */
    const focused = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: (el?.textContent ?? '').trim(), type: (el as HTMLInputElement | null)?.type ?? '' };
      });
    const tabTo = async (want: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if (want(await focused())) return;
      }
      throw new Error(`Tab never reached the target; on ${JSON.stringify(await focused())}`);
    };
    const button = (text: string) => (f: { tag: string; text: string }) => f.tag === 'button' && f.text === text;
    await page.getByText('Er is nog 1 plaats vrij.').waitFor();

    await tabTo(button('Schrijf in'));
    await page.keyboard.press('Enter');
    await tabTo((f) => f.id === 'child-0-firstName');
    await page.keyboard.type('Noor');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2015');
    await tabTo(button('Nog een kind toevoegen'));
    await page.keyboard.press('Enter');
    await tabTo((f) => f.id === 'child-1-firstName');
    await page.keyboard.type('Adam');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2016');
    await page.keyboard.press('Enter');
    await tabTo((f) => f.id === 'contact-name');
    await page.keyboard.type('Samira');
    await tabTo((f) => f.type === 'email');
    await page.keyboard.type('samira@example.be');
    await page.keyboard.press('Enter');
    await tabTo(button('Doorgaan'));
    await page.keyboard.press('Enter');
    // One place is left and the family has two children: they stay together on the waiting list.
    await tabTo(button('Schrijf Noor en Adam in'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Je staat op de wachtlijst' }).waitFor({ timeout: 15_000 });
    expect(await page.getByText('Je bent nummer 1 op de wachtlijst.').count()).toBe(1);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(scroll).toBe(true);
    await page.close();
  });
});
