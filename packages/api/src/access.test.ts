/**
 * Walks EVERY admin endpoint of the OpenAPI document, so an endpoint added later is covered
 * without touching this file: no session → 401; staff of another organisation → 403/404 and not a
 * word of the other organisation's data; an intermediary → 403 outside its allow-list, and only
 * the families it registered in lists.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser } from './testing/browser.js';
import { createApp } from './app.js';
import { mayCall } from './services/authenticate.js';
import { activityBody, engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

type Endpoint = { method: string; path: string; schema?: any };

/** A value that fits a JSON schema, so a request gets past validation to the access check. */
function sample(schema: any, doc: any): any {
  if (!schema) return {};
  if (schema.$ref) return sample(doc.components.schemas[schema.$ref.split('/').pop()], doc);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sample(alt.find((s: any) => s.type !== 'null') ?? alt[0], doc);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: any) => sample(s, doc)));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], doc);
    return out;
  }
  if (type === 'array') return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, doc));
  if (type === 'integer' || type === 'number') return Math.max(schema.minimum ?? 1, 1);
  if (type === 'boolean') return true;
  if (schema.format === 'date-time') return '2026-12-01T10:00:00Z';
  if (schema.format === 'email') return 'iemand@voorbeeld.be';
  if (schema.format === 'uuid') return randomUUID();
  return 'a'.repeat(Math.max(3, schema.minLength ?? 3));
}

/** Bodies the generator cannot guess (rules across fields). */
const KNOWN_BODIES: Record<string, unknown> = {
  'POST /organisations/{slug}/activities': activityBody(),
  'PATCH /activities/{id}': { title: 'Nieuw' },
  'PATCH /organisations/{slug}': { allowedOrigins: ['https://nieuw.example'] },
  'POST /activities/{id}/registrations': { ...family(), familyAgreed: true },
  'POST /organisations/{slug}/referral-links': { expiresAt: '2026-12-01T10:00:00Z', maxUses: 1 },
  'PUT /registrations/{id}/kanspas-check': { status: 'verified' },
  'POST /users/me/password': { currentPassword: 'niet het wachtwoord', newPassword: 'een nieuw lang wachtwoord' },
  'POST /users': { email: 'nieuw@voorbeeld.be', name: 'Nieuw', role: 'organisation-staff', password: 'een lang wachtwoord' },
};

