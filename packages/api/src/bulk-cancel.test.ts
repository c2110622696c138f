/**
 * Staff see suspicious registrations flagged and cancel them in bulk; another organisation's
 * staff cancel nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationMarks } from './db/schema-antibulk.js';
import { applyRetention } from './services/retention.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

type Listed = { id: string; status: string; kanspas: boolean; flags: { kind: string; count?: number }[]; contact: { name: string } };

describe.each(engines())('flags and bulk cancel on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine, undefined, { trustProxy: true });
  });
  afterAll(() => t?.close());

  const register = (id: string, over: Record<string, unknown>, address: string) => t.call('POST', `/activities/${id}/registrations`, family(over), { 'x-forwarded-for': address });
  const list = async (id: string, token?: string) =>
    (await t.admin('GET', `/activities/${id}/registrations`, undefined, token ? { authorization: `Bearer ${token}` } : {})).json.registrations as Listed[];

  it('flags many from one address, the same contact twice, and unchecked kanspas claims on reserved places', async () => {
    const { id } = await setupActivity(t, { capacity: 8, reservedPlaces: 2, reservedUntil: '2026-03-20T00:00:00Z' });
    for (let i = 0; i < 6; i++) expect((await register(id, { children: [{ firstName: `Kind ${i}`, birthYear: 2016 }], contact: { name: `Bulk ${i}`, email: `bulk${i}@example.be` } }, '203.0.113.7')).status).toBe(201);
    // One parent, two children, separately: fine, but staff may want to know.
    await register(id, { children: [{ firstName: 'Noor', birthYear: 2018 }], contact: { name: 'Fatima', phone: '0470 12 34 56' } }, '198.51.100.1');
    await register(id, { children: [{ firstName: 'Adam', birthYear: 2019 }], contact: { name: 'Fatima', phone: '+32 470 12 34 56' } }, '198.51.100.2');
    // General places are gone: a kanspas claim takes a reserved place, no check confirmed it.
    await register(id, { kanspas: true, children: [{ firstName: 'Lina', birthYear: 2017 }], contact: { name: 'Ilse', email: 'ilse@example.be' } }, '198.51.100.3');
    const rows = await list(id);
    const kinds = (name: string) => rows.find((r) => r.contact.name === name)!.flags.map((f) => f.kind);
    expect(rows.filter((r) => r.contact.name.startsWith('Bulk')).every((r) => r.flags.some((f) => f.kind === 'same-address' && f.count === 6))).toBe(true);
    expect(kinds('Fatima')).toEqual(['same-contact']);
    expect(kinds('Ilse')).toEqual(['unchecked-reserved']);
    // Staff confirm the pass by hand: the flag goes.
    const ilse = rows.find((r) => r.contact.name === 'Ilse')!;
    expect((await t.admin('PUT', `/registrations/${ilse.id}/kanspas-check`, { status: 'verified' })).status).toBe(200);
    expect((await list(id)).find((r) => r.id === ilse.id)!.flags).toEqual([]);
    // Nothing that names an address or a contact is in the list's flags.
    expect(JSON.stringify(rows)).not.toContain('203.0.113.7');
  });

  it('staff cancel flagged registrations at once; the places go to the waiting list; another organisation cancels nothing', async () => {
    const a = await setupActivity(t, { capacity: 4 });
    const b = await setupActivity(t, { capacity: 4 });
    const bulk = [];
    for (let i = 0; i < 4; i++) bulk.push((await register(a.id, { children: [{ firstName: `Script ${i}`, birthYear: 2016 }], contact: { name: `S${i}`, email: `s${i}@example.be` } }, '203.0.113.8')).json);
    const waiting = (await register(a.id, { children: [{ firstName: 'Amira', birthYear: 2017 }], contact: { name: 'Fatima', email: 'fatima@example.be' } }, '198.51.100.9')).json;
    expect(waiting.status).toBe('waitlisted');
    const theirs = (await register(b.id, { children: [{ firstName: 'Tom', birthYear: 2016 }], contact: { name: 'Els', email: 'els@example.be' } }, '198.51.100.10')).json;
    const ids = bulk.map((r) => r.id);
    const cancel = (activityId: string, body: unknown, token?: string) =>
      t.admin('POST', `/activities/${activityId}/registrations/cancel`, body, token ? { authorization: `Bearer ${token}` } : {});

    // Staff of organisation B: A's activity is not theirs (404), and A's ids on B's activity are not B's (404).
    const tokenB = (await t.admin('POST', `/organisations/${b.slug}/api-tokens`, { name: 'club b' })).json.token as string;
    expect((await cancel(a.id, { ids }, tokenB)).status).toBe(404);
    const mixed = await cancel(b.id, { ids: [theirs.id, ...ids] }, tokenB);
    expect([mixed.status, mixed.json.error.code]).toEqual([404, 'registration_not_found']);
    expect((await list(a.id)).filter((r) => r.status === 'confirmed')).toHaveLength(4);
    expect((await list(b.id)).find((r) => r.id === theirs.id)!.status).toBe('confirmed');

    // Bad input: a 4xx with a code, nothing cancelled.
    expect((await cancel(a.id, { ids: [] })).status).toBe(422);
    expect((await cancel(a.id, { ids: Array(501).fill(ids[0]) })).status).toBe(422);
    expect((await cancel(a.id, { ids: ['nope'] })).status).toBe(404);
    expect((await cancel(a.id, {})).status).toBe(422);

    // A's own staff: three of the four go, the waiting family gets the offer.
    const tokenA = (await t.admin('POST', `/organisations/${a.slug}/api-tokens`, { name: 'club a' })).json.token as string;
    const done = await cancel(a.id, { ids: ids.slice(0, 3) }, tokenA);
    expect(done.status).toBe(200);
    expect([...done.json.cancelled].sort()).toEqual(ids.slice(0, 3).sort());
    expect(done.json).toMatchObject({ alreadyCancelled: [], offered: 1 });
    const after = await list(a.id, tokenA);
    expect(after.filter((r) => r.status === 'cancelled').map((r) => r.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(after.find((r) => r.id === waiting.id)!.status).toBe('offered');
    // Sent again: nothing more happens.
    const again = await cancel(a.id, { ids: ids.slice(0, 3) }, tokenA);
    expect(again.json.cancelled).toEqual([]);
    expect([...again.json.alreadyCancelled].sort()).toEqual(ids.slice(0, 3).sort());
    expect(again.json.offered).toBe(0);
  });

  it('keeps only keyed hashes of the address and contact, and retention removes them with the details', async () => {
    const { id } = await setupActivity(t);
    const r = (await register(id, { children: [{ firstName: 'Mila', birthYear: 2016 }], contact: { name: 'Sara', phone: '0470 99 88 77', email: 'sara@example.be' } }, '203.0.113.44')).json;
    const marks = await t.db.select().from(registrationMarks).where(eq(registrationMarks.registrationId, r.id));
    expect(marks.map((m) => m.kind).sort()).toEqual(['address', 'child', 'child', 'contact', 'contact']);
    expect(JSON.stringify(marks)).not.toMatch(/203\.0\.113|0470|sara|mila/i);
    // The last session ends on 8 April 2026; a year and a day later the family is forgotten.
    await applyRetention(t.db, new Date('2027-04-09T00:00:00Z'));
    expect(await t.db.select().from(registrationMarks).where(eq(registrationMarks.registrationId, r.id))).toEqual([]);
  });
});
