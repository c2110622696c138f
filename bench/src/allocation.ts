/**
 * Who gets a place: 300 families for 40 places, a quarter with a kanspas, who (as the practice
 * story tells) arrive later on average. The same families under plain first-come, first-come with
 * reserved places, and reserved places plus a draw. Pure core rules; seeded, so repeatable.
 */
import { addPlacement, allocateDraw, checkPublishedDraw, commitmentOf, drawId, mayUseReserved, placeFamily, placesLeft, type DrawEntry, type Occupancy, type PlaceRules, type PublishedDraw } from '@instap/core';

/** A small seeded PRNG (mulberry32), so the simulation prints the same figures every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Family extends DrawEntry {
  arrivesAfterMinutes: number;
}

function families(seed: number, count: number): Family[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const kanspas = i % 4 === 0;
    // Opening day at 9:00: most families within the first hour; kanspas families later on average
    // (no computer at hand, working hours, nobody to ask): exponential arrival, mean 45 min vs 6 h.
    const mean = kanspas ? 360 : 45;
    return { id: `family-${seed}-${i}`, children: rnd() < 0.75 ? 1 : 2, priority: kanspas, arrivesAfterMinutes: -Math.log(1 - rnd()) * mean };
  });
}

function firstCome(list: Family[], rules: PlaceRules, now: Date): Set<string> {
  let taken: Occupancy = { general: 0, reserved: 0 };
  const placed = new Set<string>();
  for (const f of [...list].sort((a, b) => a.arrivesAfterMinutes - b.arrivesAfterMinutes)) {
    const p = placeFamily(placesLeft(rules, taken, now), f.children, mayUseReserved({ kanspas: f.priority }));
    if (p.placed) {
      taken = addPlacement(taken, p.kinds);
      placed.add(f.id);
    }
  }
  return placed;
}

export interface AllocationShares {
  runs: number;
  kanspasFamilies: number;
  firstCome: number;
  firstComeWithReserved: number;
  reservedWithDraw: number;
  /** The server's draw, and checking it from the published data (pnpm verify-draw). */
  drawMs: { registrations: number; ms: number; checkMs: number }[];
}

export function simulate(runs = 50, capacity = 40, reserved = 10): AllocationShares {
  const now = new Date('2026-03-01T09:00:00Z');
  const plain: PlaceRules = { capacity, reservedPlaces: 0, reservedUntil: null };
  const held: PlaceRules = { capacity, reservedPlaces: reserved, reservedUntil: null };
  const share = { a: 0, b: 0, c: 0 };
  let kanspasTotal = 0;
  for (let run = 0; run < runs; run++) {
    const list = families(run + 1, 300);
    const kanspas = list.filter((f) => f.priority);
    kanspasTotal += kanspas.length;
    const count = (placed: Set<string>) => kanspas.filter((f) => placed.has(f.id)).length;
    share.a += count(firstCome(list, plain, now));
    share.b += count(firstCome(list, held, now));
    const drawn = allocateDraw({ seed: `run-${run}`, entries: list, rules: held, taken: { general: 0, reserved: 0 }, now });
    share.c += count(new Set(drawn.filter((r) => r.outcome.status === 'confirmed').map((r) => r.id)));
  }
  const drawMs = [10_000, 40_000].map((n) => {
    const registrations = families(7, n);
    const rules = { capacity: Math.round(n / 7), reservedPlaces: Math.round(n / 28), reservedUntil: null };
    // What the server does at a draw: a draw id per registration, the closing value, a ticket each, the places.
    const t0 = performance.now();
    const entries = registrations.map((f) => ({ ...f, id: drawId(f.id) }));
    const results = allocateDraw({ seed: 'timing', entries, rules, taken: { general: 0, reserved: 0 }, now });
    const ms = performance.now() - t0;
    // What anyone does to check it (pnpm verify-draw), from the published data alone.
    const published: PublishedDraw = {
      activityId: 'bench', title: 'bench', commitment: commitmentOf('timing'), seed: 'timing', closingValue: null, ruleVersion: 2, rule: '',
      drawAt: null, drawnAt: now.toISOString(), capacity: rules.capacity, reservedPlaces: rules.reservedPlaces, reservedUntil: null,
      entries: results.map((r) => ({ id: r.id, rank: r.rank, ticket: r.ticket, children: r.children, outcome: r.outcome.status, waitlistPosition: r.outcome.status === 'waitlisted' ? r.outcome.position : null })),
    };
    const t1 = performance.now();
    const check = checkPublishedDraw(published);
    if (!check.ok) throw new Error(`The bench draw does not check: ${check.problems[0]}`);
    return { registrations: n, ms, checkMs: performance.now() - t1 };
  });
  return {
    runs,
    kanspasFamilies: kanspasTotal / runs,
    firstCome: share.a / kanspasTotal,
    firstComeWithReserved: share.b / kanspasTotal,
    reservedWithDraw: share.c / kanspasTotal,
    drawMs,
  };
}
