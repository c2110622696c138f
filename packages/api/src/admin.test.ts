import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityBody, engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe.each(engines())('admin API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t?.close());

  it('refuses requests without a valid token', async () => {
    for (const [method, path] of [
      ['POST', '/admin/organisations'],
      ['GET', '/admin/activities/00000000-0000-4000-8000-000000000000'],
      ['GET', '/admin/organisations/demo/activities'],
    ] as const) {
      const none = await t.call(method, path, method === 'POST' ? {} : undefined);
      expect([none.status, none.json.error.code]).toEqual([401, 'unauthorized']);
      const wrong = await t.call(method, path, method === 'POST' ? {} : undefined, { authorization: 'Bearer not-the-token' });
      expect(wrong.status).toBe(401);
    }
  });

  it('creates an organisation and an activity with the whole shape of the contract', async () => {
    const o = await t.admin('POST', '/organisations', { slug: 'muziekschool', name: 'Muziekschool', phone: '056 22 33 44', allowedOrigins: ['https://muziek.example'] });
    expect(o.status).toBe(201);
    expect(o.json).toMatchObject({ slug: 'muziekschool', allowedOrigins: ['https://muziek.example'] });
    const again = await t.admin('POST', '/organisations', { slug: 'muziekschool', name: 'Andere', phone: '056 22 33 44' });
    expect([again.status, again.json.error.code]).toEqual([409, 'slug_taken']);

    const a = await t.admin(
      'POST',
      '/organisations/muziekschool/activities',
      activityBody({
        capacity: 10,
        reservedPlaces: 3,
        reservedUntil: '2026-03-20T00:00:00Z',
        kanspasCents: 500,
        registration: { opensAt: '2026-02-01T08:00:00Z', closesAt: '2026-03-10T08:00:00Z', mode: 'lottery', drawAt: '2026-03-11T08:00:00Z' },
        lateJoinUntil: '2026-04-08T15:00:00Z',
        whatToBring: ['Zwemkledij', 'Handdoek'],
        ageMin: 6,
        ageMax: 9,
        kind: 'zwemmen',
      }),
    );
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({
      capacity: 10,
      reservedPlaces: 3,
      reservedPlacesLeft: 3,
      reservedUntil: '2026-03-20T00:00:00.000Z',
      price: { standardCents: 4000, kanspasCents: 500 },
      registration: { mode: 'lottery', drawAt: '2026-03-11T08:00:00.000Z', phase: 'lottery' },
      whatToBring: ['Zwemkledij', 'Handdoek'],
      ageMin: 6,
      kind: 'zwemmen',
      counts: { confirmed: 0, waitlisted: 0, lottery: 0, offered: 0 },
    });
    const read = await t.admin('GET', `/activities/${a.json.id}`);
    expect(read.json.title).toBe('Zwemlessen');
    const patched = await t.admin('PATCH', `/activities/${a.json.id}`, { title: 'Zwemlessen voor beginners', capacity: 12 });
    expect(patched.json).toMatchObject({ title: 'Zwemlessen voor beginners', capacity: 12 });
    // A PATCH changes only what it names: nothing else falls back to a default.
    const window = await t.admin('PATCH', `/activities/${a.json.id}`, { registration: { closesAt: '2026-03-09T08:00:00Z' } });
    expect(window.status).toBe(200);
    expect(window.json).toMatchObject({
      reservedPlaces: 3,
      whatToBring: ['Zwemkledij', 'Handdoek'],
      registration: { mode: 'lottery', closesAt: '2026-03-09T08:00:00.000Z', drawAt: '2026-03-11T08:00:00.000Z' },
    });
  });

  it('rejects activities that cannot work, naming the field', async () => {
    const { slug } = await setupActivity(t);
    const bad = async (overrides: Record<string, unknown>) => (await t.admin('POST', `/organisations/${slug}/activities`, activityBody(overrides))).json.error;
    expect((await bad({ reservedPlaces: 30, capacity: 20 })).issues).toEqual([expect.objectContaining({ path: 'reservedPlaces', code: 'reserved_over_capacity' })]);
    expect((await bad({ reservedPlaces: 2, reservedUntil: '2026-05-01T00:00:00Z' })).issues[0].code).toBe('reserved_until_after_last_session');
    expect((await bad({ priceCents: -1 })).issues[0].path).toBe('priceCents');
    expect((await bad({ lateJoinUntil: '2026-03-01T00:00:00Z' })).issues[0].code).toBe('cut_off_before_first_session');
    expect((await bad({ kanspasCents: 2000 })).issues[0].code).toBe('kanspas_price_above_charter');
    expect((await bad({ registration: { opensAt: '2026-02-01T08:00:00Z', closesAt: '2026-03-10T08:00:00Z', mode: 'lottery', drawAt: '2026-03-01T08:00:00Z' } })).issues[0].code).toBe(
      'draw_before_window_closes',
    );
    const list = await t.admin('GET', `/organisations/${slug}/activities`);
    expect(list.json.activities).toHaveLength(1);
  });

  it('lists registrations as JSON and as CSV, with formulas defused', async () => {
    const { id } = await setupActivity(t, { capacity: 1 });
    await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: true, contact: { name: '=HYPERLINK("x")', email: 'a@b.be' } }));
    await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: 'Noor', birthYear: 2018 }, { firstName: 'Adam', birthYear: 2019 }] }));
    const json = await t.admin('GET', `/activities/${id}/registrations`);
    expect(json.json.registrations).toMatchObject([
      { status: 'confirmed', kanspas: true, kanspasCheck: 'claimed', priceCents: 800, children: [{ firstName: 'Amira', placeKind: 'general' }] },
      { status: 'waitlisted', waitlistPosition: 1, children: [{ firstName: 'Noor' }, { firstName: 'Adam' }] },
    ]);
    const csv = await t.admin('GET', `/activities/${id}/registrations`, undefined, { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('status,waitlist_position,children,birth_years,contact_name,phone,email,language,kanspas,kanspas_check,referred,price_eur,registered_at,payment_status,payment_amount_eur,payment_paid_eur,payment_due_at,payment_reference,uitpas_sales');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toMatch(/^waitlisted,1,Noor \+ Adam,2018 \+ 2019,/);
  });

  it('withdraws an activity: families no longer see it, registrations are kept', async () => {
    const { id, slug } = await setupActivity(t);
    await t.call('POST', `/activities/${id}/registrations`, family());
    const del = await t.admin('DELETE', `/activities/${id}`);
    expect(del.json.withdrawn).toBe(true);
    expect((await t.call('GET', `/activities/${id}`)).status).toBe(404);
    expect((await t.call('GET', `/organisations/${slug}/activities`)).json.activities).toHaveLength(0);
    expect((await t.admin('GET', `/activities/${id}/registrations`)).json.registrations).toHaveLength(1);
  });
});
