/**
 * Attacks on the draw. The first rule published the seed before the draw and put the
 * registration id in the 201, so a parent could compute its ticket, cancel and register again
 * until the ticket was good. These tests fail when a family, or the operator, can steer the draw.
 */
import { checkPublishedDraw, closingValue, commitmentOf, drawId, drawOrder, legacyTicket, ticket } from '@instap/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from './db/schema.js';
import { ApiError } from './errors.js';
import { runDraw } from './services/draw.js';
import { secretKeyFrom } from './services/secrets.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

const lottery = {
  capacity: 3,
  reservedPlaces: 1,
  reservedUntil: '2026-03-25T00:00:00Z',
  registration: { opensAt: '2026-02-20T08:00:00Z', closesAt: '2026-03-05T20:00:00Z', mode: 'lottery', drawAt: '2026-03-06T09:00:00Z' },
};
const PUBLIC_ENTRY_KEYS = ['children', 'id', 'outcome', 'rank', 'ticket', 'waitlistPosition'];

describe.each(engines())('the draw under attack on %s', (engine) => {
  let t: TestApp;
  const storedSeed = async (id: string) => (await t.db.select({ seed: activities.drawSeed, commitment: activities.drawCommitment }).from(activities).where(eq(activities.id, id)))[0]!;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t?.close());

  it('a parent who cancels and registers again 40 times never learns its ticket, and which registration it kept does not steer the draw', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, lottery);
    const others: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: i % 4 === 0, children: [{ firstName: `Kind ${i}`, birthYear: 2016 }], contact: { name: `Ouder ${i}`, email: `ouder${i}@example.be` } }));
      expect(r.status).toBe(201);
      others.push(r.json.id);
    }
    // Everything the parent receives while the window is open, as text.
    const seen: string[] = [];
    const attempts: string[] = [];
    const commitments = new Set<string>();
    for (let k = 0; k <= 40; k++) {
      const r = await t.call('POST', `/activities/${id}/registrations`, family({ contact: { name: 'Slimme ouder', email: 'slim@example.be' } }));
      expect([r.status, r.json.status]).toEqual([201, 'lottery']);
      attempts.push(r.json.id);
      const view = await t.call('GET', `/registrations/${r.json.token}`);
      const draw = await t.call('GET', `/activities/${id}/draw`);
      const activity = await t.call('GET', `/activities/${id}`);
      seen.push(r.text, view.text, draw.text, activity.text);
      commitments.add(draw.json.commitment);
      expect(view.json.drawId).toBe(drawId(r.json.id));
      if (k < 40) seen.push((await t.call('POST', `/registrations/${r.json.token}/cancel`)).text);
      // A few minutes between tries, as a patient parent would: limits per minute do not decide this test.
      t.time.advance(5 * 60_000);
    }
    const { seed } = await storedSeed(id);
    // The seed never reached the parent, nor did anything it could compute a ticket from.
    for (const text of seen) expect(text).not.toContain(seed!);
    const before = JSON.parse(seen[2]!);
    expect(Object.keys(before).sort()).toEqual(['activityId', 'capacity', 'closingValue', 'commitment', 'drawAt', 'drawnAt', 'entries', 'reservedPlaces', 'reservedUntil', 'rule', 'ruleVersion', 'title']);
    expect(before.entries).toEqual([]);
    // Cancelling and registering again never changed the seed: one commitment throughout.
    expect([...commitments]).toEqual([commitmentOf(seed!)]);
    // No other family's id ever reached the parent, so the closing value was unknowable too.
    for (const other of others) for (const text of seen) expect(text).not.toContain(drawId(other));

    t.time.set('2026-03-05T21:00:00Z');
    const drawn = await t.admin('POST', `/activities/${id}/draw`);
    expect(drawn.status).toBe(200);
    const d = drawn.json;
    expect(d.seed).toBe(seed);
    expect(d.entries).toHaveLength(11);
    expect(checkPublishedDraw(d)).toMatchObject({ ok: true, commitment: true });
    const kept = drawId(attempts[40]!);
    const mine = d.entries.find((e: { id: string }) => e.id === kept);
    for (const gone of attempts.slice(0, 40)) expect(d.entries.some((e: { id: string }) => e.id === drawId(gone))).toBe(false);

    // With every 64-hex value the parent saw, and with the rules old and new, its real ticket
    // cannot be computed: before the draw it could not know its ticket.
    const hexes = new Set(seen.flatMap((text) => text.match(/[0-9a-f]{64}/g) ?? []));
    expect(hexes.has(d.commitment)).toBe(true);
    for (const h of hexes) {
      expect(legacyTicket(h, attempts[40]!)).not.toBe(mine.ticket);
      expect(ticket(h, closingValue([kept]), kept)).not.toBe(mine.ticket);
      expect(ticket(h, d.closingValue, kept)).not.toBe(mine.ticket);
    }
    // Whichever of its 41 registrations it had kept, everyone's tickets would have been new
    // (the closing value changes): the choice only ever drew a fresh, unknown order.
    const othersIds = d.entries.map((e: { id: string }) => e.id).filter((x: string) => x !== kept);
    const orders = attempts.map((a) => drawOrder(d.seed, [...othersIds, drawId(a)].map((x: string) => ({ id: x }))));
    const ticketsOfFirstOther = new Set(orders.map((o) => o.find((e) => e.id === othersIds[0])!.ticket));
    expect(ticketsOfFirstOther.size).toBe(41);
    const rankIfKept = orders.map((o, k) => o.findIndex((e) => e.id === drawId(attempts[k]!)) + 1);
    expect(rankIfKept[40]).toBe(mine.rank);
    // Over 41 fresh orders the rank spreads over the list, as chance would have it.
    expect(new Set(rankIfKept).size).toBeGreaterThan(3);
  });

  it('the commitment before is the SHA-256 of the seed after; the public draw never tells who has a kanspas', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, lottery);
    const regs: { id: string; token: string }[] = [];
    for (let i = 0; i < 6; i++)
      regs.push((await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: i < 3, contact: { name: `Ouder ${i}`, email: `k${i}@example.be` } }))).json);
    const before = (await t.call('GET', `/activities/${id}/draw`)).json;
    t.time.set('2026-03-06T09:00:01Z');
    const staff = await t.admin('POST', `/activities/${id}/draw`);
    const after = await t.call('GET', `/activities/${id}/draw`);
    expect(commitmentOf(after.json.seed)).toBe(before.commitment);
    expect(after.json.commitment).toBe(before.commitment);
    for (const res of [staff, after]) {
      expect(res.text).not.toMatch(/"(priority|kanspas|referred|referralCode)"/);
      expect(JSON.stringify(res.json.entries)).not.toMatch(/priority|kanspas|referr|reserved/i);
      for (const r of regs) expect(res.text).not.toContain(r.id);
      for (const e of res.json.entries) expect(Object.keys(e).sort()).toEqual(PUBLIC_ENTRY_KEYS);
    }
    // A family finds its own line from its registration.
    const view = (await t.call('GET', `/registrations/${regs[0]!.token}`)).json;
    const line = after.json.entries.find((e: { id: string }) => e.id === view.drawId);
    expect(line).toMatchObject({ outcome: view.status === 'confirmed' ? 'confirmed' : 'waitlisted' });
  });

  it('the operator cannot change the seed once the lottery is set up: no PATCH re-seeds it, no path sets or shows it', async () => {
    t.time.set('2026-02-25T09:00:00Z');
    const { id } = await setupActivity(t, lottery);
    const first = await storedSeed(id);
    expect(first.commitment).toBe(commitmentOf(first.seed!));
    const changes = [
      { title: 'Zwemlessen (nieuw)' },
      { capacity: 5 },
      { registration: { ...lottery.registration, drawAt: '2026-03-07T09:00:00Z' } },
      { registration: { ...lottery.registration, mode: 'first-come' } },
      { registration: lottery.registration },
      { drawSeed: '0'.repeat(64), seed: '0'.repeat(64), commitment: '0'.repeat(64) },
    ];
    for (const change of changes) {
      const r = await t.admin('PATCH', `/activities/${id}`, change);
      expect(r.status).toBeLessThan(500);
      expect(r.text).not.toContain(first.seed!);
      expect(await storedSeed(id)).toEqual(first);
    }
    expect((await t.admin('GET', `/activities/${id}`)).text).not.toContain(first.seed!);
    expect((await t.call('GET', `/activities/${id}/draw`)).json.commitment).toBe(first.commitment);
    // No request in the contract carries a seed or a commitment.
    const doc = (await t.call('GET', '/openapi.json')).json;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { requestBody?: unknown; parameters?: unknown }>>))
      for (const op of Object.values(ops)) expect(JSON.stringify([op.requestBody ?? null, op.parameters ?? null]), path).not.toMatch(/seed|commitment/i);
  });

  it('with INSTAP_SECRET_KEY the seed is sealed in the database until the draw; without the key the draw does not run', async () => {
    const key = secretKeyFrom('a passphrase only this server knows');
    const sealed = await testApp(engine, '2026-03-01T09:00:00Z', { secretKey: key });
    try {
      const { id } = await setupActivity(sealed, lottery);
      await sealed.call('POST', `/activities/${id}/registrations`, family());
      const [row] = await sealed.db.select().from(activities).where(eq(activities.id, id));
      expect(row!.drawSeed).toMatch(/^sealed:v1:/);
      sealed.time.set('2026-03-06T09:00:01Z');
      const without = await runDraw(sealed.db, id, sealed.time.clock(), { publicOrigin: 'http://instap.test' }).catch((e) => e);
      expect(without).toBeInstanceOf(ApiError);
      expect([without.status, without.code]).toEqual([503, 'draw_seed_sealed']);
      const drawn = await sealed.admin('POST', `/activities/${id}/draw`);
      expect(drawn.status).toBe(200);
      expect(commitmentOf(drawn.json.seed)).toBe(row!.drawCommitment);
      expect(checkPublishedDraw(drawn.json).ok).toBe(true);
    } finally {
      await sealed.close();
    }
  });
});
