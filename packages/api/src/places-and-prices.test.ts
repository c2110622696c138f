import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

/** Each call a child of its own (the same child twice is refused: see bulk.test.ts). */
let children = 0;
const register = (t: TestApp, id: string, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: `Kind ${++children}`, birthYear: 2017 }], ...over }), headers);
const statusOf = async (r: Promise<{ json: { status: string } }>) => (await r).json.status;

describe.each(engines())('places and prices on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine, undefined, { trustProxy: true });
  });
  afterAll(() => t?.close());

  it('holds reserved places for kanspas and referred families until the release date', async () => {
    const { id } = await setupActivity(t, { capacity: 4, reservedPlaces: 2, reservedUntil: '2026-03-15T00:00:00Z' });
    expect((await t.call('GET', `/activities/${id}`)).json).toMatchObject({ placesLeft: 4, reservedPlacesLeft: 2 });
    // A kanspas family takes a general place while general ones are free.
    expect(await statusOf(register(t, id, { kanspas: true }))).toBe('confirmed');
    expect((await t.call('GET', `/activities/${id}`)).json).toMatchObject({ placesLeft: 3, reservedPlacesLeft: 2 });
    expect(await statusOf(register(t, id))).toBe('confirmed');
    // General places are gone: a family without kanspas waits, a kanspas family still gets in.
    expect(await statusOf(register(t, id))).toBe('waitlisted');
    expect(await statusOf(register(t, id, { kanspas: true }))).toBe('confirmed');
    expect((await t.call('GET', `/activities/${id}`)).json).toMatchObject({ placesLeft: 1, reservedPlacesLeft: 1 });
    // After the release date the last reserved place is a general place.
    t.time.set('2026-03-15T00:00:01Z');
    expect((await t.call('GET', `/activities/${id}`)).json).toMatchObject({ placesLeft: 1, reservedPlacesLeft: 0 });
    expect(await statusOf(register(t, id))).toBe('confirmed');
    t.time.set('2026-03-01T09:00:00Z');
  });

  it('a referral link unlocks a reserved place; an expired or used-up code does not', async () => {
    const { id, slug } = await setupActivity(t, { capacity: 2, reservedPlaces: 2, reservedUntil: '2026-03-30T00:00:00Z' });
    const link = await t.admin('POST', `/organisations/${slug}/referral-links`, { activityId: id, expiresAt: '2026-03-05T00:00:00Z', maxUses: 1, note: 'School De Vlieger' });
    expect(link.status).toBe(201);
    expect(link.json.url).toBe(`http://instap.test/a/${id}?referral=${link.json.code}`);
    expect(await statusOf(register(t, id, { referralCode: 'NOPE-NOPE' }))).toBe('waitlisted');
    expect(await statusOf(register(t, id, { referralCode: link.json.code.toLowerCase() }))).toBe('confirmed');
    expect(await statusOf(register(t, id, { referralCode: link.json.code }))).toBe('waitlisted');
    const list = await t.admin('GET', `/organisations/${slug}/referral-links`);
    expect(list.json.referralLinks[0]).toMatchObject({ uses: 1, maxUses: 1, note: 'School De Vlieger' });
    const late = await t.admin('POST', `/organisations/${slug}/referral-links`, { expiresAt: '2026-03-02T00:00:00Z', maxUses: 5 });
    t.time.set('2026-03-03T00:00:00Z');
    expect(await statusOf(register(t, id, { referralCode: late.json.code }))).toBe('waitlisted');
    t.time.set('2026-03-01T09:00:00Z');
    const past = await t.admin('POST', `/organisations/${slug}/referral-links`, { expiresAt: '2026-02-01T00:00:00Z' });
    expect(past.json.error.issues[0]).toMatchObject({ path: 'expiresAt', code: 'expires_in_past' });
  });

  it('one tariff charter for the city: changing it changes every kanspas price', async () => {
    const { id, slug } = await setupActivity(t, { priceCents: 5000 });
    expect((await t.admin('GET', '/charter')).json).toMatchObject({ kanspasDiscountPercent: 80, siblingDiscountPercent: 0 });
    expect((await t.call('GET', `/activities/${id}`)).json.price.kanspasCents).toBe(1000);
    const put = await t.admin('PUT', '/charter', { kanspasDiscountPercent: 75, siblingDiscountPercent: 10 });
    expect(put.status).toBe(200);
    expect((await t.call('GET', `/activities/${id}`)).json.price).toMatchObject({ kanspasCents: 1250, kanspasDiscountPercent: 75, siblingDiscountPercent: 10 });
    // What the widget shows (first child + each brother or sister) is what the registration charges.
    const shown = (await t.call('GET', `/activities/${id}`)).json.price;
    expect(shown).toMatchObject({ nowKanspasCents: 1250, nowSiblingKanspasCents: 1125 });
    const two = await register(t, id, { kanspas: true, children: [{ firstName: 'Noor', birthYear: 2017 }, { firstName: 'Adam', birthYear: 2019 }] });
    expect(two.json.price).toMatchObject({ tariff: 'kanspas', totalCents: shown.nowKanspasCents + shown.nowSiblingKanspasCents });
    // Only a city admin changes the charter.
    const org = await t.admin('POST', `/organisations/${slug}/api-tokens`, { name: 'script' });
    const asOrg = await t.call('PUT', '/admin/charter', { kanspasDiscountPercent: 10 }, { authorization: `Bearer ${org.json.token}` });
    expect([asOrg.status, asOrg.json.error.code]).toEqual([403, 'forbidden']);
    const bad = await t.admin('PUT', '/charter', { kanspasDiscountPercent: 120 });
    expect([bad.status, bad.json.error.issues[0].path]).toEqual([422, 'kanspasDiscountPercent']);
    await t.admin('PUT', '/charter', { kanspasDiscountPercent: 80, siblingDiscountPercent: 0 });
  });

  it('a family joining a running series pays only the sessions to come, until the cut-off', async () => {
    const sessions = Array.from({ length: 10 }, (_, i) => {
      const start = new Date(Date.UTC(2026, 1, 2 + 7 * i, 15));
      return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() };
    });
    const { id } = await setupActivity(t, { sessions, priceCents: 4000, registration: { opensAt: '2026-01-10T08:00:00Z' }, lateJoinUntil: sessions[7]!.startsAt });
    // On 1 March, 4 of 10 lessons (2, 9, 16, 23 Feb) are past.
    const a = (await t.call('GET', `/activities/${id}`)).json;
    expect(a).toMatchObject({ sessionsToCome: 6, price: { nowStandardCents: 2400, nowKanspasCents: 480, nowSiblingStandardCents: 2400, nowSiblingKanspasCents: 480 } });
    const r = await register(t, id, { kanspas: true });
    expect(r.json.price).toMatchObject({ sessionsTotal: 10, sessionsCounted: 6, totalCents: 480 });
    t.time.set(sessions[7]!.startsAt);
    const closed = await register(t, id);
    expect([closed.status, closed.json.error.code]).toEqual([409, 'registration_closed']);
    t.time.set('2026-03-01T09:00:00Z');
  });

  it('a kanspas found not valid: nothing is cancelled, the standard price applies from then on', async () => {
    const sessions = Array.from({ length: 4 }, (_, i) => {
      const start = new Date(Date.UTC(2026, 2, 2 + 7 * i, 15));
      return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() };
    });
    const { id } = await setupActivity(t, { sessions, priceCents: 4000 });
    const r = await register(t, id, { kanspas: true });
    expect(r.json.price.totalCents).toBe(800);
    const list = (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations;
    // Two of four lessons later, staff find the pass is not valid.
    t.time.set('2026-03-10T09:00:00Z');
    const check = await t.admin('PUT', `/registrations/${list[0].id}/kanspas-check`, { status: 'not-valid' });
    expect(check.status).toBe(200);
    expect(check.json).toMatchObject({ kanspasCheck: 'not-valid', priceCents: 400 + 2000 });
    const view = (await t.call('GET', `/registrations/${r.json.token}`)).json;
    expect(view).toMatchObject({ status: 'confirmed', kanspasCheck: 'not-valid', price: { totalCents: 2400 } });
    const back = await t.admin('PUT', `/registrations/${list[0].id}/kanspas-check`, { status: 'verified' });
    expect(back.json).toMatchObject({ kanspasCheck: 'verified', priceCents: 800 });
    const bad = await t.admin('PUT', `/registrations/${list[0].id}/kanspas-check`, { status: 'maybe' });
    expect(bad.status).toBe(422);
    t.time.set('2026-03-01T09:00:00Z');
  });

  it('many kanspas and other families at once: no place oversold, no reserved place misused', async () => {
    const { id } = await setupActivity(t, { capacity: 12, reservedPlaces: 4, reservedUntil: '2026-03-20T00:00:00Z' });
    const answers = await Promise.all(
      // Sixty families, each from its own address (one address is slowed down: bulk.test.ts).
      Array.from({ length: 60 }, (_, i) =>
        register(t, id, { kanspas: i % 3 === 0, children: [{ firstName: `Kind ${i}`, birthYear: 2016 }] }, { 'x-forwarded-for': `198.51.100.${i}` }),
      ),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const list = (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations as {
      status: string;
      kanspas: boolean;
      children: { placeKind: string | null }[];
    }[];
    const placed = list.filter((r) => r.status === 'confirmed');
    expect(placed).toHaveLength(12);
    const reserved = placed.filter((r) => r.children[0]!.placeKind === 'reserved');
    expect(reserved).toHaveLength(4);
    expect(reserved.every((r) => r.kanspas)).toBe(true);
  });
});
