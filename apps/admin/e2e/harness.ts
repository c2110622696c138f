/**
 * A real Instap server for the console's end-to-end tests: the server app (API, widget, demo
 * site) on embedded PGlite, the built console at /admin, the demo club and its accounts, and
 * Debian's Chromium driven by playwright-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { ensureDemoAdmin, openDatabase, seedDemo, type Deps } from '@instap/api';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer } from '../../server/src/server.js';

export const ADMIN_DIST = fileURLToPath(new URL('../dist', import.meta.url));
export const PASSWORD = 'demo-wachtwoord-e2e';

/**
 * `secretKey`: the server can seal Mollie keys (INSTAP_SECRET_KEY). `mollie`: where the server
 * reaches Mollie (a local fake); Mollie's webhook comes back to `origin`, the server's public address.
 */
export async function startInstap(opts: { secretKey?: Buffer; mollie?: Deps['mollie'] } = {}) {
  const database = await openDatabase();
  const clock = () => new Date();
  await seedDemo(database.db, clock());
  await ensureDemoAdmin(database.db, { password: PASSWORD });
  let app: ReturnType<typeof createServer> | null = null;
  const server = serve({ fetch: (req, env) => app!.fetch(req, env), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = createServer({ db: database.db, clock, publicOrigin: origin, exposeSignInLinks: true, adminDir: ADMIN_DIST, secretKey: opts.secretKey, mollie: opts.mollie });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    origin,
    db: database.db,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

/** The admin API as the console calls it: a session cookie and the CSRF token. */
export async function apiAs(origin: string, email: string) {
  const signedIn = await fetch(`${origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (signedIn.status !== 200) throw new Error(`sign-in as ${email}: ${signedIn.status}`);
  const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await signedIn.json();
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${origin}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, origin, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
}

/** A public POST as the widget sends it from the club's site: its origin and an Idempotency-Key. */
export async function publicPost(origin: string, path: string, body?: unknown) {
  const res = await fetch(`${origin}/api/v1${path}`, {
    method: 'POST',
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), 'idempotency-key': crypto.randomUUID(), origin },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core on the whole page with the WCAG 2.2 AA tags and target-size; returns readable violations. */
export async function axe(page: Page): Promise<string[]> {
  // Evaluated through the browser's debugging protocol, not as an inline <script>: the server's
  // Content-Security-Policy forbids inline scripts, and the test must not need it relaxed.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(axeSource, 'utf8'));
  const result = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: { 'target-size': { enabled: true } },
    });
    return r.violations.map((v: any) => `${v.id}: ${v.help} — ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
  return result;
}

export async function signIn(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/admin/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Meld aan' }).click();
  await page.getByRole('heading', { level: 1, name: /Activiteiten/ }).waitFor();
}

export type { Browser, Page };
