// Tests run in real Chromium (Debian's /usr/bin/chromium; no browser downloads here).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`Chromium is missing: apt-get install -y chromium (looked for ${executablePath}; set CHROME_PATH to use another).`);
  process.exit(1);
}

const resultsFile = fileURLToPath(new URL('../../.test-results/widget.json', import.meta.url));

/** Counts every test of every file and writes {"passed","failed","skipped"} for the root `pnpm test`. */
function countsReporter() {
  const count = (suite, c) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) c.skipped++;
      else if (t.passed) c.passed++;
      else c.failed++;
    }
    for (const s of suite?.suites ?? []) count(s, c);
  };
  return {
    onTestRunFinished({ sessions }) {
      const c = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, c);
        // A file that failed to load or threw outside a test has no test results: count it as failed.
        if (!session.passed && (session.errors?.length ?? 0) > 0 && !session.testResults?.tests?.length && !session.testResults?.suites?.length) c.failed++;
      }
      mkdirSync(dirname(resultsFile), { recursive: true });
      writeFileSync(resultsFile, JSON.stringify(c) + '\n');
    },
  };
}

const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * INSTAP_TEST_DIST=1 runs every test against the built dist/instap.js (run `pnpm build` first)
 * instead of the sources: what families download, after minifying and the build's own rewrites.
 */
const testDist = !!process.env.INSTAP_TEST_DIST;
const distPlugin = {
  name: 'instap-test-dist',
  resolveImport({ source, context }) {
    if (testDist && context.path.includes('/packages/widget/src/') && /^\.\.?\/(?:\.\.\/)*index\.js(\?.*)?$/.test(source))
      return `/packages/widget/dist/instap.js${source.split('index.js')[1]}`;
  },
};

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  // One file at a time: the files share localStorage (drafts) on one origin.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [distPlugin, esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.esbuild.json', import.meta.url)) })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromeArgs } })],
  reporters: [defaultReporter(), summaryReporter(), countsReporter()],
};
