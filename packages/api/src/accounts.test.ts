import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createApp } from './app.js';
import { messages } from './db/schema-messages.js';
import { TOKEN_PLACEHOLDER, withToken } from './messages/secret-link.js';
import { ensureDemoAdmin, hashPassword, verifyPassword } from './services/accounts.js';
import { browser, ORIGIN } from './testing/browser.js';
import { activityBody, engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe('passwords', () => {
  it('hashes with a salt per user and verifies by timing-safe comparison', async () => {
    const a = await hashPassword('lang genoeg wachtwoord');
    const b = await hashPassword('lang genoeg wachtwoord');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
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
  }, 240_000); // 30 real scrypt hashes

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

  it('a sign-in link goes out by e-mail through the outbox; an unknown address writes nothing and gets the same answer', async () => {
    t.time.advance(16 * 60_000);
    await t.admin('POST', '/users', { email: 'lien@club.example', name: 'Lien', role: 'organisation-staff', organisation: slug });
    const linksTo = (email: string) => t.db.select().from(messages).where(and(eq(messages.kind, 'sign-in-link'), eq(messages.recipientEmail, email)));
    const before = (await t.db.select().from(messages).where(eq(messages.kind, 'sign-in-link'))).length;
    const work: Promise<void>[] = [];
    const plain = browser(createApp({ db: t.db, clock: t.time.clock, publicOrigin: ORIGIN, defer: (w) => void work.push(w()) }));
    const sent = await plain.call('POST', '/session/link', { email: 'Lien@Club.example' });
    const unknown = await plain.call('POST', '/session/link', { email: 'niemand-anders@club.example' });
    await Promise.all(work);
    expect([sent.status, unknown.status]).toEqual([202, 202]);
    expect(sent.json).toEqual(unknown.json);
    expect(sent.json.devLink).toBeUndefined();
    const [m, ...more] = await linksTo('lien@club.example');
    expect(more).toEqual([]);
    expect(m).toMatchObject({ channel: 'staff-email', status: 'pending', language: 'nl', recipientName: 'Lien', subject: 'Je link om aan te melden bij Instap' });
    // The outbox holds a placeholder and the sealed token, never the link itself.
    expect(m!.text).toContain(`http://instap.test/admin/#/link?token=${TOKEN_PLACEHOLDER}`);
    expect(m!.sealedToken).toMatch(/^sealed:v1:/);
    expect(m!.text).toContain('15 minuten');
    expect(m!.text).toContain('Vroeg je dit niet aan? Dan hoef je niets te doen.');
    expect((await t.db.select().from(messages).where(eq(messages.kind, 'sign-in-link'))).length).toBe(before + 1);

    // The link in the mail as sent signs Lien in, once.
    const mailed = withToken(m!, undefined);
    expect(mailed.text).toMatch(/http:\/\/instap\.test\/admin\/#\/link\?token=[\w%-]+/);
    const token = decodeURIComponent(/token=([\w%-]+)/.exec(mailed.text)![1]!);
    expect(JSON.stringify(m)).not.toContain(token);
    expect((await browser(app).call('POST', '/session/link/redeem', { token })).json.user.email).toBe('lien@club.example');

    // Colleagues see that a link went out, never the link itself.
    const els = browser(app);
    await els.signIn('els@club.example', 'een lang wachtwoord');
    for (const path of ['/admin/mailbox', `/admin/organisations/${slug}/messages`]) {
      const list = await els.call('GET', path);
      const shown = list.json.messages.find((x: { id: string }) => x.id === m!.id);
      expect(shown.text, path).toContain('[link verborgen]');
      expect(list.text, path).not.toContain(token);
    }

    // Development: the answer still carries the link, and the mail is in the outbox too.
    const dev = await browser(app).call('POST', '/session/link', { email: 'lien@club.example' });
    expect(dev.json.devLink).toMatch(/#\/link\?token=/);
    expect(await linksTo('lien@club.example')).toHaveLength(2);
  });

  it('everyone changes their own password with the current one; other sessions end, this one stays', async () => {
    t.time.advance(16 * 60_000);
    await t.admin('POST', '/users', { email: 'wout@club.example', name: 'Wout', role: 'organisation-staff', organisation: slug, password: 'wout-oud-wachtwoord' });
    const here = browser(app);
    const there = browser(app);
    await here.signIn('wout@club.example', 'wout-oud-wachtwoord');
    await there.signIn('wout@club.example', 'wout-oud-wachtwoord');
    const missing = await here.write('POST', '/admin/users/me/password', { newPassword: 'wout-nieuw-wachtwoord' });
    expect([missing.status, missing.json.error.issues[0].path, missing.json.error.issues[0].code]).toEqual([422, 'currentPassword', 'password_required']);
    const wrong = await here.write('POST', '/admin/users/me/password', { currentPassword: 'niet mijn wachtwoord', newPassword: 'wout-nieuw-wachtwoord' });
    expect([wrong.status, wrong.json.error.issues[0].code]).toEqual([422, 'password_wrong']);
    const short = await here.write('POST', '/admin/users/me/password', { currentPassword: 'wout-oud-wachtwoord', newPassword: 'kort' });
    expect([short.status, short.json.error.issues[0].path]).toEqual([422, 'newPassword']);
    const ok = await here.write('POST', '/admin/users/me/password', { currentPassword: 'wout-oud-wachtwoord', newPassword: 'wout-nieuw-wachtwoord' });
    expect(ok.status).toBe(200);
    expect((await here.call('GET', '/session')).status).toBe(200);
    expect((await there.call('GET', '/session')).status).toBe(401);
    expect((await browser(app).signIn('wout@club.example', 'wout-oud-wachtwoord')).status).toBe(401);
    expect((await browser(app).signIn('wout@club.example', 'wout-nieuw-wachtwoord')).status).toBe(200);
    // An API token has no password of its own.
    expect((await t.admin('POST', '/users/me/password', { currentPassword: 'x', newPassword: 'een lang wachtwoord' })).status).toBe(403);
  });

  it('an admin changes a role and a password; the person is signed out', async () => {
    const made = await t.admin('POST', '/users', { email: 'ines@club.example', name: 'Ines', role: 'organisation-staff', organisation: slug, password: 'ines-haar-wachtwoord' });
    const ines = browser(app);
    await ines.signIn('ines@club.example', 'ines-haar-wachtwoord');
    const els = browser(app);
    await els.signIn('els@club.example', 'een lang wachtwoord');
    const r = await els.write('PATCH', `/admin/users/${made.json.id}`, { role: 'organisation-admin', password: 'ines-nieuw-wachtwoord' });
    expect([r.status, r.json.role]).toEqual([200, 'organisation-admin']);
    expect((await ines.call('GET', '/session')).status).toBe(401);
    const again = await ines.signIn('ines@club.example', 'ines-nieuw-wachtwoord');
    expect(again.json.user.role).toBe('organisation-admin');
  });

  it('an intermediary sees only the referral links they made; a note only its maker and admins see', async () => {
    const pw = 'een lang wachtwoord';
    for (const [email, name, role] of [['brug-a@school.example', 'Brug A', 'intermediary'], ['brug-b@school.example', 'Brug B', 'intermediary'], ['staf@club.example', 'Staf', 'organisation-staff']])
      expect((await t.admin('POST', '/users', { email, name, role, organisation: slug, password: pw })).status).toBe(201);
    const a = browser(app);
    const b = browser(app);
    const staf = browser(app);
    const els = browser(app);
    await a.signIn('brug-a@school.example', pw);
    await b.signIn('brug-b@school.example', pw);
    await staf.signIn('staf@club.example', pw);
    await els.signIn('els@club.example', pw);
    const path = `/admin/organisations/${slug}/referral-links`;
    const la = await a.write('POST', path, { expiresAt: '2026-12-01T10:00:00Z', maxUses: 1, note: 'Gezin Yilmaz, CAW' });
    const lb = await b.write('POST', path, { expiresAt: '2026-12-01T10:00:00Z', maxUses: 1, note: 'Gezin Peeters' });
    expect([la.status, lb.status]).toEqual([201, 201]);
    const seenByA = (await a.call('GET', path)).json.referralLinks;
    expect(seenByA.map((l: { code: string }) => l.code)).toEqual([la.json.code]);
    expect(seenByA[0].note).toBe('Gezin Yilmaz, CAW');
    expect((await b.call('GET', path)).text).not.toContain('Yilmaz');
    const seenByStaff = (await staf.call('GET', path)).json.referralLinks;
    expect(seenByStaff.map((l: { code: string }) => l.code)).toEqual(expect.arrayContaining([la.json.code, lb.json.code]));
    expect(seenByStaff.every((l: { note: string | null }) => l.note === null)).toBe(true);
    const seenByAdmin = (await els.call('GET', path)).json.referralLinks;
    expect(seenByAdmin.map((l: { note: string | null }) => l.note)).toEqual(expect.arrayContaining(['Gezin Yilmaz, CAW', 'Gezin Peeters']));
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
