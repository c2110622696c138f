import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, messages } from './db/schema-messages.js';
import { engines, setupActivity, testApp, type TestApp } from './testing/harness.js';

// The harness clock starts on Sunday 1 March 2026, 10:00 in Brussels: two workdays later is Tuesday 3 March.
const slots = [
  { id: 'di-10u', label: 'Dinsdag 10 uur, in het onthaal', startsAt: '2026-03-03T09:00:00Z' },
  { id: 'vroeger', label: 'Vorige week', startsAt: '2026-02-20T09:00:00Z' },
];

describe.each(engines())('appointments on %s', (engine) => {
  let t: TestApp;
  let slug: string;
  let activityId: string;
  let ip = 0;
  /** Every test is its own client, so the rate limit of one does not touch another. */
  const ask = (body: unknown, opts: { slug?: string; ip?: string; headers?: Record<string, string> } = {}) =>
    t.call('POST', `/organisations/${opts.slug ?? slug}/appointments`, body, { 'x-forwarded-for': opts.ip ?? `192.168.1.1, 10.0.0.${++ip}`, ...opts.headers });
  const messagesOf = (appointmentId: string) => t.db.select().from(messages).where(eq(messages.appointmentId, appointmentId));

  beforeAll(async () => {
    // Behind a proxy: the client is the address the proxy added, the last of X-Forwarded-For.
    t = await testApp(engine, undefined, { trustProxy: true });
    ({ slug, id: activityId } = await setupActivity(t));
    const put = await t.admin('PUT', `/organisations/${slug}/appointment-settings`, { contactWithinWorkdays: 2, slots });
    expect(put.status).toBe(200);
  });
  afterAll(() => t?.close());

  it('tells the widget what it offers: only moments still to come', async () => {
    const res = await t.call('GET', `/organisations/${slug}/appointment-options`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ name: 'Zwemclub Test', phone: '056 11 22 33', contactWithinWorkdays: 2, slots: [slots[0]], bookingUrl: null });
  });

  it('stores a request and, in the same transaction, tells staff and the family', async () => {
    const res = await ask({
      name: 'Fatima',
      email: 'fatima@example.be',
      when: 'di-10u',
      language: 'fr',
      question: 'Hoe werkt de kanspas?',
      context: { activityId, step: 'kanspas' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.any(String), status: 'new', contactWithin: { workdays: 2, by: '2026-03-03' } });

    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, res.json.id));
    expect(row).toMatchObject({ name: 'Fatima', email: 'fatima@example.be', phone: null, preferred: 'slot', slotId: 'di-10u', language: 'fr', status: 'new' });

    const sent = await messagesOf(res.json.id);
    const staff = sent.find((m) => m.kind === 'appointment-requested')!;
    const fam = sent.find((m) => m.kind === 'appointment-received')!;
    expect(sent).toHaveLength(2);
    expect(staff).toMatchObject({ channel: 'staff-email', status: 'pending', recipientEmail: 'info@zwemclub.example', language: 'nl', replyTo: 'fatima@example.be' });
    expect(staff.text).toContain('Liefst: Dinsdag 10 uur, in het onthaal (dinsdag 3 maart om 10:00)');
    expect(staff.text).toContain('Activiteit: Zwemlessen');
    expect(staff.text).toContain('Vraag: Hoe werkt de kanspas?');
    expect(staff.text).toContain('Taal: Frans');
    expect(fam).toMatchObject({ channel: 'email', status: 'pending', recipientEmail: 'fatima@example.be', language: 'fr' });
    expect(fam.text).toContain('Nous vous écrivons dans les 2 jours ouvrables.');
    expect(fam.text).toContain('mardi 3 mars');

    const list = await t.admin('GET', `/organisations/${slug}/appointments`);
    expect(list.json.appointments[0]).toMatchObject({ id: res.json.id, name: 'Fatima', slot: slots[0], context: { step: 'kanspas' } });
    const patched = await t.admin('PATCH', `/appointments/${res.json.id}`, { status: 'contacted' });
    expect(patched.json).toMatchObject({ status: 'contacted' });
    expect((await t.admin('GET', `/organisations/${slug}/appointments?status=new`)).json.appointments.map((a: { id: string }) => a.id)).not.toContain(res.json.id);
  });

  it('a family with only a phone number is on the call list, with the words to say', async () => {
    const res = await ask({ name: 'Olena', phone: '0470 98 76 54', when: 'evening', language: 'uk' });
    expect(res.status).toBe(201);
    const calls = await t.admin('GET', `/organisations/${slug}/call-list`);
    const call = calls.json.calls.find((c: { appointmentId: string }) => c.appointmentId === res.json.id);
    expect(call).toMatchObject({ kind: 'appointment-received', channel: 'call', status: 'call', language: 'uk', recipient: { name: 'Olena', phone: '0470 98 76 54', email: null } });
    expect(call.text).toContain('We bellen je binnen 2 werkdagen.');
    const staff = (await messagesOf(res.json.id)).find((m) => m.kind === 'appointment-requested')!;
    expect(staff.text).toContain("Liefst: 's avonds");
    expect(staff.text).toContain('Zoek zo nodig een tolk.');

    const done = await t.admin('POST', `/messages/${call.id}/called`);
    expect(done.json).toMatchObject({ status: 'called' });
    expect((await t.admin('GET', `/organisations/${slug}/call-list`)).json.calls.map((c: { id: string }) => c.id)).not.toContain(call.id);
  });

  it('answers every bad input with a 4xx and a code, and stores nothing', async () => {
    const before = (await t.db.select().from(appointments)).length;
    const codes = async (body: unknown) => {
      const res = await ask(body);
      expect(res.status).toBe(422);
      return res.json.error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`);
    };
    expect(await codes({ name: 'Fatima', when: 'morning' })).toEqual(['phone:contact-missing']);
    expect(await codes({ name: '', phone: '0470123456', when: 'morning' })).toEqual(['name:required']);
    expect(await codes({ name: 'Fatima', phone: '12', when: 'morning' })).toEqual(['phone:phone-format']);
    expect(await codes({ name: 'Fatima', email: 'fatima-at-home', when: 'morning' })).toEqual(['email:email-format']);
    expect(await codes({ name: 'Fatima', phone: '0470123456', when: 'morning', question: 'x'.repeat(1001) })).toEqual(['question:too_big']);
    expect(await codes({ name: 'Fatima', phone: '0470123456', when: 'morning', language: 'de' })).toEqual(['language:invalid_value']);
    expect(await codes({ name: 'Fatima', phone: '0470123456', when: 'someday' })).toEqual(['when:slot_unknown']);
    expect(await codes({ name: 'Fatima', phone: '0470123456', when: 'vroeger' })).toEqual(['when:slot_unknown']);
    expect((await codes({ name: 'Fatima', phone: '0470123456' }))[0]).toMatch(/^when:/);

    const unknown = await ask({ name: 'Fatima', phone: '0470123456', when: 'morning' }, { slug: 'bestaat-niet' });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'organisation_not_found']);
    const broken = await ask('{"name": "Fatima",');
    expect([broken.status, broken.json.error.code]).toEqual([400, 'malformed_json']);
    expect((await t.db.select().from(appointments)).length).toBe(before);
  });

  it('limits repeated requests from one client, with a plain message', async () => {
    const body = { name: 'Script', phone: '0470123456', when: 'morning' };
    for (let i = 0; i < 5; i++) expect((await ask(body, { ip: '203.0.113.9' })).status).toBe(201);
    const sixth = await ask(body, { ip: '203.0.113.9' });
    expect([sixth.status, sixth.json.error.code]).toEqual([429, 'too_many_requests']);
    expect(sixth.json.error.message).toContain('056 11 22 33');
    expect((await ask(body, { ip: '203.0.113.10' })).status).toBe(201); // another client
    t.time.advance(10 * 60_000 + 1);
    expect((await ask(body, { ip: '203.0.113.9' })).status).toBe(201);
  });

  it('a retried request with the same Idempotency-Key makes one appointment', async () => {
    const body = { name: 'Amina', phone: '0470123456', when: 'afternoon' };
    const first = await ask(body, { headers: { 'idempotency-key': 'afspraak-1' } });
    const again = await ask(body, { headers: { 'idempotency-key': 'afspraak-1' } });
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(first.json.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await messagesOf(first.json.id)).toHaveLength(2);
  });

  it('without a staff address the request is still stored and listed', async () => {
    const other = await setupActivity(t, {}, { email: undefined });
    const res = await ask({ name: 'Fatima', email: 'fatima@example.be', when: 'morning' }, { slug: other.slug });
    expect(res.status).toBe(201);
    expect((await messagesOf(res.json.id)).map((m) => m.kind)).toEqual(['appointment-received']);
    expect((await t.admin('GET', `/organisations/${other.slug}/appointments`)).json.appointments).toHaveLength(1);
  });

  it('an organisation with its own booking page: the widget links there and Instap stores nothing', async () => {
    const own = await setupActivity(t);
    const put = await t.admin('PUT', `/organisations/${own.slug}/appointment-settings`, { bookingUrl: 'https://cal.com/zwemclub/kennismaking' });
    expect(put.json).toEqual({ contactWithinWorkdays: 2, slots: [], bookingUrl: 'https://cal.com/zwemclub/kennismaking' });
    expect((await t.call('GET', `/organisations/${own.slug}/appointment-options`)).json.bookingUrl).toBe('https://cal.com/zwemclub/kennismaking');
    const res = await ask({ name: 'Fatima', phone: '0470123456', when: 'morning' }, { slug: own.slug });
    expect([res.status, res.json.error.code]).toEqual([409, 'appointments_external']);
    expect((await t.admin('GET', `/organisations/${own.slug}/appointments`)).json.appointments).toEqual([]);
    const bad = await t.admin('PUT', `/organisations/${own.slug}/appointment-settings`, { bookingUrl: 'javascript:alert(1)', slots: [slots[0], slots[0]] });
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['bookingUrl', 'slots.1.id']);
  });

  it("staff of another organisation see none of it: every record answers 404", async () => {
    const mine = await ask({ name: 'Fatima', phone: '0470123456', when: 'morning' });
    const call = (await messagesOf(mine.json.id)).find((m) => m.channel === 'call')!;
    const other = await setupActivity(t);
    const token = (await t.admin('POST', `/organisations/${other.slug}/api-tokens`, { name: 'andere club' })).json.token;
    const as = (method: string, path: string, body?: unknown) => t.call(method, `/admin${path}`, body, { authorization: `Bearer ${token}` });
    for (const [method, path, body] of [
      ['GET', `/organisations/${slug}/appointments`],
      ['GET', `/organisations/${slug}/call-list`],
      ['GET', `/organisations/${slug}/messages?status=failed`],
      ['PUT', `/organisations/${slug}/appointment-settings`, { contactWithinWorkdays: 5 }],
      ['PATCH', `/appointments/${mine.json.id}`, { status: 'done' }],
      ['POST', `/messages/${call.id}/called`],
      ['PATCH', '/appointments/not-a-uuid', { status: 'done' }],
    ] as const) {
      const res = await as(method, path, body);
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect((await as('GET', '/mailbox')).json.messages.map((m: { appointmentId: string }) => m.appointmentId)).not.toContain(mine.json.id);
    expect((await as('GET', `/organisations/${other.slug}/appointments`)).status).toBe(200);
    expect((await t.admin('GET', '/mailbox')).json.messages.map((m: { appointmentId: string }) => m.appointmentId)).toContain(mine.json.id);
  });
});
