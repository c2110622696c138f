/**
 * Recomputes a published draw from its public data and says whether it matches:
 *   pnpm verify-draw http://localhost:3000/api/v1/activities/ID/draw
 * or with a saved JSON file instead of the address. Uses the same core rule as the server.
 */
import { readFileSync } from 'node:fs';
import { allocateDraw, ticket, type PublishedDraw } from '@instap/core';

const source = process.argv[2];
if (!source) {
  console.error('Give the address of a draw (…/api/v1/activities/ID/draw) or a saved JSON file.');
  process.exit(2);
}
const data: PublishedDraw = /^https?:\/\//.test(source) ? await (await fetch(source)).json() : JSON.parse(readFileSync(source, 'utf8'));
if (!data.drawnAt) {
  console.log(`The draw has not run yet. Its seed is fixed: ${data.seed}`);
  process.exit(0);
}
const results = allocateDraw({
  seed: data.seed,
  entries: data.entries.map((e) => ({ id: e.id, children: e.children, priority: e.priority })),
  rules: { capacity: data.capacity, reservedPlaces: data.reservedPlaces, reservedUntil: data.reservedUntil ? new Date(data.reservedUntil) : null },
  taken: { general: 0, reserved: 0 },
  now: new Date(data.drawnAt),
});
const published = new Map(data.entries.map((e) => [e.id, e]));
let problems = 0;
for (const r of results) {
  const p = published.get(r.id)!;
  const expected = r.outcome.status === 'waitlisted' ? `waitlisted ${r.outcome.position}` : 'confirmed';
  const got = p.outcome === 'waitlisted' ? `waitlisted ${p.waitlistPosition}` : p.outcome;
  if (p.rank !== r.rank || p.ticket !== ticket(data.seed, r.id) || expected !== got) {
    problems++;
    console.log(`✗ ${r.id}: published rank ${p.rank}, ${got}; recomputed rank ${r.rank}, ${expected}`);
  }
}
console.log(problems === 0 ? `✓ The draw of ${results.length} registrations matches the seed and the rule.` : `✗ ${problems} of ${results.length} do not match.`);
process.exit(problems === 0 ? 0 : 1);
