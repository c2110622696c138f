/**
 * Attack tests: one client taking every place. Each fails if the attack succeeds. A "script"
 * here pays the full proof-of-work cost (altcha-lib's own solver), as a real one would.
 */
import { PLACES_PER_MINUTE, RESERVED_CLAIMS_PER_MINUTE } from '@instap/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { challengeOf, solveProof } from './testing/proof.js';
import { engines, family, setupActivity, testApp, type TestApp } from './testing/harness.js';

type Answer = Awaited<ReturnType<TestApp['raw']>>;

describe.each(engines())('no bulk registrations on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine, undefined, { poolSize: 20, trustProxy: true });
  });
  afterAll(() => t?.close());

  const path = (id: string) => `/activities/${id}/registrations`;
  const child = (i: number) => ({ children: [{ firstName: `Kind ${i}`, birthYear: 2016 }], contact: { name: `Ouder ${i}`, email: `ouder${i}@example.be` } });

  /** One registration as a script sends it: when asked for a proof, it pays for it and sends again. */
  async function scripted(id: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
    let res = await t.raw('POST', path(id), body, headers);
    for (let tries = 0; res.status === 428 && tries < 3; tries++) res = await t.raw('POST', path(id), body, { ...headers, 'instap-proof': await solveProof(challengeOf(res.headers)!) });
    return res;
  }

  /** `n` registrations, ten at a time, from one address; the figures go to the test output. */
  async function flood(id: string, n: number, headers: Record<string, string>, over: Record<string, unknown> = {}) {
    const started = performance.now();
    const answers: Answer[] = [];
    for (let i = 0; i < n; i += 10)
      answers.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, j) => scripted(id, family({ ...child(i + j), ...over }), headers)))));
    const seconds = (performance.now() - started) / 1000;
    const list = (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations as { status: string; children: { placeKind: string | null }[] }[];
    const placed = list.filter((r) => r.status === 'confirmed');
    const reserved = placed.filter((r) => r.children.some((c) => c.placeKind === 'reserved'));
    const statuses = answers.reduce<Record<number, number>>((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
    console.log(`[${engine}] flood of ${n} from one address (${headers.origin ? 'with' : 'without'} Origin): ${placed.length} got a place (${reserved.length} reserved), in ${seconds.toFixed(1)} s; answers ${JSON.stringify(statuses)}`);
    return { answers, placed, reserved, statuses };
  }

  it('a flood of 250 kanspas claims from one address without Origin takes a handful of places, not 200', async () => {
    const { id } = await setupActivity(t, { capacity: 200, reservedPlaces: 20, reservedUntil: '2026-03-20T00:00:00Z' });
    const { answers, placed, reserved } = await flood(id, 250, { 'x-forwarded-for': '203.0.113.66' }, { kanspas: true });
    expect(placed.length).toBeLessThanOrEqual(RESERVED_CLAIMS_PER_MINUTE);
    expect(reserved.length).toBeLessThanOrEqual(RESERVED_CLAIMS_PER_MINUTE);
    // The rest wait: a 429 that says for how long, never a 500 and never a place.
    const slowed = answers.filter((a) => a.status === 429);
    expect(slowed.length).toBe(250 - placed.length);
    expect(slowed.every((a) => a.json.error.code === 'slow_down' && Number(a.headers.get('retry-after')) > 0)).toBe(true);
    // A family at another address still gets its place at once: while the activity is flooded it
    // pays the smallest cost (the widget solves it unseen), and it is never slowed down.
    const other = await t.call('POST', path(id), family({ kanspas: true }), { 'x-forwarded-for': '198.51.100.5' });
    expect([other.status, other.json.status]).toEqual([201, 'confirmed']);
  }, 300_000);

  it('the same limits hold with an allowed Origin: the Origin header changes nothing', async () => {
    const { id } = await setupActivity(t, { capacity: 200 });
    const { placed } = await flood(id, 100, { 'x-forwarded-for': '203.0.113.67', origin: 'https://www.zwemclub.example' });
    expect(placed.length).toBeLessThanOrEqual(PLACES_PER_MINUTE);
    const { placed: again } = await flood((await setupActivity(t, { capacity: 200 })).id, 100, { 'x-forwarded-for': '203.0.113.68' });
    expect(again.length).toBe(placed.length);
  }, 300_000);

  it('without paying, one address gets its few free registrations and then only 428s', async () => {
    const { id } = await setupActivity(t, { capacity: 200 });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => t.raw('POST', path(id), family(child(i)), { 'x-forwarded-for': '203.0.113.69' })));
    const placed = answers.filter((a) => a.status === 201);
    expect(placed.length).toBe(3);
    const asked = answers.filter((a) => a.status === 428);
    expect(asked).toHaveLength(37);
    expect(asked.every((a) => a.json.error.code === 'proof_required' && challengeOf(a.headers))).toBe(true);
  });

  it('a widget on the club site may send Instap-Proof and read Instap-Challenge and Retry-After (CORS)', async () => {
    const { id } = await setupActivity(t, { capacity: 20 });
    const site = { origin: 'https://www.zwemclub.example', 'x-forwarded-for': '203.0.113.70' };
    const preflight = await t.app.request(`http://instap.test/api/v1${path(id)}`, {
      method: 'OPTIONS',
      headers: { ...site, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key, instap-proof' },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Instap-Proof');
    let asked: Answer | undefined;
    for (let i = 0; i < 4; i++) asked = await t.raw('POST', path(id), family(child(500 + i)), site);
    expect(asked!.status).toBe(428);
    expect(asked!.headers.get('access-control-allow-origin')).toBe('https://www.zwemclub.example');
    expect(asked!.headers.get('access-control-expose-headers')).toContain('Instap-Challenge');
    expect(asked!.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('forty families behind one address (a school at 9:00) all get registered: they pay a little and wait their turn, never refused', async () => {
    const { id } = await setupActivity(t, { capacity: 200 });
    const headers = { 'x-forwarded-for': '192.0.2.10' };
    let waits = 0;
    const started = performance.now();
    const results: Answer[] = [];
    for (let i = 0; i < 40; i++) {
      const key = { ...headers, 'idempotency-key': `school-${i}` };
      let res = await scripted(id, family(child(i)), key);
      // As the widget does on a 429: wait as long as Retry-After says, then send again with the same key.
      while (res.status === 429) {
        waits++;
        t.time.advance(Number(res.headers.get('retry-after')) * 1000);
        res = await scripted(id, family(child(i)), key);
      }
      results.push(res);
    }
    console.log(`[${engine}] 40 families behind one address: ${results.filter((r) => r.status === 201).length} registered, ${waits} waited for the next minute, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
    t.time.set('2026-03-01T09:00:00Z');
  }, 300_000);

  it('the same child with the same phone or e-mail gets a clear 409, never a second place; after a cancel it may register again', async () => {
    const { id } = await setupActivity(t, { capacity: 20 });
    const at = { 'x-forwarded-for': '198.51.100.20' };
    const first = await t.call('POST', path(id), family({ children: [{ firstName: 'Zoë', birthYear: 2017 }], contact: { name: 'Fatima', phone: '0470 12 34 56', email: 'fatima@example.be' } }), at);
    expect(first.status).toBe(201);
    const again = [
      { children: [{ firstName: 'zoe ', birthYear: 2017 }], contact: { name: 'F.', phone: '+32 470 12 34 56' } },
      { children: [{ firstName: 'ZOË', birthYear: 2017 }], contact: { name: 'Fatima', email: 'Fatima@Example.be' } },
      { children: [{ firstName: 'Noor', birthYear: 2018 }, { firstName: 'Zoe', birthYear: 2017 }], contact: { name: 'Fatima', phone: '0032470123456' } },
    ];
    for (const over of again) {
      const r = await t.call('POST', path(id), family(over), { 'x-forwarded-for': '198.51.100.21' });
      expect([r.status, r.json.error?.code]).toEqual([409, 'already_registered']);
      expect(r.text).not.toContain(first.json.token);
    }
    // Ten at once for the same child: one place.
    const parallel = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.call('POST', path(id), family({ children: [{ firstName: 'Sami', birthYear: 2015 }], contact: { name: 'Ali', phone: '0499 11 22 33' } }), { 'x-forwarded-for': `198.51.100.${30 + i}` })),
    );
    expect(parallel.filter((r) => r.status === 201)).toHaveLength(1);
    expect(parallel.filter((r) => r.status === 409 && r.json.error.code === 'already_registered')).toHaveLength(9);
    // Another child of the same family is welcome; so is the same name with another birth year.
    expect((await t.call('POST', path(id), family({ children: [{ firstName: 'Noor', birthYear: 2018 }], contact: { name: 'Fatima', phone: '0470123456' } }), at)).status).toBe(201);
    expect((await t.call('POST', path(id), family({ children: [{ firstName: 'Zoë', birthYear: 2019 }], contact: { name: 'Fatima', phone: '0470123456' } }), at)).status).toBe(201);
    const list = (await t.admin('GET', `/activities/${id}/registrations`)).json.registrations;
    expect(list).toHaveLength(4);
    await t.call('POST', `/registrations/${first.json.token}/cancel`);
    expect((await t.call('POST', path(id), family(again[0]), at)).status).toBe(201);
  });

  /** A fresh address made busy (its free registrations spent), so the next one needs a proof. */
  let spent = 1000;
  async function busyAddress(id: string, address: string) {
    for (let i = 0; i < 3; i++) expect((await t.raw('POST', path(id), family(child(spent++)), { 'x-forwarded-for': address })).status).toBe(201);
    return { 'x-forwarded-for': address };
  }
  const challengeFor = async (id: string, headers: Record<string, string>) => {
    const r = await t.raw('GET', `/activities/${id}/challenge`, undefined, headers);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    return r.json.challenge;
  };

  it('a proof counts once: a replay is refused, also five at once', async () => {
    const { id } = await setupActivity(t, { capacity: 50 });
    const at = await busyAddress(id, '203.0.113.80');
    const proof = await solveProof(await challengeFor(id, at));
    const used = await t.raw('POST', path(id), family(child(1)), { ...at, 'instap-proof': proof });
    expect(used.status).toBe(201);
    const replay = await t.raw('POST', path(id), family(child(2)), { ...at, 'instap-proof': proof });
    expect([replay.status, replay.json.error.code]).toEqual([428, 'proof_used']);
    const fresh = await solveProof(await challengeFor(id, at));
    const together = await Promise.all(Array.from({ length: 5 }, (_, i) => t.raw('POST', path(id), family(child(10 + i)), { ...at, 'instap-proof': fresh })));
    expect(together.filter((r) => r.status === 201)).toHaveLength(1);
    expect(together.filter((r) => r.status === 428 && r.json.error.code === 'proof_used')).toHaveLength(4);
  });

  it('a forged, foreign, expired or garbled proof is refused with a 428 and a fresh challenge, never a 500', async () => {
    const { id } = await setupActivity(t, { capacity: 50 });
    const { id: otherActivity } = await setupActivity(t, { capacity: 50 });
    const at = await busyAddress(id, '203.0.113.81');
    const challenge = await challengeFor(id, at);
    const solved = JSON.parse(Buffer.from(await solveProof(challenge), 'base64').toString());
    const send = (payload: unknown, i: number) =>
      t.raw('POST', path(id), family(child(i)), { ...at, 'instap-proof': typeof payload === 'string' ? payload : Buffer.from(JSON.stringify(payload)).toString('base64') });
    const codeOf = (r: Answer) => [r.status, r.json.error.code, !!challengeOf(r.headers)];
    // A cheaper level or another activity written into a signed challenge: the signature no longer fits.
    const forgedLevel = { ...solved, challenge: { ...solved.challenge, parameters: { ...solved.challenge.parameters, data: { ...solved.challenge.parameters.data, level: 3 } } } };
    expect(codeOf(await send(forgedLevel, 1))).toEqual([428, 'proof_invalid', true]);
    const forgedActivity = { ...solved, challenge: { ...solved.challenge, parameters: { ...solved.challenge.parameters, data: { ...solved.challenge.parameters.data, activity: otherActivity } } } };
    expect(codeOf(await send(forgedActivity, 2))).toEqual([428, 'proof_invalid', true]);
    // A wrong answer to a real challenge.
    expect(codeOf(await send({ ...solved, solution: { counter: solved.solution.counter + 1, derivedKey: '00'.repeat(32) } }, 3))).toEqual([428, 'proof_invalid', true]);
    // A challenge signed by another Instap (another key) is worth nothing here.
    const foreign = await testApp(engine, undefined, { secretKey: Buffer.alloc(32, 7) });
    try {
      const { id: foreignId } = await setupActivity(foreign, { capacity: 5 });
      const theirs = (await foreign.raw('GET', `/activities/${foreignId}/challenge`)).json.challenge;
      const proof = JSON.parse(Buffer.from(await solveProof({ ...theirs, parameters: { ...theirs.parameters, data: { ...theirs.parameters.data, activity: id } } }), 'base64').toString());
      expect(codeOf(await send(proof, 4))).toEqual([428, 'proof_invalid', true]);
    } finally {
      await foreign.close();
    }
    // A proof for another activity.
    const elsewhere = await solveProof(await challengeFor(otherActivity, at));
    expect(codeOf(await send(elsewhere, 5))).toEqual([428, 'proof_invalid', true]);
    // Garbage.
    for (const [i, junk] of ['x', 'e30=', Buffer.from('{"challenge":{"parameters":{}},"solution":1}').toString('base64'), 'A'.repeat(3000)].entries())
      expect(codeOf(await send(junk, 6 + i))).toEqual([428, 'proof_invalid', true]);
    expect((await send('A'.repeat(5000), 10)).json.error.code).toBe('validation_failed');
    // Too old: the clock moved past the challenge's 15 minutes.
    t.time.advance(16 * 60_000);
    const old = await t.raw('POST', path(id), family(child(20)), { ...at, 'instap-proof': Buffer.from(JSON.stringify(solved)).toString('base64') });
    t.time.set('2026-03-01T09:00:00Z');
    // 16 minutes later the address is calm again, so no proof is needed at all: the old one is not even read.
    expect(old.status).toBe(201);
    const stale = await busyAddress(id, '203.0.113.82');
    const late = await solveProof(await challengeFor(id, stale));
    t.time.advance(16 * 60_000);
    await busyAddress(id, '203.0.113.82');
    const expired = await t.raw('POST', path(id), family(child(21)), { ...stale, 'instap-proof': late });
    t.time.set('2026-03-01T09:00:00Z');
    expect(codeOf(expired)).toEqual([428, 'proof_expired', true]);
  });

  it('several server processes on one database accept each other’s challenges', async () => {
    const { id } = await setupActivity(t, { capacity: 50 });
    const at = await busyAddress(id, '203.0.113.90');
    const proof = await solveProof(await challengeFor(id, at));
    const second = createApp({ db: t.db, clock: t.time.clock, publicOrigin: 'http://instap.test', trustProxy: true });
    const res = await second.request(`http://instap.test/api/v1${path(id)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...at, 'instap-proof': proof },
      body: JSON.stringify(family(child(1))),
    });
    expect(res.status).toBe(201);
  });

  it('a retried request (lost answer) gets its first answer back without paying again', async () => {
    const { id } = await setupActivity(t, { capacity: 50 });
    const at = await busyAddress(id, '203.0.113.91');
    const key = { ...at, 'idempotency-key': 'lost-answer-1' };
    const first = await scripted(id, family(child(1)), key);
    expect(first.status).toBe(201);
    const retry = await t.raw('POST', path(id), family(child(1)), key);
    expect([retry.status, retry.json.token]).toEqual([201, first.json.token]);
  });

  it('bridge figures register many families through the console, without any proof or limit', async () => {
    const { id } = await setupActivity(t, { capacity: 60 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => t.admin('POST', path(id), { ...family(child(i)), familyAgreed: true }, { 'x-forwarded-for': '203.0.113.99' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
  });

  it('the challenge endpoint has its own limit and answers 404 for an unknown activity', async () => {
    expect((await t.raw('GET', '/activities/00000000-0000-4000-8000-000000000000/challenge')).status).toBe(404);
    expect((await t.raw('GET', '/activities/nope/challenge')).status).toBe(404);
    const { id } = await setupActivity(t, { capacity: 5 });
    const answers = await Promise.all(Array.from({ length: 130 }, () => t.raw('GET', `/activities/${id}/challenge`, undefined, { 'x-forwarded-for': '203.0.113.95' })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(120);
    expect(answers.filter((a) => a.status === 429).every((a) => a.json.error.code === 'slow_down')).toBe(true);
  });
});
