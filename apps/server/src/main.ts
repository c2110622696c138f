/**
 * Starts Instap: embedded PGlite in DATA_DIR (default ./.data), or PostgreSQL when DATABASE_URL
 * is set. Migrations run at start; the demo club is seeded on first start.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { disableDemoAccounts, ensureBootstrapToken, ensureDemoAdmin, mailTransportFromEnv, openDatabase, revokeBootstrapTokens, secretKeyFrom, seedDemo, startScheduler, startSender } from '@instap/api';
import { ConfigError, serverConfig, type ServerConfig } from './config.js';
import { ADMIN_DIST, createServer, WIDGET_DIST } from './server.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let config: ServerConfig;
try {
  config = serverConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const { port, demo, publicOrigin } = config;
const dataDir = (() => {
  const dir = process.env.DATA_DIR ?? '.data';
  return isAbsolute(dir) ? dir : resolve(process.env.INIT_CWD ?? repoRoot, dir);
})();

const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir });
const clock = () => new Date();
// The bootstrap token exists only while INSTAP_BOOTSTRAP_TOKEN is set: unset or changed, the old one is revoked.
if (process.env.INSTAP_BOOTSTRAP_TOKEN) await ensureBootstrapToken(database.db, process.env.INSTAP_BOOTSTRAP_TOKEN, clock());
else if (await revokeBootstrapTokens(database.db, clock())) console.log('INSTAP_BOOTSTRAP_TOKEN is not set: the bootstrap token no longer works.');
const demoAccountsFile = join(dataDir, 'demo-accounts.txt');
if (demo) {
  const seeded = await seedDemo(database.db, clock());
  if (seeded) console.log('Demo seeded: Sportclub De Leie (slug "demo") with three activities.');
  // Demo passwords are random; with the embedded database they are kept next to it, so every
  // start can show them again (the file goes when the data folder goes).
  const accounts = await ensureDemoAdmin(database.db);
  const saved = database.engine === 'pglite' ? demoAccountsFile : null;
  const lines = accounts.map((a) => `  ${a.role.padEnd(20)} ${a.email.padEnd(26)} password: ${a.password}`);
  if (saved && lines.length) writeFileSync(saved, lines.join('\n') + '\n', { mode: 0o600 });
  const shown = lines.length ? lines.join('\n') : saved && existsSync(saved) ? readFileSync(saved, 'utf8').trimEnd() : '';
  if (shown) console.log(`Demo accounts for the console at /admin/:\n${shown}`);
} else {
  // Not a demo: the demo's accounts and their printed passwords must not outlive it.
  const disabled = await disableDemoAccounts(database.db, clock());
  if (disabled) console.log(`Not a demo: ${disabled} demo account(s) disabled.`);
  rmSync(demoAccountsFile, { force: true });
}
if (!existsSync(`${WIDGET_DIST}/instap.js`) || !existsSync(`${ADMIN_DIST}/index.html`)) {
  console.warn('The widget or the console is not built yet: `pnpm start` builds both.');
}

// Without SMTP_URL, nothing is sent: messages wait in the outbox and the dev mailbox shows them.
const transport = mailTransportFromEnv();
const secretKey = secretKeyFrom(process.env.INSTAP_SECRET_KEY);
const trustProxy = process.env.INSTAP_TRUST_PROXY === '1';
const app = createServer({ db: database.db, clock, secretKey, trustProxy, publicOrigin, devMailbox: !transport && demo && database.engine === 'pglite' });
const sender = transport ? startSender({ db: database.db, clock, transport, secretKey, from: process.env.MAIL_FROM ?? '"Instap" <no-reply@instap.local>' }) : null;
const retentionDays = process.env.INSTAP_RETENTION_DAYS ? Number(process.env.INSTAP_RETENTION_DAYS) : undefined;
const scheduler = startScheduler({ db: database.db, clock, publicOrigin, retentionDays, secretKey });

const server = serve({ fetch: app.fetch, port }, (info) => {
  const where = database.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${dataDir}`;
  console.log(`Instap runs at http://localhost:${info.port} on ${where}.`);
  console.log(`  Demo club site:  http://localhost:${info.port}/`);
  console.log(`  Console:         http://localhost:${info.port}/admin/`);
  console.log(`  API contract:    http://localhost:${info.port}/api/v1/docs`);
  console.log(transport ? '  E-mail:          sent over SMTP_URL' : `  E-mail:          not sent (no SMTP_URL)${demo && database.engine === 'pglite' ? `; see http://localhost:${info.port}/admin/mailbox` : ''}`);
});

async function shutdown() {
  server.close();
  await scheduler.stop();
  await sender?.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
