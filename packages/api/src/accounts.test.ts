import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { ensureDemoAdmin, hashPassword, verifyPassword } from './services/accounts.js';
import { browser, ORIGIN } from './testing/browser.js';
import { activityBody, engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe('passwords', () => {
  it('hashes with a salt per user and verifies by timing-safe comparison', async () => {
    const a = await hashPassword('lang genoeg wachtwoord');
    const b = await hashPassword('lang genoeg wachtwoord');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('lang genoeg wachtwoord', a)).toBe(true);
    expect(await verifyPassword('lang genoeg wachtwoorD', a)).toBe(false);
  });
});

describe.each(engines())('accounts and sessions on %s', (engine) => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let slug: string;
  beforeAll(async () => {
    t = await testApp(engine);
    app = createApp({ db: t.db, clock: t.time.clock, publicOrigin: ORIGIN, exposeSignInLinks: true });
    ({ slug } = await setupActivity(t));
    const u = await t.admin('POST', '/users', { email: 'Els@Club.example', name: 'Els', role: 'organisation-admin', organisation: slug, password: 'een lang wachtwoord' });
    expect(u.status).toBe(201);
    expect(u.json).toMatchObject({ email: 'els@club.example', role: 'organisation-admin', organisation: slug, hasPassword: true });
  });
  afterAll(() => t?.close());

  it('the bootstrap token creates the first city admin, who then signs in', async () => {
    const r = await t.admin('POST', '/users', { email: 'stad@kortrijk.example', name: 'Stad', role: 'city-admin', password: 'stad-wachtwoord-123' });
    expect(r.status).toBe(201);
    const b = browser(app);
    const s = await b.signIn('stad@kortrijk.example', 'stad-wachtwoord-123');
    expect(s.status).toBe(200);
    expect(s.json.user).toMatchObject({ role: 'city-admin', organisation: null });
    expect((await b.call('GET', '/admin/charter')).status).toBe(200);
  });

  it('sets an HttpOnly, SameSite cookie; GET /session answers who and the CSRF token', async () => {
    const b = browser(app);
    const s = await b.signIn('els@club.example', 'een lang wachtwoord');
    expect(s.status).toBe(200);
    expect(s.setCookie).toMatch(/^instap_session=[\w-]{40,};/);
    expect(s.setCookie).toMatch(/HttpOnly/);
    expect(s.setCookie).toMatch(/SameSite=Lax/);
    expect(s.setCookie).toMatch(/Path=\//);
    expect(s.setCookie).not.toMatch(/Secure/);
    const me = await b.call('GET', '/session');
    expect(me.json).toMatchObject({ user: { name: 'Els', organisation: { slug } }, csrfToken: expect.any(String) });
    expect((await b.call('GET', `/admin/organisations/${slug}/activities`)).status).toBe(200);
  });

  it('marks the cookie Secure on https', async () => {
    const secure = createApp({ db: t.db, clock: t.time.clock, publicOrigin: 'https://instap.example' });
    const res = await secure.request('https://instap.example/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'els@club.example', password: 'een lang wachtwoord' }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses cookie writes without the CSRF token or from another site; bearer writes need none', async () => {
    const b = browser(app);
    await b.signIn('els@club.example', 'een lang wachtwoord');
    const path = `/admin/organisations/${slug}/activities`;
    const none = await b.call('POST', path, activityBody());
    expect([none.status, none.json.error.code]).toEqual([403, 'csrf_failed']);
    const wrong = await b.call('POST', path, activityBody(), { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    const me = await b.call('GET', '/session');
    const foreign = await b.call('POST', path, activityBody(), { 'x-csrf-token': me.json.csrfToken, origin: 'https://evil.example' });
    expect([foreign.status, foreign.json.error.code]).toEqual([403, 'csrf_failed']);
    expect((await b.write('POST', path, activityBody())).status).toBe(201);
    expect((await t.admin('POST', path.replace('/admin', ''), activityBody())).status).toBe(201);
  });

  it('says the same for an unknown e-mail and a wrong password, and rate limits per e-mail', async () => {
    const b = browser(app);
    const unknown = await b.signIn('niemand@club.example', 'een lang wachtwoord');
    const wrong = await b.signIn('els@club.example', 'fout wachtwoord');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.json.error).toEqual(wrong.json.error);
    for (let i = 0; i < 4; i++) await b.signIn('els@club.example', 'fout wachtwoord');
    const limited = await b.signIn('els@club.example', 'een lang wachtwoord');
    expect([limited.status, limited.json.error.code]).toEqual([429, 'too_many_requests']);
    t.time.advance(16 * 60_000);
    expect((await b.signIn('els@club.example', 'een lang wachtwoord')).status).toBe(200);
  });

  it('rate limits per client address too', async () => {
    const proxied = createApp({ db: t.db, clock: t.time.clock, publicOrigin: ORIGIN, trustProxy: true });
    const attempt = (i: number) =>
      proxied.request(`${ORIGIN}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ email: `iemand${i}@club.example`, password: 'fout wachtwoord' }),
      });
    for (let i = 0; i < 30; i++) expect((await attempt(i)).status).toBe(401);
    expect((await attempt(99)).status).toBe(429);
    t.time.advance(16 * 60_000);
  });

  it('a sign-in link works once, for 15 minutes, and the answer does not reveal accounts', async () => {
    const b = browser(app);
    const unknown = await b.call('POST', '/session/link', { email: 'niemand@club.example' });
    expect(unknown.status).toBe(202);
    expect(unknown.json.devLink).toBeUndefined();
    const sent = await b.call('POST', '/session/link', { email: 'els@club.example' });
    expect(sent.json.message).toBe(unknown.json.message);
    const token = new URL(sent.json.devLink.replace('#/', '')).searchParams.get('token')!;
    expect(sent.json.devLink).toMatch(/^http:\/\/instap\.test\/admin\/#\/link\?token=/);
    const used = await b.call('POST', '/session/link/redeem', { token });
    expect(used.status).toBe(200);
    expect(used.json.user.email).toBe('els@club.example');
    expect((await browser(app).call('POST', '/session/link/redeem', { token })).status).toBe(401);

    const late = await b.call('POST', '/session/link', { email: 'els@club.example' });
    const lateToken = new URL(late.json.devLink.replace('#/', '')).searchParams.get('token')!;
    t.time.advance(16 * 60_000);
    expect((await b.call('POST', '/session/link/redeem', { token: lateToken })).json.error.code).toBe('link_not_valid');
  });

  it('does not put the link in the answer without the dev setting; uses the sender when given', async () => {
    const plain = browser(createApp({ db: t.db, clock: t.time.clock, publicOrigin: ORIGIN }));
    expect((await plain.call('POST', '/session/link', { email: 'els@club.example' })).json.devLink).toBeUndefined();
    const sent: { to: string; url: string }[] = [];
    const mailing = browser(createApp({ db: t.db, clock: t.time.clock, publicOrigin: ORIGIN, exposeSignInLinks: true, sendSignInLink: async (m) => void sent.push(m) }));
    t.time.advance(16 * 60_000);
    const r = await mailing.call('POST', '/session/link', { email: 'els@club.example' });
    expect(r.json.devLink).toBeUndefined();
    expect(sent).toEqual([expect.objectContaining({ to: 'els@club.example', url: expect.stringContaining('/admin/#/link?token=') })]);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const b = browser(app);
    await b.signIn('els@club.example', 'een lang wachtwoord');
    const cookie = b.cookie;
    expect((await b.call('DELETE', '/session')).status).toBe(403);
    expect((await b.write('DELETE', '/session')).status).toBe(204);
    const stale = await app.request(`${ORIGIN}/api/v1/admin/organisations/${slug}/activities`, { headers: { cookie } });
    expect(stale.status).toBe(401);
  });

  it('sessions expire after 8 hours without use', async () => {
    const b = browser(app);
    await b.signIn('els@club.example', 'een lang wachtwoord');
    t.time.advance(7 * 3600_000);
    expect((await b.call('GET', '/session')).status).toBe(200);
    t.time.advance(7 * 3600_000);
    expect((await b.call('GET', '/session')).status).toBe(200);
    t.time.advance(8 * 3600_000 + 1000);
    expect((await b.call('GET', '/session')).status).toBe(401);
  });

  it('an organisation admin manages its own users; staff cannot; disabling signs out', async () => {
    const els = browser(app);
    await els.signIn('els@club.example', 'een lang wachtwoord');
    const made = await els.write('POST', '/admin/users', { email: 'jan@club.example', name: 'Jan', role: 'organisation-staff', password: 'jan-zijn-wachtwoord' });
    expect(made.status).toBe(201);
    expect(made.json.organisation).toBe(slug);
    const city = await els.write('POST', '/admin/users', { email: 'x@club.example', name: 'X', role: 'city-admin' });
    expect(city.status).toBe(403);
    const short = await els.write('POST', '/admin/users', { email: 'y@club.example', name: 'Y', role: 'organisation-staff', password: 'kort' });
    expect(short.status).toBe(422);
    expect(short.json.error.issues[0].path).toBe('password');
    const dup = await els.write('POST', '/admin/users', { email: 'JAN@club.example', name: 'Jan 2', role: 'organisation-staff' });
    expect([dup.status, dup.json.error.code]).toEqual([409, 'email_taken']);

    const jan = browser(app);
    expect((await jan.signIn('jan@club.example', 'jan-zijn-wachtwoord')).status).toBe(200);
    expect((await jan.call('GET', '/admin/users')).status).toBe(403);
    expect((await jan.call('GET', `/admin/activities/${(await els.call('GET', `/admin/organisations/${slug}/activities`)).json.activities[0].id}/registrations`)).status).toBe(200);
    expect((await els.write('PATCH', `/admin/users/${made.json.id}`, { disabled: true })).json.disabled).toBe(true);
    expect((await jan.call('GET', '/session')).status).toBe(401);
    expect((await jan.signIn('jan@club.example', 'jan-zijn-wachtwoord')).status).toBe(401);
  });

  it("an organisation admin changes its organisation's embed origins; a bad origin is a 422 by field", async () => {
    const els = browser(app);
    await els.signIn('els@club.example', 'een lang wachtwoord');
    const ok = await els.write('PATCH', `/admin/organisations/${slug}`, { allowedOrigins: ['https://www.nieuweclub.example'] });
    expect([ok.status, ok.json.allowedOrigins]).toEqual([200, ['https://www.nieuweclub.example']]);
    const bad = await els.write('PATCH', `/admin/organisations/${slug}`, { allowedOrigins: ['www.zonder-schema.example/pad'] });
    expect([bad.status, bad.json.error.issues[0].path]).toEqual([422, 'allowedOrigins.0']);
    const list = await els.call('GET', '/admin/organisations');
    expect(list.json.organisations.map((o: { slug: string }) => o.slug)).toEqual([slug]);
  });

  it('ensureDemoAdmin creates the demo accounts once', async () => {
    await t.admin('POST', '/organisations', { slug: 'demo', name: 'Sportclub De Leie', phone: '056 11 22 33' });
    const first = await ensureDemoAdmin(t.db, { now: t.time.clock() });
    expect(first.map((a) => a.email)).toEqual(['admin@instap.demo', 'club@instap.demo', 'brugfiguur@instap.demo']);
    expect(await ensureDemoAdmin(t.db)).toEqual([]);
    const b = browser(app);
    const s = await b.signIn('admin@instap.demo', first[0]!.password);
    expect(s.json.user.role).toBe('city-admin');
  });

  it('registers a family on its behalf only with the agreement tick, and cancels for it', async () => {
    const { id } = await setupActivity(t, { capacity: 2, reservedPlaces: 1 });
    const noTick = await t.admin('POST', `/activities/${id}/registrations`, family());
    expect(noTick.status).toBe(422);
    expect(noTick.json.error.issues.map((i: { path: string }) => i.path)).toContain('familyAgreed');
    const r = await t.admin('POST', `/activities/${id}/registrations`, { ...family(), familyAgreed: true }, { 'idempotency-key': 'k1' });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'confirmed', familyUrl: expect.stringMatching(/^http:\/\/instap\.test\/r\//) });
    const again = await t.admin('POST', `/activities/${id}/registrations`, { ...family(), familyAgreed: true }, { 'idempotency-key': 'k1' });
    expect(again.json.id).toBe(r.json.id);
    const c = await t.admin('POST', `/registrations/${r.json.id}/cancel`);
    expect([c.status, c.json.status]).toEqual([200, 'cancelled']);
    expect((await t.admin('POST', '/registrations/00000000-0000-4000-8000-000000000000/cancel')).status).toBe(404);
  });
});
