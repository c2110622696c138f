/**
 * What a family downloads to finish a Dutch registration (activity → children → contact →
 * kansenpas → check → submit → result): instap.js plus every chunk it imports statically.
 * Other languages, the family's own view, the appointment flow, the interest list and the .ics
 * calendar are lazy chunks outside that flow. Run after `pnpm build`:
 *
 *   node scripts/size.mjs            prints the flow's files and total (gzip -9), and the lazy chunks
 *   node scripts/size.mjs --check    the same, and exits 1 when the flow is over budget
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 15 * 1024; // issue #3: ≤ 15 KB gzipped for the Dutch flow
const dist = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('instap.js', dist))) {
  console.error('No dist/instap.js: run `pnpm build` first.');
  process.exit(1);
}

const read = (f) => readFileSync(new URL(f, dist));
/** `gzip -9` as on the command line (what the issue measures); Node's zlib level 9 as `pnpm bench` does. */
function gzip(bytes) {
  let cli = null;
  try {
    cli = execFileSync('gzip', ['-9', '-c'], { input: bytes }).length;
  } catch {
    /* no gzip binary: zlib only */
  }
  return { cli, zlib: gzipSync(bytes, { level: 9 }).length };
}

/** instap.js and, recursively, what it imports statically (`import … from "./x.js"`, not `import("./x.js")`). */
function flowFiles(entry) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const code = read(f).toString('utf8');
    for (const [, dep] of code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["']\.\/([^"']+)["']/g)) visit(dep);
  };
  visit(entry);
  return [...seen];
}

const flow = flowFiles('instap.js');
const rows = readdirSync(dist)
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ f, raw: read(f).length, ...gzip(read(f)), flow: flow.includes(f) }));
const pad = (x, n) => String(x ?? '–').padStart(n);
const line = (r) => `${pad(r.raw, 8)} ${pad(r.cli, 7)} ${pad(r.zlib, 7)}  ${r.f}`;

console.log('     raw gzip -9    zlib  file');
console.log('Dutch flow (downloaded by every family who registers in Dutch):');
for (const r of rows.filter((r) => r.flow)) console.log(line(r));
const total = rows.filter((r) => r.flow).reduce((t, r) => ({ raw: t.raw + r.raw, cli: t.cli == null || r.cli == null ? null : t.cli + r.cli, zlib: t.zlib + r.zlib }), { raw: 0, cli: 0, zlib: 0 });
console.log(line({ ...total, f: `TOTAL Dutch flow (budget ${BUDGET} B gzip -9)` }));
console.log('Lazy, outside the Dutch flow:');
for (const r of rows.filter((r) => !r.flow).sort((a, b) => a.f.localeCompare(b.f))) console.log(line(r));

const measured = total.cli ?? total.zlib;
const over = measured - BUDGET;
console.log(over > 0 ? `Dutch flow: ${measured} B, ${over} B over the ${BUDGET} B budget.` : `Dutch flow: ${measured} B, within the ${BUDGET} B budget (${-over} B to spare).`);
if (process.argv.includes('--check') && over > 0) process.exit(1);
