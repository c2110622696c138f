import { allocateDraw, checkPublishedDraw, commitmentOf, drawId } from '@instap/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from './db/schema-messages.js';
import { tick } from './services/scheduler.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

const lottery = {
  capacity: 3,
  reservedPlaces: 1,
  reservedUntil: '2026-03-25T00:00:00Z',
  registration: { opensAt: '2026-02-20T08:00:00Z', closesAt: '2026-03-05T20:00:00Z', mode: 'lottery', drawAt: '2026-03-06T09:00:00Z' },
};

describe.each(engines())('fair allocation on %s', (engine) => {
  let t: TestApp;
  const reg = (id: string, over: Record<string, unknown> = {}) => t.call('POST', `/activities/${id}/registrations`, family(over));
  const sent = async (kind: string) => (await t.db.select().from(messages).where(eq(messages.kind, kind))).length;
  const view = async (token: string) => (await t.call('GET', `/registrations/${token}`)).json;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t?.close());

  it('a draw instead of 9:00: being first does not matter, and anyone can check the order', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, lottery);
    const pub = (await t.call('GET', `/activities/${id}`)).json;
    expect(pub.registration).toMatchObject({ mode: 'lottery', phase: 'lottery' });
    const before = (await t.call('GET', `/activities/${id}/draw`)).json;
    expect(before.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(before).not.toHaveProperty('seed');
    expect(before.entries).toEqual([]);

    const families: { id: string; token: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await reg(id, { kanspas: i === 5, children: [{ firstName: `Kind ${i}`, birthYear: 2017 }], contact: { name: `Ouder ${i}`, email: `ouder${i}@example.be` } });
      expect(r.json.status).toBe('lottery');
      families.push(r.json);
    }
    expect(await sent('registration-lottery')).toBeGreaterThanOrEqual(6);

    const early = await t.admin('POST', `/activities/${id}/draw`);
    expect([early.status, early.json.error.code]).toEqual([409, 'window_still_open']);
    t.time.set('2026-03-05T21:00:00Z');
    const tooLate = await reg(id);
    expect([tooLate.status, tooLate.json.error.code]).toEqual([409, 'registration_awaiting_draw']);

    const draw = await t.admin('POST', `/activities/${id}/draw`);
    expect(draw.status).toBe(200);
    expect(commitmentOf(draw.json.seed)).toBe(before.commitment);
    expect(draw.json.commitment).toBe(before.commitment);
    const outcomes = draw.json.entries.map((e: { outcome: string }) => e.outcome);
    // The only kanspas family gets a place wherever it was drawn: a general one when drawn among
    // the first two, else the reserved one. In the first case the reserved place stays held
    // until its release date, for a kanspas family that may still come.
    const kanspas = draw.json.entries.find((e: { id: string }) => e.id === drawId(families[5]!.id));
    expect(kanspas.outcome).toBe('confirmed');
    const reservedHeld = kanspas.rank <= 2;
    expect(outcomes.filter((o: string) => o === 'confirmed')).toHaveLength(reservedHeld ? 2 : 3);
    // Anyone recomputes the published order and checks the outcome from the published data alone.
    expect(checkPublishedDraw(draw.json)).toMatchObject({ ok: true, commitment: true, problems: [] });
    // Staff, who know who has a kanspas, recompute the outcome itself with the core rule.
    const again = allocateDraw({
      seed: draw.json.seed,
      entries: draw.json.entries.map((e: { id: string; children: number }) => ({ id: e.id, children: e.children, priority: e.id === kanspas.id })),
      rules: { capacity: 3, reservedPlaces: 1, reservedUntil: new Date(lottery.reservedUntil) },
      taken: { general: 0, reserved: 0 },
      now: new Date(draw.json.drawnAt),
    });
    expect(again.map((r) => [r.id, r.outcome.status])).toEqual(draw.json.entries.map((e: { id: string; outcome: string }) => [e.id, e.outcome]));

    const waiting = draw.json.entries.filter((e: { outcome: string }) => e.outcome === 'waitlisted');
    expect(waiting.map((e: { waitlistPosition: number }) => e.waitlistPosition)).toEqual(reservedHeld ? [1, 2, 3, 4] : [1, 2, 3]);
    const first = families.find((f) => drawId(f.id) === waiting[0].id)!;
    expect(await view(first.token)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await sent('draw-result')).toBe(6);

    const twice = await t.admin('POST', `/activities/${id}/draw`);
    expect([twice.status, twice.json.error.code]).toEqual([409, 'already_drawn']);
    // After the draw, registration is first-come: with no general place left, a newcomer waits.
    expect((await reg(id)).json).toMatchObject({ status: 'waitlisted', waitlistPosition: reservedHeld ? 5 : 4 });
    if (reservedHeld) {
      // At the release date the held place goes to the first family on the waiting list.
      t.time.set('2026-03-25T00:00:01Z');
      await tick(t.db, t.time.clock(), 'http://instap.test');
      expect(await view(first.token)).toMatchObject({ status: 'offered' });
    }
  });

  it('the scheduler runs a due draw by itself, once', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, lottery);
    await reg(id);
    t.time.set('2026-03-06T09:00:01Z');
    const first = await tick(t.db, t.time.clock(), 'http://instap.test');
    expect(first.draws).toBeGreaterThanOrEqual(1);
    const second = await tick(t.db, t.time.clock(), 'http://instap.test');
    expect(second.draws).toBe(0);
    expect((await t.call('GET', `/activities/${id}/draw`)).json.entries).toHaveLength(1);
  });

  it('a freed place is offered to the next family, for a limited time; accept confirms, a used link is refused', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, { capacity: 1, offerHours: 24 });
    const a = (await reg(id, { contact: { name: 'A', email: 'a@example.be' } })).json;
    const b = (await reg(id, { contact: { name: 'B', email: 'b@example.be' } })).json;
    const c = (await reg(id, { contact: { name: 'C', email: 'c@example.be' } })).json;
    expect([a.status, b.status, c.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);

    await t.call('POST', `/registrations/${a.token}/cancel`);
    const offered = await view(b.token);
    expect(offered).toMatchObject({ status: 'offered', offer: { expiresAt: '2026-03-02T09:00:00.000Z' } });
    expect((await t.call('GET', `/activities/${id}`)).json.placesLeft).toBe(0);
    expect(await view(c.token)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await sent('offer-made')).toBeGreaterThanOrEqual(1);

    const key = { 'idempotency-key': 'accept-once' };
    const accept = await t.call('POST', `/offers/${offered.offer.token}/accept`, undefined, key);
    expect(accept.json).toMatchObject({ status: 'confirmed', offer: null });
    // The phone lost its connection and the widget sends the same answer again: the same reply.
    const retried = await t.call('POST', `/offers/${offered.offer.token}/accept`, undefined, key);
    expect([retried.status, retried.text]).toEqual([200, accept.text]);
    const again = await t.call('POST', `/offers/${offered.offer.token}/accept`);
    expect([again.status, again.json.error.code]).toEqual([409, 'offer_used']);
    expect((await t.call('POST', '/offers/nonsense/accept')).json.error.code).toBe('offer_not_found');
  });

  it('decline or expiry passes the place on; an expired offer cannot be accepted', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, { capacity: 1, offerHours: 24 });
    const a = (await reg(id, { contact: { name: 'A', email: 'a@example.be' } })).json;
    const b = (await reg(id, { contact: { name: 'B', email: 'b@example.be' } })).json;
    const c = (await reg(id, { contact: { name: 'C', email: 'c@example.be' } })).json;
    const d = (await reg(id, { contact: { name: 'D', email: 'd@example.be' } })).json;
    await t.call('POST', `/registrations/${a.token}/cancel`);
    const bOffer = (await view(b.token)).offer;
    const declined = await t.call('POST', `/offers/${bOffer.token}/decline`);
    expect(declined.json.status).toBe('cancelled');
    const cOffer = (await view(c.token)).offer;
    expect(cOffer).not.toBeNull();

    t.time.set('2026-03-02T09:00:01Z');
    const late = await t.call('POST', `/offers/${cOffer.token}/accept`);
    expect([late.status, late.json.error.code]).toEqual([409, 'offer_expired']);
    expect((await view(c.token)).status).toBe('offered');
    await tick(t.db, t.time.clock(), 'http://instap.test');
    expect((await view(c.token)).status).toBe('cancelled');
    expect((await view(d.token)).status).toBe('offered');
    const after = await t.call('POST', `/offers/${cOffer.token}/accept`);
    expect(after.json.error.code).toBe('offer_expired');
    expect(await sent('offer-expired')).toBeGreaterThanOrEqual(1);
  });

  it('a family with only a phone gets its offer on the call list; the time runs from the call', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, { capacity: 1 });
    const a = (await reg(id)).json;
    const b = (await reg(id, { contact: { name: 'Yusuf', phone: '0470 99 88 77' } })).json;
    await t.call('POST', `/registrations/${a.token}/cancel`);
    expect(await view(b.token)).toMatchObject({ status: 'offered', offer: { expiresAt: null } });
    const calls = await t.db.select().from(messages).where(and(eq(messages.kind, 'offer-made'), eq(messages.channel, 'call')));
    expect(calls.length).toBeGreaterThanOrEqual(1);
    // No clock runs yet: a week later the offer still stands.
    t.time.set('2026-03-08T09:00:00Z');
    await tick(t.db, t.time.clock(), 'http://instap.test');
    expect((await view(b.token)).status).toBe('offered');
    // Staff make the call from the call list: from now on the family has the usual time.
    const call = calls.find((m) => m.registrationId === b.id)!;
    const marked = await t.admin('POST', `/messages/${call.id}/called`);
    expect(marked.status).toBe(200);
    expect((await view(b.token)).offer.expiresAt).toBe('2026-03-10T09:00:00.000Z');
    t.time.set('2026-03-10T09:00:01Z');
    await tick(t.db, t.time.clock(), 'http://instap.test');
    expect((await view(b.token)).status).toBe('cancelled');
  });

  it('released reserved places and raised capacity go to the waiting list', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, { capacity: 2, reservedPlaces: 1, reservedUntil: '2026-03-10T00:00:00Z' });
    await reg(id);
    const b = (await reg(id, { contact: { name: 'B', email: 'b@example.be' } })).json;
    const c = (await reg(id, { contact: { name: 'C', email: 'c@example.be' } })).json;
    expect(b.status).toBe('waitlisted');
    t.time.set('2026-03-10T00:00:01Z');
    await tick(t.db, t.time.clock(), 'http://instap.test');
    expect((await view(b.token)).status).toBe('offered');
    const patched = await t.admin('PATCH', `/activities/${id}`, { capacity: 3 });
    expect(patched.status).toBe(200);
    expect((await view(c.token)).status).toBe('offered');
  });

  it('"tell me when I can register": families hear once when it opens again', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, { registration: { opensAt: '2026-03-15T08:00:00Z' }, kind: 'zwemmen' });
    const ok = await t.call('POST', `/activities/${id}/interest`, { name: 'Fatima', email: 'fatima@example.be', language: 'ar' }, { 'idempotency-key': 'fatima-1' });
    expect(ok.status).toBe(201);
    const twice = await t.call('POST', `/activities/${id}/interest`, { name: 'Fatima', email: 'fatima@example.be', language: 'ar' }, { 'idempotency-key': 'fatima-1' });
    expect(twice.json).toEqual(ok.json);
    await t.call('POST', `/activities/${id}/interest`, { name: 'Tom', phone: '0470 11 22 33' });
    const bad = await t.call('POST', `/activities/${id}/interest`, { name: 'Tom' });
    expect([bad.status, bad.json.error.issues[0].code]).toEqual([422, 'contact-missing']);
    expect((await tick(t.db, t.time.clock(), 'http://instap.test')).told).toBe(0);
    t.time.set('2026-03-15T08:00:01Z');
    expect((await tick(t.db, t.time.clock(), 'http://instap.test')).told).toBe(2);
    expect((await tick(t.db, t.time.clock(), 'http://instap.test')).told).toBe(0);
    const list = (await t.admin('GET', `/activities/${id}/interest`)).json.interest;
    expect(list.every((r: { notifiedAt: string | null }) => r.notifiedAt)).toBe(true);
    const open = await t.call('POST', `/activities/${id}/interest`, { name: 'Late', email: 'late@example.be' });
    expect([open.status, open.json.error.code]).toEqual([409, 'registration_open']);
  });

  it('accepting offers while new families register never oversells', async () => {
    t.time.set('2026-03-01T09:00:00Z');
    const { id } = await setupActivity(t, { capacity: 5 });
    const first = [];
    for (let i = 0; i < 5; i++) first.push((await reg(id, { contact: { name: `A${i}`, email: `a${i}@example.be` } })).json);
    const waiting = [];
    for (let i = 0; i < 5; i++) waiting.push((await reg(id, { contact: { name: `W${i}`, email: `w${i}@example.be` } })).json);
    for (const f of first.slice(0, 3)) await t.call('POST', `/registrations/${f.token}/cancel`);
    const offerTokens = await Promise.all(waiting.slice(0, 3).map(async (w) => (await view(w.token)).offer.token));
    await Promise.all([
      ...offerTokens.map((tok) => t.call('POST', `/offers/${tok}/accept`)),
      ...Array.from({ length: 10 }, () => reg(id)),
      t.call('POST', `/registrations/${first[3]!.token}/cancel`),
    ]);
    const list = (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations as { status: string }[];
    const holding = list.filter((r) => r.status === 'confirmed' || r.status === 'offered');
    expect(holding).toHaveLength(5);
  });
});
