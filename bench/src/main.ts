/**
 * `pnpm bench`: what Instap costs a family's phone (bundle size) and what one hot activity takes
 * on PostgreSQL (registrations per second, with the oversold count that must stay 0).
 * Measured and printed, never asserted: numbers depend on the machine.
 */
import { simulate } from './allocation.js';
import { sizes } from './size.js';
import { throughput } from './throughput.js';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

console.log('Instap bench\n');
console.log('Widget bundle (minified, gzip -9)');
for (const s of await sizes()) console.log(`  ${s.name.padEnd(62)} ${kb(s.minified).padStart(9)} ${kb(s.gzip).padStart(9)} gzip`);

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const sim = simulate();
console.log(`\nWho gets a place: 300 families for 40 places, a quarter with kanspas arriving later (${sim.runs} seeded runs)`);
console.log(`  kanspas families placed, first come, first served          ${pct(sim.firstCome).padStart(5)}`);
console.log(`  kanspas families placed, first come with 10 reserved places ${pct(sim.firstComeWithReserved).padStart(5)}`);
console.log(`  kanspas families placed, 10 reserved places and a draw      ${pct(sim.reservedWithDraw).padStart(5)}`);
for (const d of sim.drawMs) console.log(`  draw of ${String(d.registrations).padStart(6)} registrations: ${d.ms.toFixed(0)} ms; checking it (verify-draw): ${d.checkMs.toFixed(0)} ms`);

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
console.log(`\nOne hot activity on PostgreSQL (${requests} registrations, ${concurrency} at a time, over HTTP on 127.0.0.1)`);
const t = await throughput({ baseUrl, requests, concurrency, capacity: 1000, pgbenchSeconds: 10 });
console.log(`  Instap API                ${t.perSecond.toFixed(0).padStart(6)} registrations/s   p50 ${t.p50ms.toFixed(1)} ms, p95 ${t.p95ms.toFixed(1)} ms`);
console.log(`  pgbench, same transaction ${t.pgbenchTps === null ? '  n/a' : t.pgbenchTps.toFixed(0).padStart(6)} transactions/s   (the database's limit for one locked row)`);
console.log(`  capacity ${t.capacity}: ${t.confirmed} confirmed, ${t.waitlisted} waitlisted, errors ${t.errors}, oversold ${t.oversold} (must be 0)`);
