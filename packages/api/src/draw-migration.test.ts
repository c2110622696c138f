/**
 * The migration to commit-reveal. Draws that ran keep their seed and rule; lotteries not drawn yet
 * had their seed in public, so they get a fresh secret one, with its commitment. The backfill SQL
 * is run here on rows as the first rule left them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkPublishedDraw, commitmentOf } from '@instap/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from './db/schema.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

const dir = new URL('../drizzle/', import.meta.url);
const migration = readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  .find((text) => text.includes('"draw_commitment"') && text.includes('-- backfill:'))!;
const backfill = migration
  .split('--> statement-breakpoint')
  .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
  .filter((s) => /^UPDATE "activities"/.test(s));

const lottery = { capacity: 2, registration: { opensAt: '2026-02-20T08:00:00Z', closesAt: '2026-03-05T20:00:00Z', mode: 'lottery', drawAt: '2026-03-06T09:00:00Z' } };

describe.each(engines())('migrating draws to commit-reveal on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t?.close());

  it('an open lottery gets a fresh secret seed; a draw that ran keeps its seed and is republished under its own rule', async () => {
    expect(backfill).toHaveLength(3);
    t.time.set('2026-03-01T09:00:00Z');
    const open = (await setupActivity(t, lottery)).id;
    const done = (await setupActivity(t, lottery)).id;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await t.call('POST', `/activities/${done}/registrations`, family({ contact: { name: `O${i}`, email: `o${i}@example.be` } }))).json.id);
    // As the first rule left them: a public seed, no commitment, and a draw stored with registration ids.
    const oldSeed = 'a'.repeat(64);
    await t.db.update(activities).set({ drawSeed: oldSeed, drawCommitment: null }).where(eq(activities.id, open));
    const entries = ids.map((id) => ({ id, children: 1, priority: false }));
    await t.db.update(activities).set({ drawSeed: oldSeed, drawCommitment: null, drawnAt: new Date('2026-03-06T09:00:00Z'), drawEntries: entries, drawRuleVersion: null }).where(eq(activities.id, done));

    for (const statement of backfill) await t.db.execute(sql.raw(statement));

    const [o] = await t.db.select().from(activities).where(eq(activities.id, open));
    expect(o!.drawSeed).toMatch(/^[0-9a-f]{64}$/);
    expect(o!.drawSeed).not.toBe(oldSeed);
    expect(o!.drawCommitment).toBe(commitmentOf(o!.drawSeed!));
    expect(o!.drawRuleVersion).toBeNull();
    const before = (await t.call('GET', `/activities/${open}/draw`)).json;
    expect(before).toMatchObject({ commitment: o!.drawCommitment, ruleVersion: 2, entries: [] });
    expect(before).not.toHaveProperty('seed');

    const [d] = await t.db.select().from(activities).where(eq(activities.id, done));
    expect([d!.drawSeed, d!.drawCommitment, d!.drawRuleVersion]).toEqual([oldSeed, commitmentOf(oldSeed), 1]);
    const published = (await t.call('GET', `/activities/${done}/draw`)).json;
    expect(published).toMatchObject({ ruleVersion: 1, seed: oldSeed, commitment: commitmentOf(oldSeed) });
    expect(published.entries).toHaveLength(4);
    expect(JSON.stringify(published)).not.toMatch(/priority/);
    for (const id of ids) expect(JSON.stringify(published)).not.toContain(id);
    expect(checkPublishedDraw(published)).toMatchObject({ ok: true, commitment: true });
  });
});