describe.each(engines())('access to every admin endpoint on %s', (engine) => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let endpoints: Endpoint[];
  let doc: any;
  const A: Record<string, string> = {};
  const B: Record<string, string> = {};
  /** What must never appear in an answer to someone of organisation A. */
  const secretsOfB = ['Geheime Gitaarles Bravo', 'Zwemclub Bravo', 'Zeynep Bravofamilie', '0499 88 77 66', 'bravo-ouder@voorbeeld.be', 'staff@bravo.example'];

  const as = async (role: string, email: string, org: string | null) => {
    const pw = 'een lang wachtwoord';
    const r = await t.admin('POST', '/users', { email, name: email.split('@')[0], role, organisation: org, password: pw });
    if (r.status !== 201) throw new Error(r.text);
    const b = browser(app);
    expect((await b.signIn(email, pw)).status).toBe(200);
    return { id: r.json.id as string, b };
  };
  const fill = (path: string, ids: Record<string, string>) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'slug') return ids.slug!;
      if (name !== 'id') return 'onbekend';
      const kind = path.split('/')[1];
      return kind === 'registrations' ? ids.registration! : kind === 'users' ? ids.user! : ids.activity!;
    });
  const bodyFor = (e: Endpoint) => (['POST', 'PUT', 'PATCH'].includes(e.method) ? (KNOWN_BODIES[`${e.method} ${e.path}`] ?? sample(e.schema, doc)) : undefined);

  let staffA: Awaited<ReturnType<typeof as>>;
  let adminA: Awaited<ReturnType<typeof as>>;
  let brug1: Awaited<ReturnType<typeof as>>;
  let brug2: Awaited<ReturnType<typeof as>>;

  beforeAll(async () => {
    t = await testApp(engine);
    app = createApp({ db: t.db, clock: t.time.clock, publicOrigin: 'http://instap.test' });
    const a = await setupActivity(t, { capacity: 3, reservedPlaces: 1, reservedUntil: '2026-03-30T00:00:00Z' }, { name: 'Zwemclub Alfa' });
    const b = await setupActivity(t, { title: 'Geheime Gitaarles Bravo' }, { name: 'Zwemclub Bravo' });
    Object.assign(A, { slug: a.slug, activity: a.id });
    Object.assign(B, { slug: b.slug, activity: b.id });
    const rb = await t.call('POST', `/activities/${b.id}/registrations`, family({ contact: { name: 'Zeynep Bravofamilie', phone: '0499 88 77 66', email: 'bravo-ouder@voorbeeld.be' } }));
    B.registration = rb.json.id;
    B.user = (await t.admin('POST', '/users', { email: 'staff@bravo.example', name: 'Bravo', role: 'organisation-staff', organisation: b.slug })).json.id;
    const ra = await t.call('POST', `/activities/${a.id}/registrations`, family({ contact: { name: 'Fatima Alfa', phone: '0470 12 34 56' } }));
    A.registration = ra.json.id;
    staffA = await as('organisation-staff', 'staff@alfa.example', a.slug);
    adminA = await as('organisation-admin', 'admin@alfa.example', a.slug);
    brug1 = await as('intermediary', 'brug1@school.example', a.slug);
    brug2 = await as('intermediary', 'brug2@school.example', null);
    A.user = staffA.id;

    doc = (await t.call('GET', '/openapi.json')).json;
    endpoints = Object.entries(doc.paths as Record<string, Record<string, any>>)
      .filter(([path]) => path.startsWith('/admin'))
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map(([m, op]) => ({ method: m.toUpperCase(), path: path.slice('/admin'.length), schema: op.requestBody?.content?.['application/json']?.schema })),
      );
  });
  afterAll(() => t?.close());

  it('finds the admin endpoints in the OpenAPI document', () => {
    console.info(`access walk: ${endpoints.length} admin endpoints`);
    const names = endpoints.map((e) => `${e.method} ${e.path}`);
    for (const must of ['POST /organisations', 'GET /activities/{id}/registrations', 'POST /users', 'PUT /charter', 'POST /registrations/{id}/cancel'])
      expect(names).toContain(must);
  });

  it('answers 401 to every endpoint without a session or token', async () => {
    for (const e of endpoints) {
      const r = await t.call(e.method, `/admin${fill(e.path, B)}`, bodyFor(e));
      expect([`${e.method} ${e.path}`, r.status]).toEqual([`${e.method} ${e.path}`, 401]);
    }
  });

  it("shows staff and admins of another organisation nothing of organisation B's records", async () => {
    for (const who of [staffA, adminA, brug1]) {
      for (const e of endpoints) {
        const r = await who.b.write(e.method, `/admin${fill(e.path, B)}`, bodyFor(e));
        const label = `${e.method} ${e.path} → ${r.status}`;
        if (e.path.includes('{')) expect([403, 404], label).toContain(r.status);
        else expect(r.status, label).toBeLessThan(500);
        for (const s of secretsOfB) expect(r.text, label).not.toContain(s);
      }
    }
  });

  it('refuses an intermediary everything outside its allow-list, with 403', async () => {
    const refused: string[] = [];
    for (const e of endpoints) {
      if (mayCall('intermediary', e.method, e.path)) continue;
      const r = await brug1.b.write(e.method, `/admin${fill(e.path, A)}`, bodyFor(e));
      expect([`${e.method} ${e.path}`, r.status]).toEqual([`${e.method} ${e.path}`, 403]);
      refused.push(`${e.method} ${e.path}`);
    }
    for (const management of ['POST /organisations', 'PUT /charter', 'GET /users', 'POST /users', 'PATCH /users/{id}', 'POST /organisations/{slug}/activities', 'PATCH /activities/{id}', 'DELETE /activities/{id}', 'PATCH /organisations/{slug}', 'POST /organisations/{slug}/api-tokens'])
      expect(refused).toContain(management);
  });

  it('refuses organisation staff the accounts and API tokens', async () => {
    for (const [m, p] of [['GET', '/users'], ['POST', '/users'], ['POST', `/organisations/${A.slug}/api-tokens`]] as const)
      expect((await staffA.b.write(m, `/admin${p}`, m === 'POST' ? { name: 'x' } : undefined)).status).toBe(403);
  });

  it('an intermediary registers a family on its behalf, takes a reserved place, and sees only its own families', async () => {
    const own = await brug1.b.write('POST', `/admin/activities/${A.activity}/registrations`, { ...family({ contact: { name: 'Gezin Van Brug', phone: '0470 99 88 77' }, children: [{ firstName: 'Noor', birthYear: 2016 }, { firstName: 'Adam', birthYear: 2018 }] }), familyAgreed: true });
    expect(own.status).toBe(201);
    expect(own.json.status).toBe('confirmed');
    const list = await brug1.b.call('GET', `/admin/activities/${A.activity}/registrations`);
    expect(list.json.registrations.map((r: any) => r.contact.name)).toEqual(['Gezin Van Brug']);
    expect(list.json.registrations[0].children.map((c: any) => c.placeKind)).toContain('reserved');
    const csv = await brug1.b.call('GET', `/admin/activities/${A.activity}/registrations`, undefined, { accept: 'text/csv' });
    expect(csv.text).toContain('Gezin Van Brug');
    expect(csv.text).not.toContain('Fatima Alfa');
    expect((await brug2.b.call('GET', `/admin/activities/${A.activity}/registrations`)).json.registrations).toEqual([]);
    const staffList = await staffA.b.call('GET', `/admin/activities/${A.activity}/registrations`);
    expect(staffList.json.registrations.map((r: any) => r.contact.name).sort()).toEqual(['Fatima Alfa', 'Gezin Van Brug']);

    expect((await brug1.b.write('POST', `/admin/registrations/${A.registration}/cancel`)).status).toBe(404);
    expect((await brug2.b.write('POST', `/admin/registrations/${own.json.id}/cancel`)).status).toBe(404);
    expect((await brug1.b.write('POST', `/admin/registrations/${own.json.id}/cancel`)).json.status).toBe('cancelled');
  });

  it('a city-wide intermediary reaches every organisation of the city, but only its own families', async () => {
    const r = await brug2.b.write('POST', `/admin/activities/${B.activity}/registrations`, { ...family({ contact: { name: 'Gezin Stad', phone: '0470 11 11 11' } }), familyAgreed: true });
    expect(r.status).toBe(201);
    const list = await brug2.b.call('GET', `/admin/activities/${B.activity}/registrations`);
    expect(list.json.registrations.map((x: any) => x.contact.name)).toEqual(['Gezin Stad']);
    const orgs = await brug2.b.call('GET', '/admin/organisations');
    expect(orgs.json.organisations.map((o: any) => o.slug).sort()).toEqual([A.slug, B.slug].sort());
  });
});
