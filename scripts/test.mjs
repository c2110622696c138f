#!/usr/bin/env node
// `pnpm test`: every suite of Instap, then one line with the totals.
// Unit and API tests (vitest) run on embedded PGlite, and on PostgreSQL too when DATABASE_URL is
// set; widget tests and the end-to-end test run in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = `${root}.test-results`;
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium is missing at ${chromium}. The widget and end-to-end tests need it.`);
  console.error('Install it with: apt-get update && apt-get install -y chromium (or set CHROME_PATH).');
  process.exit(1);
}

function run(title, command, args, cwd) {
  console.log(`\n━━ ${title} ━━`);
  const r = spawnSync(command, args, { cwd: `${root}${cwd}`, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

const vitest = (name, dir) => ({
  name,
  ok: run(`${name} (vitest)`, 'pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/${name}.json`], dir),
  file: `${results}/${name}.json`,
  read: (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + (j.numTodoTests ?? 0) }),
});

const suites = [];
// Type errors are failures too: the runners below strip types without checking them.
const typed = run('typecheck (tsc in every package)', 'pnpm', ['-r', '--workspace-concurrency=1', 'typecheck'], '');
suites.push({ name: 'types', ok: typed, file: '', read: () => ({ passed: typed ? 1 : 0, failed: typed ? 0 : 1, skipped: 0 }) });
suites.push(vitest('core', 'packages/core'));
suites.push(vitest('api', 'packages/api'));
const built = run('widget and console build', 'pnpm', ['--filter', '@instap/widget', '--filter', '@instap/admin', 'build'], '');
suites.push({ name: 'widget', ok: run('widget (web-test-runner, Chromium)', 'pnpm', ['exec', 'web-test-runner'], 'packages/widget'), file: `${results}/widget.json`, read: (j) => j });
suites.push(built ? vitest('server', 'apps/server') : { name: 'server', ok: false, file: '', read: () => null });
suites.push(built ? vitest('console', 'apps/admin') : { name: 'console', ok: false, file: '', read: () => null });

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n━━ Instap test totals ━━');
for (const s of suites) {
  let counts = null;
  try {
    counts = s.file ? s.read(JSON.parse(readFileSync(s.file, 'utf8'))) : s.read();
  } catch {
    counts = null;
  }
  if (!counts) {
    console.log(`  ${s.name.padEnd(8)} did not report results`);
    failed++;
    continue;
  }
  passed += counts.passed;
  failed += counts.failed + (s.ok || counts.failed ? 0 : 1);
  skipped += counts.skipped;
  console.log(`  ${s.name.padEnd(8)} ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}${s.ok ? '' : '  (suite exited with an error)'}`);
}
console.log(`  databases: embedded PGlite${process.env.DATABASE_URL ? ' and PostgreSQL (DATABASE_URL)' : ' only (set DATABASE_URL to test PostgreSQL too)'}`);
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
