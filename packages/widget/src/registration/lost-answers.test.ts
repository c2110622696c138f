// Lost answers: a send whose answer never reaches the phone, retried by hand, by the browser coming
// back online, or after the family changed an answer. Never a second registration, never a lost key.
import { $, activity, button, click, created, eq, fillTo, heading, includes, json, mount, settle, text, type, until, withActivity, type Call } from '../testing/helpers.js';
import type { InstapRegistration } from './registration.js';

let el: InstapRegistration | undefined;

const POST = 'POST /activities/act-zwem/registrations';
const postsOf = (calls: Call[]) => calls.filter((c) => c.method === 'POST');
const keysOf = (calls: Call[]) => new Set(postsOf(calls).map((c) => c.headers['idempotency-key']));

/** A connection that drops every send until `heal()`; then the server registers. */
function flaky() {
  let fail = true;
  const calls = withActivity(activity(), { [POST]: () => (fail ? 'network-error' : json(201, created('confirmed'))) });
  return { calls, heal: () => (fail = false) };
}

/**
 * A server that keeps its word: one stored answer per key, and the key refused for other answers.
 * Each send travels as the next of `ways` says: it never arrives, it is stored but its answer is
 * lost on the way back (or a proxy answers 504), or (when `ways` is used up) all goes well.
 */
function keepingServer(ways: ('never-arrives' | 'answer-lost' | 'gateway-timeout')[]) {
  const stored = new Map<string, string>();
  const registered: unknown[] = [];
  const calls = withActivity(activity(), {
    [POST]: (c) => {
      const way = ways.shift();
      if (way === 'never-arrives') return 'network-error';
      const key = c.headers['idempotency-key'];
      const body = JSON.stringify(c.body);
      const had = stored.get(key);
      if (had && had !== body) return json(422, { error: { code: 'idempotency_key_reused', message: 'This Idempotency-Key was used for a different request.' } });
      if (!had) stored.set(key, body), registered.push(c.body);
      return way === 'answer-lost' ? 'network-error' : way === 'gateway-timeout' ? json(504, {}) : json(201, created('confirmed'));
    },
  });
  return { calls, registered };
}

/** Fills in for Amira and sends from the check step. */
async function sendAmira() {
  el = await mount();
  await fillTo(el, 'check');
  await click(el, 'Schrijf Amira in');
  return el;
}

describe('lost answers', () => {
  it('a network failure keeps everything; the retry re-sends the same body with the same key', async () => {
    const { calls, heal } = flaky();
    el = await sendAmira();
    includes(text(el), 'Het versturen lukt niet');
    includes(text(el), 'Je antwoorden zijn bewaard.');
    eq(el.shadowRoot!.activeElement, $(el, '.notice'));
    // A reload in between loses nothing: the key and the body are stored with the draft.
    el.remove();
    el = await mount();
    eq(heading(el), 'Kijk je antwoorden na');
    heal();
    await click(el, 'Probeer opnieuw');
    const posts = postsOf(calls);
    eq(posts.length, 2);
    eq(posts[1].headers['idempotency-key'], posts[0].headers['idempotency-key']);
    eq(posts[1].body, posts[0].body);
    eq(heading(el), 'Amira is ingeschreven');
  });

  it('sends again by itself when the connection comes back, with the same key', async () => {
    const { calls, heal } = flaky();
    el = await sendAmira();
    includes(text(el), 'Het versturen lukt niet');
    heal();
    window.dispatchEvent(new Event('online'));
    await until(el, () => heading(el!) === 'Amira is ingeschreven', 'the result');
    const posts = postsOf(calls);
    eq(posts.length, 2);
    eq(posts[1].headers['idempotency-key'], posts[0].headers['idempotency-key']);
  });

  it('a lost answer waits for the browser to be online with one listener, however often it fails', async () => {
    const { calls, heal } = flaky();
    el = await sendAmira();
    await click(el, 'Probeer opnieuw');
    await click(el, 'Probeer opnieuw');
    const before = postsOf(calls).length;
    eq(before, 3);
    heal();
    window.dispatchEvent(new Event('online'));
    await until(el, () => heading(el!) === 'Amira is ingeschreven', 'the result');
    await settle(el);
    eq(postsOf(calls).length, before + 1, 'one send when back online');
  });

  it('answers changed after a lost answer never register the family twice', async () => {
    // The first send is stored, but its answer never reaches the phone.
    const { calls, registered } = keepingServer(['answer-lost']);
    el = await sendAmira();
    includes(text(el), 'Het versturen lukt niet');
    // The family adds a brother, and sends again.
    await click(el, 'Wijzig Kinderen');
    await click(el, 'Nog een kind toevoegen');
    await type(el, 'child-1-firstName', 'Noor');
    await type(el, 'child-1-birthYear', '2019');
    await click(el, 'Doorgaan');
    await click(el, 'Schrijf Amira en Noor in');
    eq(registered.length, 1, 'registered once');
    eq(keysOf(calls).size, 1, 'one key for every send');
    // What the server holds is what the family sees: Amira's registration, and that the change did not go.
    eq(heading(el), 'Amira is ingeschreven');
    includes(text(el), 'Je eerste inschrijving was al bij ons. Je wijziging is dus niet verstuurd.');
    includes(text(el), 'tok-secret-123');
  });

  it('three sends under one key, the second one stored: found again, never a second registration', async () => {
    // The first send never arrives; a language switch makes a second body, stored but its answer
    // lost (504); back in Dutch, the third body meets a refused key.
    const { calls, registered } = keepingServer(['never-arrives', 'gateway-timeout']);
    el = await sendAmira();
    el.setAttribute('lang', 'en');
    await settle(el);
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await settle(el);
    el.setAttribute('lang', 'nl');
    await settle(el);
    await click(el, 'Schrijf Amira in');
    eq(registered.length, 1, 'registered once');
    eq(keysOf(calls).size, 1, 'one key');
    eq(heading(el), 'Amira is ingeschreven');
  });

  it('a 500 is treated like a lost connection (the key makes a retry safe)', async () => {
    withActivity(activity(), { [POST]: () => json(503, {}) });
    el = await sendAmira();
    button(el, 'Probeer opnieuw');
  });
});
