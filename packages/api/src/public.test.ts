import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe.each(engines())('public API on %s', (engine) => {
  let t: TestApp;
  let id: string;
  let slug: string;
  beforeAll(async () => {
    t = await testApp(engine);
    ({ id, slug } = await setupActivity(t, { capacity: 2 }));
  });
  afterAll(() => t?.close());

  it('shows an activity with places left and both prices', async () => {
    const r = await t.call('GET', `/activities/${id}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      id,
      title: 'Zwemlessen',
      capacity: 2,
      placesLeft: 2,
      reservedPlacesLeft: 0,
      price: { standardCents: 4000, kanspasCents: 800, currency: 'EUR' },
      registration: { mode: 'first-come', phase: 'first-come' },
      organisation: { slug, name: 'Zwemclub Test', phone: '056 11 22 33', uitpas: false },
    });
    expect(r.json.sessions).toHaveLength(2);
  });

  it("lists an organisation's activities", async () => {
    const r = await t.call('GET', `/organisations/${slug}/activities`);
    expect(r.status).toBe(200);
    expect(r.json.activities.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await t.call('GET', '/organisations/nobody/activities')).json.error.code).toBe('organisation_not_found');
  });

  it('confirms while places are left, then waitlists with a position', async () => {
    const first = await t.call('POST', `/activities/${id}/registrations`, family());
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'confirmed', price: { totalCents: 4000, tariff: 'standard' } });
    expect(first.json.token).toMatch(/^[\w-]{20,}$/);
    const kanspas = await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: true, children: [{ firstName: 'Noor', birthYear: 2018 }] }));
    expect(kanspas.json).toMatchObject({ status: 'confirmed', price: { totalCents: 800, tariff: 'kanspas' } });
    const late = await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: 'Tom', birthYear: 2016 }] }));
    expect(late.json).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const later = await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: 'Lina', birthYear: 2017 }] }));
    expect(later.json.waitlistPosition).toBe(2);
    expect((await t.call('GET', `/activities/${id}`)).json.placesLeft).toBe(0);

    const view = await t.call('GET', `/registrations/${late.json.token}`);
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, children: [{ firstName: 'Tom', birthYear: 2016 }], activity: { id } });
  });

  it('cancels by the private link and gives the place back', async () => {
    const r = await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: 'Sami', birthYear: 2015 }] }));
    const before = (await t.call('GET', `/activities/${id}`)).json.placesLeft;
    const first = (await t.call('GET', `/organisations/${slug}/activities`)).json;
    expect(first).toBeTruthy();
    const c = await t.call('POST', `/registrations/${r.json.token}/cancel`);
    expect(c.status).toBe(200);
    expect(c.json.status).toBe('cancelled');
    expect((await t.call('GET', `/activities/${id}`)).json.placesLeft).toBe(before);
    expect((await t.call('GET', '/registrations/not-a-token')).json.error.code).toBe('registration_not_found');
  });

  it('answers bad input with a code and field paths, and writes nothing', async () => {
    const count = async () => (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations.length;
    const before = await count();
    const unknown = await t.call('GET', '/activities/00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'activity_not_found']);
    expect((await t.call('GET', '/activities/nope')).json.error.code).toBe('activity_not_found');

    const malformed = await t.call('POST', `/activities/${id}/registrations`, '{"children": [');
    expect([malformed.status, malformed.json.error.code]).toEqual([400, 'malformed_json']);

    const noChildren = await t.call('POST', `/activities/${id}/registrations`, family({ children: [] }));
    expect(noChildren.status).toBe(422);
    expect(noChildren.json.error.issues[0].path).toBe('children');

    const future = await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: 'Ada', birthYear: 2031 }] }));
    expect(future.status).toBe(422);
    expect(future.json.error.issues).toEqual([expect.objectContaining({ path: 'children.0.birthYear', code: 'year-in-future' })]);

    const noContact = await t.call('POST', `/activities/${id}/registrations`, family({ contact: { name: 'Fatima' } }));
    expect(noContact.status).toBe(422);
    expect(noContact.json.error.issues).toEqual([expect.objectContaining({ path: 'contact.phone', code: 'contact-missing' })]);

    const noName = await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: ' ', birthYear: 2017 }] }));
    expect(noName.json.error.issues[0]).toMatchObject({ path: 'children.0.firstName', code: 'required' });

    const huge = await t.call('POST', `/activities/${id}/registrations`, family({ contact: { name: 'x'.repeat(70_000), phone: '0470123456' } }));
    expect([huge.status, huge.json.error.code]).toEqual([413, 'body_too_large']);

    expect(await count()).toBe(before);
  });

  it('says when registration is not open yet or closed', async () => {
    const { id: later } = await setupActivity(t, { registration: { opensAt: '2026-03-10T08:00:00Z' } });
    const r = await t.call('POST', `/activities/${later}/registrations`, family());
    expect([r.status, r.json.error.code]).toEqual([409, 'registration_not_open']);
    t.time.set('2026-04-08T15:00:00Z');
    const closed = await t.call('POST', `/activities/${later}/registrations`, family());
    expect(closed.json.error.code).toBe('registration_closed');
    t.time.set('2026-03-01T09:00:00Z');
  });

  it('returns the first answer for a repeated Idempotency-Key, and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': 'same-key-1' };
    const yara = family({ children: [{ firstName: 'Yara', birthYear: 2016 }] });
    const a = await t.call('POST', `/activities/${id}/registrations`, yara, headers);
    const b = await t.call('POST', `/activities/${id}/registrations`, yara, headers);
    expect(b.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    const other = await t.call('POST', `/activities/${id}/registrations`, family({ kanspas: true }), headers);
    expect([other.status, other.json.error.code]).toEqual([422, 'idempotency_key_reused']);
  });

  it('allows cross-origin use only from the organisation’s sites', async () => {
    const allowed = await t.call('GET', `/activities/${id}`, undefined, { origin: 'https://www.zwemclub.example' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.zwemclub.example');
    const other = await t.call('GET', `/activities/${id}`, undefined, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const write = await t.call('POST', `/activities/${id}/registrations`, family(), { origin: 'https://evil.example' });
    expect([write.status, write.json.error.code]).toEqual([403, 'origin_not_allowed']);
    const preflight = await t.app.request(`http://instap.test/api/v1/activities/${id}/registrations`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.zwemclub.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const own = await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: 'Omar', birthYear: 2018 }] }), { origin: 'http://instap.test' });
    expect(own.status).toBe(201);
  });

  it('publishes the OpenAPI contract', async () => {
    const r = await t.call('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.json.paths['/activities/{id}/registrations'].post).toBeTruthy();
    expect(r.json.paths['/admin/activities/{id}/registrations'].get).toBeTruthy();
    const docs = await t.call('GET', '/docs');
    expect(docs.text).toContain('/api/v1/activities/{id}');
  });

  it('shows the activity in the family’s language where the service wrote it, in Dutch elsewhere', async () => {
    const { id: translated } = await setupActivity(t, {
      translations: { fr: { title: 'Cours de natation', summary: 'Apprendre à nager en petits groupes.', whatToBring: ['Maillot de bain'] }, ar: { title: 'دروس السباحة' } },
    });
    const fr = (await t.call('GET', `/activities/${translated}?lang=fr`)).json;
    expect(fr).toMatchObject({ language: 'fr', title: 'Cours de natation', whatToBring: ['Maillot de bain'], location: 'Zwembad, Kortrijk' });
    expect((await t.call('GET', `/activities/${translated}?lang=ar`)).json).toMatchObject({ language: 'ar', title: 'دروس السباحة', summary: 'Leren zwemmen in kleine groepjes.' });
    expect((await t.call('GET', `/activities/${translated}?lang=tr`)).json).toMatchObject({ language: 'nl', title: 'Zwemlessen' });
    expect((await t.call('GET', `/activities/${translated}?lang=xx`)).status).toBe(422);
    // The family's own view follows the language it registered in.
    const r = await t.call('POST', `/activities/${translated}/registrations`, family({ language: 'fr' }));
    expect((await t.call('GET', `/registrations/${r.json.token}`)).json.activity.title).toBe('Cours de natation');
    const admin = (await t.admin('GET', `/activities/${translated}`)).json;
    expect(admin.translations.fr.title).toBe('Cours de natation');
    const bad = await t.admin('PATCH', `/activities/${translated}`, { translations: { nl: { title: 'x' } } });
    expect(bad.status).toBe(422);
  });
});
