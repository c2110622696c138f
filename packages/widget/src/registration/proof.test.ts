// The proof-of-work a family never sees: solved in the background, sent with the registration, solved
// again when the server asks, and a "wait" honoured; no extra step, no puzzle.
import { $, activity, assert, click, created, eq, fillTo, heading, includes, json, mount, text, withActivity, type Call } from '../testing/helpers.js';
import { solve } from './proof.js';
import type { InstapRegistration } from './registration.js';

/** Made by altcha-lib's createChallenge on the server (PBKDF2/SHA-256, cost 1000, secret counter 7). */
const CHALLENGE = {
  parameters: {
    algorithm: 'PBKDF2/SHA-256',
    cost: 1000,
    data: { activity: 'act-zwem', exp: 1772355600, level: 1 },
    keyLength: 32,
    keyPrefix: 'd72e1537fccb9eccfe43c125ede58fef',
    keySignature: 'af12429ebcb164a419535b756caf61f2d6ccd8405099b28c4e2dcf703cfd71ba',
    nonce: '237f6029f61964975d67be0dfbb0bc3d',
    salt: '4051bf14a837b9e8d34424a19667521f',
  },
  signature: '86c630a139ed52db06ba0dedfc7bdd2805f7fb5beb3aa0fafbd975d3646bde29',
};
/** What altcha-lib's own solver found for it. */
const SOLUTION = { counter: 7, derivedKey: 'd72e1537fccb9eccfe43c125ede58fef1611626c7bf1ce307aa8ab8c785800b6' };

const proofIn = (c: Call) => (c.headers['instap-proof'] ? JSON.parse(atob(c.headers['instap-proof'])) : null);
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

let el: InstapRegistration | undefined;
describe('the proof-of-work', () => {
  it('finds the same solution as altcha-lib, with WebCrypto and without it (pages on http)', async () => {
    eq(JSON.parse(atob(await solve(CHALLENGE))), { challenge: CHALLENGE, solution: SOLUTION });
    const subtle = Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle')!;
    Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined, configurable: true });
    try {
      eq(JSON.parse(atob(await solve(CHALLENGE))).solution, SOLUTION);
    } finally {
      Object.defineProperty(Crypto.prototype, 'subtle', subtle);
    }
  });

  it('is solved while the family reads the check, and travels with the registration in Instap-Proof', async () => {
    const calls = withActivity(activity(), {
      'GET /activities/act-zwem/challenge': () => json(200, { challenge: CHALLENGE }),
      'POST /activities/act-zwem/registrations': () => json(201, created('confirmed')),
    });
    el = await mount();
    await fillTo(el, 'check');
    assert(calls.some((c) => c.url.endsWith('/activities/act-zwem/challenge')), 'the challenge is fetched when the check opens');
    await click(el, 'Schrijf Amira in');
    eq(heading(el), 'Amira is ingeschreven');
    eq(posts(calls).length, 1);
    eq(proofIn(posts(calls)[0]!).solution, SOLUTION);
  });

  it('a 428 with a fresh challenge: solved and sent again with the same Idempotency-Key, unseen', async () => {
    const calls = withActivity(activity(), {
      'POST /activities/act-zwem/registrations': (c) =>
        c.headers['instap-proof']
          ? json(201, created('confirmed'))
          : new Response(JSON.stringify({ error: { code: 'proof_required', message: '' } }), {
              status: 428,
              headers: { 'Content-Type': 'application/json', 'Instap-Challenge': btoa(JSON.stringify(CHALLENGE)) },
            }),
    });
    el = await mount();
    await fillTo(el, 'check');
    await click(el, 'Schrijf Amira in');
    eq(heading(el), 'Amira is ingeschreven');
    const [first, second] = posts(calls);
    eq(proofIn(first!), null);
    eq(proofIn(second!).solution, SOLUTION);
    eq(second!.headers['idempotency-key'], first!.headers['idempotency-key']);
    eq(second!.body, first!.body);
  });

  it('a 429 "wait": waits as long as Retry-After says and sends again, with no error on screen', async () => {
    let n = 0;
    const calls = withActivity(activity(), {
      'POST /activities/act-zwem/registrations': () =>
        n++ === 0
          ? new Response(JSON.stringify({ error: { code: 'slow_down', message: '' } }), { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '1' } })
          : json(201, created('confirmed')),
    });
    el = await mount();
    await fillTo(el, 'check');
    const started = Date.now();
    await click(el, 'Schrijf Amira in');
    for (let i = 0; i < 40 && heading(el) !== 'Amira is ingeschreven'; i++) {
      assert(!$(el, '.notice'), 'no error while waiting');
      await new Promise((r) => setTimeout(r, 100));
    }
    eq(heading(el), 'Amira is ingeschreven');
    assert(Date.now() - started >= 900, 'waited for Retry-After');
    eq(posts(calls).length, 2);
  });

  it('the same child again: a plain word and whom to call, never a second registration', async () => {
    withActivity(activity(), {
      'POST /activities/act-zwem/registrations': () => json(409, { error: { code: 'already_registered', message: '' } }),
    });
    el = await mount();
    await fillTo(el, 'check');
    await click(el, 'Schrijf Amira in');
    includes(text(el), 'Dit kind is al ingeschreven. Je kreeg een bericht met je link. Ben je die kwijt?');
    includes(text(el), 'Bel Sportdienst Kortrijk. Zij helpen je verder.');
    includes(text(el), '056 27 80 00');
  });
});
