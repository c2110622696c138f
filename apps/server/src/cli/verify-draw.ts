/**
 * Recomputes a published draw from its public data and says in plain words whether it matches:
 *   pnpm verify-draw http://localhost:3000/api/v1/activities/ID/draw
 *   pnpm verify-draw draw.json --commitment 3f9a…   (the fingerprint you noted before the draw)
 * It checks that the seed matches the commitment, recomputes the closing value, every ticket and
 * the order, and that the outcome follows the rule. Uses the same core code as the server.
 */
import { readFileSync } from 'node:fs';
import { checkPublishedDraw, publishedDrawSchema } from '@instap/core';

const args = process.argv.slice(2);
const at = args.indexOf('--commitment');
const noted = at >= 0 ? args[at + 1]?.toLowerCase() : undefined;
const source = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
if (!source || (at >= 0 && !noted)) {
  console.error('Give the address of a draw (…/api/v1/activities/ID/draw) or a saved JSON file.');
  console.error('Add --commitment HEX to compare with the fingerprint you noted before the draw.');
  process.exit(2);
}

async function load(from: string): Promise<unknown> {
  if (!/^https?:\/\//.test(from)) return JSON.parse(readFileSync(from, 'utf8'));
  const res = await fetch(from);
  if (!res.ok) throw new Error(`The address answered ${res.status}.`);
  return res.json();
}

let raw: unknown;
try {
  raw = await load(source);
} catch (e) {
  console.error(`Could not read the draw: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const parsed = publishedDrawSchema.safeParse(raw);
if (!parsed.success) {
  console.error('This is not a published draw: some fields are missing or have the wrong form.');
  process.exit(2);
}
const d = parsed.data;
let failed = false;

if (noted !== undefined) {
  if (noted === d.commitment) console.log('✓ The commitment is the one you noted before the draw.');
  else {
    console.log(`✗ The commitment is not the one you noted before the draw (noted ${noted}, now ${d.commitment}).`);
    failed = true;
  }
}

const check = checkPublishedDraw(d);
if (!check.drawn) {
  console.log(`The draw has not run yet. The seed is secret; its commitment (SHA-256 of the seed) is fixed: ${d.commitment}`);
  console.log('Note it down. After the draw, run this again with --commitment and that value.');
  process.exit(failed ? 1 : 0);
}
if (check.commitment) console.log('✓ The seed matches the commitment published before the draw.');
if (check.closingValue) console.log(`✓ Closing value recomputed from the ${check.entries} draw ids: ${check.closingValue}`);
for (const p of check.problems) console.log(`✗ ${p}`);
if (check.ok) {
  console.log(`✓ The draw of ${check.entries} registrations matches the seed and the rule.`);
  if (d.ruleVersion === 1) console.log('  This draw ran under the first rule: its tickets use registration ids, which are not published, so only their order was checked.');
  console.log('  Who has a kanspas or a referral is not published: that a reserved place went to such a family, only the organisation can check.');
} else {
  console.log(`✗ This draw does not match: ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'} found.`);
  failed = true;
}
process.exit(failed ? 1 : 0);
