import { readFileSync } from 'node:fs';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentEntries } from './db/schema-payments.js';
import { configurePayments } from './payments/test-setup.js';
import { ADMIN_TOKEN, engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

const FIXTURE = readFileSync(new URL('./payments/fixtures/camt053-001-02.xml', import.meta.url), 'utf8');
/** The fixture's references: the family's (entry 2 and the batch's free text) and two the club does not know. */
const FAMILY_REF = '090000012376';
const digits = (formatted: string) => formatted.replace(/\D/g, '');

describe.each(engines())('bank statements (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  async function club(name = 'Zwemclub De Dolfijn') {
    const a = await setupActivity(t, { priceCents: 4000 }, { name });
    await configurePayments(t, a.slug, { methods: ['transfer', 'desk'] });
    return a;
  }
  const register = async (activityId: string, who = 'Fatima') => {
    const r = await t.call('POST', `/activities/${activityId}/registrations`, family({ contact: { name: who, phone: `0470 ${Math.floor(100000 + Math.random() * 899999)}` } }), {
      'idempotency-key': `r-${Math.random()}`,
    });
    expect(r.status).toBe(201);
    return r.json as { id: string; token: string; payment: { reference: string; amountCents: number } };
  };
  const upload = (slug: string, xml: string, headers: Record<string, string> = {}) =>
    t.admin('POST', `/organisations/${slug}/bank-statements`, xml, { 'content-type': 'application/xml', ...headers });
  const statementFor = (reference: string, messageId = `MSG-${Math.random()}`) =>
    FIXTURE.replaceAll(FAMILY_REF, reference).replace('STMT-20260312-0001', messageId).replaceAll('2026031100', `${Math.floor(Math.random() * 1e6)}-`);
  const entriesOf = (ids: string[]) => t.db.select().from(paymentEntries).where(inArray(paymentEntries.registrationId, ids));

  it('a family that paid by transfer is booked from the CAMT.053 file; the rest is listed for staff', async () => {
    const a = await club();
    const reg = await register(a.id);
    expect(reg.payment.amountCents).toBe(4000);
    const res = await upload(a.slug, statementFor(digits(reg.payment.reference)));
    expect(res.status).toBe(201);
    const body = res.json;
    expect(body.alreadyUploaded).toBe(false);
    expect(body.skipped).toEqual({ debits: 1, notBooked: 0, reversals: 0 });
    // 8.00 with the structured communication, then 32.40 from the welfare office's batch: 40.00 due, 0.40 too much.
    expect(body.booked.map((l: any) => [l.amountCents, l.bookedCents, l.state, l.registrationId])).toEqual([
      [800, 800, 'booked', reg.id],
      [3240, 3200, 'partly-booked', reg.id],
    ]);
    expect(body.toMatch.map((l: any) => [l.amountCents, l.reason])).toEqual([
      [4000, 'bad-check-digit'],
      [4000, 'no-reference'],
      [1280, 'unknown-reference'],
      [4500, 'foreign-currency'],
      [800, 'unknown-reference'],
      [800, 'unknown-reference'],
      [3240, 'more-than-due'],
    ]);
    expect(body.toMatch.find((l: any) => l.reason === 'more-than-due').restCents).toBe(40);
    const view = (await t.call('GET', `/registrations/${reg.token}`)).json;
    expect(view.payment).toMatchObject({ status: 'paid', paidCents: 4000 });
    const list = (await t.admin('GET', `/activities/${a.id}/registrations`)).json.registrations;
    expect(list[0].payment.status).toBe('paid');
    const entries = await entriesOf([reg.id]);
    expect(entries.map((e) => [e.amountCents, e.method, e.source])).toEqual([
      [800, 'transfer', 'camt'],
      [3200, 'transfer', 'camt'],
    ]);

    const shown = await t.admin('GET', `/organisations/${a.slug}/bank-statements/${body.statement.id}`);
    expect(shown.status).toBe(200);
    expect(shown.json.lines).toHaveLength(8);
  });

  it('the same file twice books nothing new, also when both uploads come at once', async () => {
    const a = await club();
    const reg = await register(a.id);
    const xml = statementFor(digits(reg.payment.reference));
    const first = await upload(a.slug, xml);
    expect(first.json.newLines).toBe(8);
    const second = await upload(a.slug, xml);
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ alreadyUploaded: true, newLines: 0, booked: [] });
    expect(second.json.statement.id).toBe(first.json.statement.id);
    expect(await entriesOf([reg.id])).toHaveLength(2);

    const other = await register(a.id, 'Ayse');
    const xml2 = statementFor(digits(other.payment.reference));
    // Two files with the same transactions (a day statement and a month statement), at once.
    const xml3 = xml2.replace(/<MsgId>[^<]*<\/MsgId>/, '<MsgId>MONTH-03</MsgId>');
    const [p1, p2, p3] = await Promise.all([upload(a.slug, xml2), upload(a.slug, xml2), upload(a.slug, xml3)]);
    expect([p1.status, p2.status, p3.status]).toEqual([201, 201, 201]);
    expect(p1.json.newLines + p2.json.newLines + p3.json.newLines).toBe(8);
    const entries = await entriesOf([other.id]);
    expect(entries.reduce((s, e) => s + e.amountCents, 0)).toBe(4000);
    expect(entries).toHaveLength(2);
  });

  it("another organisation's reference is 'unknown' here, and books nothing on that family", async () => {
    const mine = await club();
    const theirs = await club('Muziekschool Het Klavier');
    const stranger = await register(theirs.id, 'Olena');
    const res = await upload(mine.slug, statementFor(digits(stranger.payment.reference)));
    expect(res.status).toBe(201);
    expect(res.json.booked).toEqual([]);
    const line = res.json.toMatch.find((l: any) => l.reference === stranger.payment.reference && l.amountCents === 800);
    expect(line).toMatchObject({ reason: 'unknown-reference', registrationId: null });
    expect(await entriesOf([stranger.id])).toEqual([]);
    expect((await t.call('GET', `/registrations/${stranger.token}`)).json.payment.status).toBe('open');

    // Their staff cannot see or use our lines, nor we theirs.
    const token = (await t.admin('POST', `/organisations/${theirs.slug}/api-tokens`, { name: 'kassa' })).json.token;
    const as = { authorization: `Bearer ${token}` };
    expect((await t.call('GET', `/admin/organisations/${mine.slug}/bank-lines?unmatched=1`, undefined, as)).status).toBe(404);
    expect((await t.call('GET', `/admin/organisations/${mine.slug}/bank-statements/${res.json.statement.id}`, undefined, as)).status).toBe(404);
    expect((await t.call('GET', `/admin/organisations/${theirs.slug}/bank-statements/${res.json.statement.id}`, undefined, as)).status).toBe(404);
    const ours = await t.call('POST', `/admin/organisations/${theirs.slug}/bank-lines/${line.id}/match`, { registrationId: stranger.id }, as);
    expect(ours.status).toBe(404);
    expect(await entriesOf([stranger.id])).toEqual([]);
  });

  it('staff match a line by hand, once, and only onto their own registrations', async () => {
    const a = await club();
    const other = await club('Jeugdhuis De Brug');
    const reg = await register(a.id, 'Elif');
    const foreign = await register(other.id, 'Noor');
    const res = await upload(a.slug, statementFor('090000098765'.slice(0, 10) + '00'));
    const free = res.json.toMatch.find((l: any) => l.reason === 'no-reference');
    expect(free.remittance).toBe('zwemles Elif woensdag');

    const list = await t.admin('GET', `/organisations/${a.slug}/bank-lines?unmatched=1`);
    expect(list.json.lines.map((l: any) => l.id)).toContain(free.id);

    const wrongOrg = await t.admin('POST', `/organisations/${a.slug}/bank-lines/${free.id}/match`, { registrationId: foreign.id });
    expect(wrongOrg.status).toBe(404);
    const matched = await t.admin('POST', `/organisations/${a.slug}/bank-lines/${free.id}/match`, { registrationId: reg.id });
    expect(matched.status).toBe(200);
    expect(matched.json).toMatchObject({ state: 'matched', bookedCents: 4000, restCents: 0, registrationId: reg.id });
    expect((await t.call('GET', `/registrations/${reg.token}`)).json.payment.status).toBe('paid');
    const twice = await t.admin('POST', `/organisations/${a.slug}/bank-lines/${free.id}/match`, { registrationId: reg.id });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe('bank_line_used');
    const usd = res.json.toMatch.find((l: any) => l.reason === 'foreign-currency');
    const reg2 = await register(a.id, 'Mila');
    expect((await t.admin('POST', `/organisations/${a.slug}/bank-lines/${usd.id}/match`, { registrationId: reg2.id })).json.error.code).toBe('foreign_currency');
    expect((await t.admin('POST', `/organisations/${a.slug}/bank-lines/not-a-line/match`, { registrationId: reg2.id })).status).toBe(404);
    expect((await t.admin('POST', `/organisations/${a.slug}/bank-lines/${free.id}/match`, { registrationId: 'nope' })).status).toBe(422);
    expect(await entriesOf([foreign.id])).toEqual([]);
  });

  it('refuses a malformed or foreign file with a 4xx and a code, booking nothing', async () => {
    const a = await club();
    const reg = await register(a.id);
    const good = statementFor(digits(reg.payment.reference));
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['doctype', good.replace('<Document', '<!DOCTYPE d [<!ENTITY x "xx">]>\n<Document'), {}, 422, 'statement_doctype'],
      ['camt.054', good.replace('camt.053.001.02', 'camt.054.001.02'), {}, 422, 'statement_not_camt053'],
      ['damaged', good.slice(0, good.length / 2), {}, 415, 'statement_not_xml'],
      ['csv', 'IBAN;Bedrag\nBE68539007547034;8,00', {}, 415, 'statement_not_xml'],
      ['pdf', '%PDF-1.4', { 'content-type': 'application/pdf' }, 415, 'unsupported_media_type'],
      ['other account', good.replace('<IBAN>BE68539007547034</IBAN>', '<IBAN>BE71096123456769</IBAN>'), {}, 422, 'statement_other_account'],
      ['too large', good + `<!--${'x'.repeat(2 * 1024 * 1024)}-->`, {}, 413, 'statement_too_large'],
      // Refused by the route's own limit before anything is read (else it would be a 415).
      ['far too large', 'x'.repeat(3 * 1024 * 1024), { 'content-type': 'application/pdf' }, 413, 'statement_too_large'],
    ];
    for (const [name, xml, headers, status, code] of cases) {
      const r = await upload(a.slug, xml, headers);
      expect([name, r.status, r.json?.error?.code]).toEqual([name, status, code]);
    }
    expect(await entriesOf([reg.id])).toEqual([]);
    // Every other route keeps its 64 KB limit.
    const big = await t.admin('POST', `/organisations/${a.slug}/activities`, { title: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
  });

  it('takes a multipart upload too, and the same file is still one statement', async () => {
    const a = await club();
    const reg = await register(a.id);
    const xml = statementFor(digits(reg.payment.reference));
    const form = new FormData();
    form.set('file', new Blob([xml], { type: 'text/xml' }), 'camt053.xml');
    const res = await t.app.request(`http://instap.test/api/v1/admin/organisations/${a.slug}/bank-statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: form,
    });
    expect(res.status).toBe(201);
    expect((await res.json()).booked).toHaveLength(2);
    expect((await upload(a.slug, xml)).json.alreadyUploaded).toBe(true);
    const [row] = await t.db.select().from(paymentEntries).where(eq(paymentEntries.registrationId, reg.id));
    expect(row!.source).toBe('camt');
  });
});
