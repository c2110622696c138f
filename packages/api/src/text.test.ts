/**
 * Control characters, bidi overrides and zero-width names, anywhere a client can put text:
 * always a 422 with a code (never a 500, never stored). Malformed JSON and broken URLs too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrations } from './db/schema.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

describe.each(engines())('text that cannot be shown or stored on %s', (engine) => {
  let t: TestApp;
  let id: string;
  let slug: string;
  beforeAll(async () => {
    t = await testApp(engine);
    ({ id, slug } = await setupActivity(t));
  });
  afterAll(() => t?.close());

  const codesOf = (r: { json: any }) => (r.json?.error?.issues ?? []).map((i: { path: string; code: string }) => `${i.path}:${i.code}`);

  it('a NUL byte or another control character in a family field is a 422 by field, and nothing is stored', async () => {
    const before = (await t.db.select().from(registrations)).length;
    const nul = await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: 'Am\u0000ira', birthYear: 2017 }] }));
    expect([nul.status, nul.json.error.code]).toEqual([422, 'validation_failed']);
    expect(codesOf(nul)).toEqual(['children.0.firstName:control_character']);
    const bell = await t.call('POST', `/activities/${id}/registrations`, family({ contact: { name: 'Fatima\u0007', phone: '0470 12 34 56' } }));
    expect(codesOf(bell)).toEqual(['contact.name:control_character']);
    const c1 = await t.call('POST', `/organisations/${slug}/appointments`, { name: 'Fatima', phone: '0470123456', when: 'morning', question: 'Hoe\u009b?' });
    expect(codesOf(c1)).toEqual(['question:control_character']);
    expect((await t.db.select().from(registrations)).length).toBe(before);
  });

  it('line breaks and tabs are text; Arabic with its direction marks is text', async () => {
    const ok = await t.call('POST', `/organisations/${slug}/appointments`, { name: '\u200fفاطمة', phone: '0470123456', when: 'morning', question: 'Twee\nregels\tmet tab' }, { 'x-forwarded-for': '192.0.2.1' });
    expect(ok.status).toBe(201);
  });

  it('bidi overrides are refused; a name of only zero-width characters is no name', async () => {
    const override = await t.call('POST', `/activities/${id}/registrations`, family({ contact: { name: 'Fatima \u202Egpj.exe', phone: '0470 12 34 56' } }));
    expect(codesOf(override)).toEqual(['contact.name:bidi_control']);
    const isolate = await t.admin('POST', `/organisations/${slug}/activities`, { title: 'Zwemmen \u2066x\u2069' });
    expect(codesOf(isolate)).toContain('title:bidi_control');
    const invisible = await t.call('POST', `/activities/${id}/registrations`, family({ children: [{ firstName: '\u200B\u200C\u200D\uFEFF', birthYear: 2017 }] }));
    expect([invisible.status, codesOf(invisible)]).toEqual([422, ['children.0.firstName:required']]);
    const invisibleContact = await t.call('POST', `/activities/${id}/registrations`, family({ contact: { name: '\u2060 \u200B', phone: '0470 12 34 56' } }));
    expect(codesOf(invisibleContact)).toEqual(['contact.name:required']);
  });

  it('every endpoint with a body refuses a NUL before anything else, admin ones too (no 500)', async () => {
    const doc = (await t.call('GET', '/openapi.json')).json;
    let checked = 0;
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        if (!op.requestBody) continue;
        const url = path.replace(/\{(\w+)\}/g, (_, name) => (name === 'id' ? id : name === 'slug' ? slug : 'x'));
        const res = await t.admin(method.toUpperCase(), url.replace(/^\/admin/, ''), { anything: 'a\u0000b', nested: [{ deep: 'c\u0001' }] });
        const direct = path.startsWith('/admin') ? res : await t.call(method.toUpperCase(), url, { anything: 'a\u0000b', nested: [{ deep: 'c\u0001' }] });
        for (const r of [res, direct]) {
          expect([r.status, r.json?.error?.code], `${method} ${path}`).toEqual([422, 'validation_failed']);
          expect(codesOf(r)).toEqual(['anything:control_character', 'nested.0.deep:control_character']);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('NUL in a URL parameter or the query is a 422; a broken %-code is a 400; broken JSON is a 400', async () => {
    const param = await t.call('GET', '/registrations/abc%00def');
    expect([param.status, codesOf(param)]).toEqual([422, ['path:control_character']]);
    const query = await t.admin('GET', `/activities/${id}/registrations?format=csv%00`);
    expect([query.status, codesOf(query)]).toEqual([422, ['query.format:control_character']]);
    const broken = await t.call('GET', '/activities/%E0%A4%A');
    expect([broken.status, broken.json.error.code]).toEqual([400, 'malformed_url']);
    const json = await t.call('POST', `/activities/${id}/registrations`, '{"children": [', { 'content-type': 'application/json' });
    expect([json.status, json.json.error.code]).toEqual([400, 'malformed_json']);
    const nulJson = await t.call('POST', `/activities/${id}/registrations`, '{"contact": {"name": "a\\u0000"}}', { 'content-type': 'application/json' });
    expect([nulJson.status, codesOf(nulJson)]).toEqual([422, ['contact.name:control_character']]);
  });
});
