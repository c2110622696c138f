/**
 * API tokens can be listed and revoked, die with the account that made them, and the bootstrap
 * token lives only while INSTAP_BOOTSTRAP_TOKEN is set. Also: only admins change UiTPAS
 * credentials and the booking page, and a PATCH changes only the fields it sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { ensureBootstrapToken, revokeBootstrapTokens } from './services/auth.js';
import { browser, ORIGIN } from './testing/browser.js';
import { ADMIN_TOKEN, engines, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe.each(engines())('API tokens and admin-only settings on %s', (engine) => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let slug: string;
  let other: string;
  let activityId: string;
  const bearer = (token: string, method: string, path: string, body?: unknown) => t.call(method, `/admin${path}`, body, { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await testApp(engine);
    app = createApp({ db: t.db, clock: t.time.clock, publicOrigin: ORIGIN });
    ({ slug, id: activityId } = await setupActivity(t));
    ({ slug: other } = await setupActivity(t));
    for (const [email, role] of [['admin@club.example', 'organisation-admin'], ['staff@club.example', 'organisation-staff']] as const)
      expect((await t.admin('POST', '/users', { email, name: email.split('@')[0], role, organisation: slug, password: 'een lang wachtwoord' })).status).toBe(201);
  });
  afterAll(() => t?.close());

  it('an organisation admin lists and revokes its tokens; a revoked token stops at once', async () => {
    const admin = browser(app);
    await admin.signIn('admin@club.example', 'een lang wachtwoord');
    const made = await admin.write('POST', `/admin/organisations/${slug}/api-tokens`, { name: 'Ledenlijst' });
    expect(made.status).toBe(201);
    expect((await bearer(made.json.token, 'GET', `/organisations/${slug}/activities`)).status).toBe(200);
    const list = await admin.call('GET', `/admin/organisations/${slug}/api-tokens`);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const row = list.json.apiTokens.find((x: { name: string }) => x.name === 'Ledenlijst');
    expect(row).toMatchObject({ role: 'organisation-admin', organisation: slug, bootstrap: false, active: true, createdBy: { name: 'admin' } });
    expect(list.text).not.toContain(made.json.token);
    // Another organisation's admin cannot see or revoke it.
    const foreign = await t.admin('POST', `/organisations/${other}/api-tokens`, { name: 'ander' });
    expect((await bearer(foreign.json.token, 'DELETE', `/organisations/${slug}/api-tokens/${row.id}`)).status).toBe(404);
    expect((await bearer(foreign.json.token, 'DELETE', `/organisations/${other}/api-tokens/${row.id}`)).json.error.code).toBe('api_token_not_found');
    expect((await admin.write('DELETE', `/admin/organisations/${slug}/api-tokens/${row.id}`)).status).toBe(204);
    expect((await bearer(made.json.token, 'GET', `/organisations/${slug}/activities`)).status).toBe(401);
    expect((await admin.write('DELETE', `/admin/organisations/${slug}/api-tokens/${row.id}`)).status).toBe(404);
    expect((await admin.write('DELETE', `/admin/organisations/${slug}/api-tokens/not-a-uuid`)).status).toBe(404);
  });

  it('staff neither see nor make tokens (403 with a code)', async () => {
    const staff = browser(app);
    await staff.signIn('staff@club.example', 'een lang wachtwoord');
    for (const [m, p] of [['GET', `/admin/organisations/${slug}/api-tokens`], ['POST', `/admin/organisations/${slug}/api-tokens`], ['GET', '/admin/api-tokens']] as const) {
      const r = m === 'GET' ? await staff.call(m, p) : await staff.write(m, p, { name: 'x' });
      expect([r.status, r.json.error.code], `${m} ${p}`).toEqual([403, 'forbidden']);
    }
  });

  it('a token dies with the account that made it', async () => {
    expect((await t.admin('POST', '/users', { email: 'tijdelijk@club.example', name: 'Tijdelijk', role: 'organisation-admin', organisation: slug, password: 'een lang wachtwoord' })).status).toBe(201);
    const maker = browser(app);
    await maker.signIn('tijdelijk@club.example', 'een lang wachtwoord');
    const token = (await maker.write('POST', `/admin/organisations/${slug}/api-tokens`, { name: 'script' })).json.token;
    expect((await bearer(token, 'GET', `/organisations/${slug}/activities`)).status).toBe(200);
    const users = (await t.admin('GET', '/users')).json.users as { id: string; email: string }[];
    const id = users.find((u) => u.email === 'tijdelijk@club.example')!.id;
    // Demoted to staff: the admin token goes.
    expect((await t.admin('PATCH', `/users/${id}`, { role: 'organisation-staff' })).status).toBe(200);
    expect((await bearer(token, 'GET', `/organisations/${slug}/activities`)).status).toBe(401);
    expect((await t.admin('PATCH', `/users/${id}`, { role: 'organisation-admin' })).status).toBe(200);
    expect((await bearer(token, 'GET', `/organisations/${slug}/activities`)).status).toBe(200);
    // Disabled: gone, and the list says so.
    expect((await t.admin('DELETE', `/users/${id}`)).status).toBe(200);
    expect((await bearer(token, 'GET', `/organisations/${slug}/activities`)).status).toBe(401);
    const listed = (await t.admin('GET', '/api-tokens')).json.apiTokens.find((x: { name: string; createdBy: { id: string } | null }) => x.createdBy?.id === id);
    expect(listed).toMatchObject({ name: 'script', active: false });
  });

  it('the bootstrap token exists only while INSTAP_BOOTSTRAP_TOKEN is set', async () => {
    const listed = (await t.admin('GET', '/api-tokens')).json.apiTokens.filter((x: { bootstrap: boolean }) => x.bootstrap);
    expect(listed).toHaveLength(1);
    // Changed: the old value stops, the new one works.
    const next = 'een-nieuw-bootstrap-token-0123456789';
    await ensureBootstrapToken(t.db, next);
    expect((await bearer(ADMIN_TOKEN, 'GET', '/organisations')).status).toBe(401);
    expect((await bearer(next, 'GET', '/organisations')).status).toBe(200);
    // Unset: none works.
    expect(await revokeBootstrapTokens(t.db)).toBe(1);
    expect((await bearer(next, 'GET', '/organisations')).status).toBe(401);
    // Set again (the harness's own token), it works again.
    await ensureBootstrapToken(t.db, ADMIN_TOKEN);
    expect((await t.admin('GET', '/organisations')).status).toBe(200);
  });

  it('only admins change UiTPAS credentials and the booking page; staff may still set the moments', async () => {
    const staff = browser(app);
    await staff.signIn('staff@club.example', 'een lang wachtwoord');
    const uitpas = await staff.write('PUT', `/admin/organisations/${slug}/uitpas`, { clientId: 'x', clientSecret: 'y', environment: 'test' });
    expect([uitpas.status, uitpas.json.error.code]).toEqual([403, 'forbidden']);
    const booking = await staff.write('PUT', `/admin/organisations/${slug}/appointment-settings`, { contactWithinWorkdays: 2, slots: [], bookingUrl: 'https://evil.example/afspraak' });
    expect([booking.status, booking.json.error.code]).toEqual([403, 'forbidden']);
    const moments = await staff.write('PUT', `/admin/organisations/${slug}/appointment-settings`, { contactWithinWorkdays: 3, slots: [], bookingUrl: null });
    expect(moments.status).toBe(200);
    const admin = browser(app);
    await admin.signIn('admin@club.example', 'een lang wachtwoord');
    expect((await admin.write('PUT', `/admin/organisations/${slug}/appointment-settings`, { contactWithinWorkdays: 2, slots: [], bookingUrl: 'https://www.zwemclub.example/afspraak' })).status).toBe(200);
    expect((await admin.write('PUT', `/admin/organisations/${slug}/uitpas`, { clientId: 'x', clientSecret: 'y', environment: 'test' })).status).toBe(200);
  });

  it('a PATCH changes only the fields it sends', async () => {
    const before = (await t.admin('GET', '/organisations')).json.organisations.find((o: { slug: string }) => o.slug === slug);
    expect(before.allowedOrigins).toEqual(['https://www.zwemclub.example']);
    const renamed = await t.admin('PATCH', `/organisations/${slug}`, { name: 'Zwemclub Nieuw' });
    expect(renamed.json).toMatchObject({ name: 'Zwemclub Nieuw', allowedOrigins: ['https://www.zwemclub.example'], phone: before.phone, email: before.email });
    const a = (await t.admin('GET', `/activities/${activityId}`)).json;
    const patched = await t.admin('PATCH', `/activities/${activityId}`, { title: 'Zwemmen voor iedereen' });
    expect(patched.status).toBe(200);
    const { title, updatedAt, ...rest } = patched.json;
    const { title: _t, updatedAt: _u, ...restBefore } = a;
    expect(title).toBe('Zwemmen voor iedereen');
    expect(rest).toEqual(restBefore);
  });
});
