/**
 * Plain Dutch, measured: every Dutch screen (activity variants, each step, each error, each
 * result) is scored with core `readability()`: Flesch–Douma ≥ 70, no sentence over 15 words,
 * none of the forbidden words.
 */
import { readability, READABILITY_TARGET, MAX_SENTENCE_WORDS } from '@instap/core/readability';
import type { PublicActivity } from '@instap/core/schemas';
import type { InstapElement } from '../element.js';
import {
  $,
  AP,
  activity,
  apOptions,
  choose,
  mountAppointment,
  offered,
  click,
  created,
  fillTo,
  json,
  lottery,
  mount,
  restoreFetch,
  settle,
  stubFetch,
  type,
  view,
  forget,
  everyWay,
  until,
} from '../testing/helpers.js';
import type { InstapRegistration } from './registration.js';

/** The visible text of one screen: the step and the help block (the toolbar lists language names). */
async function screenText(el: InstapRegistration) {
  const help = $(el, '.help button');
  if (help && help.getAttribute('aria-expanded') === 'false') {
    help.click();
    await settle(el);
  }
  return [$(el, '.content')!.innerText, $(el, '.help')?.innerText ?? ''].join('\n');
}

const failures: string[] = [];
const scores: [string, number][] = [];
async function score(name: string, el: InstapRegistration) {
  const t = await screenText(el);
  const r = readability(t);
  scores.push([name, r.score]);
  if (r.words < 15) failures.push(`${name}: only ${r.words} words seen`);
  if (r.score < READABILITY_TARGET || r.longestSentenceWords > MAX_SENTENCE_WORDS || r.forbidden.length || r.unexplained.length)
    failures.push(`${name}: score ${r.score}, longest ${r.longestSentenceWords} ("${r.longestSentence}"), forbidden ${r.forbidden}, unexplained jargon ${r.unexplained}`);
  return r;
}

function phase(p: PublicActivity['registration']['phase']) {
  const a = lottery();
  a.registration.phase = p;
  return a;
}

const post = (answer: () => Response | 'network-error') => ({ 'POST /activities/act-zwem/registrations': answer });

async function withScreen(a: PublicActivity, extra: Record<string, () => Response | 'network-error'>, go: (el: InstapRegistration) => Promise<void>, name: string) {
  forget();
  stubFetch({ 'GET /activities/act-zwem': () => json(200, a), ...extra });
  const el = await mount();
  try {
    await go(el);
    await score(name, el);
  } finally {
    el.remove();
    restoreFetch();
  }
}

describe('plain Dutch on every screen', () => {
  it('activity card variants', async () => {
    const started = activity({ sessionsToCome: 2 });
    started.sessions = [{ startsAt: '2026-02-28T09:00:00Z', endsAt: '2026-02-28T10:00:00Z' }, ...started.sessions.slice(1)];
    const variants: [string, PublicActivity][] = [
      ['first-come', activity()],
      ['lottery', lottery()],
      ['full', activity({ placesLeft: 0, reservedPlacesLeft: 0 })],
      ['one place', activity({ placesLeft: 1, reservedPlacesLeft: 0 })],
      ['only reserved places', activity({ placesLeft: 1, reservedPlacesLeft: 1 })],
      ['running series', started],
      ['free', activity({ price: { ...activity().price, standardCents: 0, kanspasCents: 0, nowStandardCents: 0, nowKanspasCents: 0 } })],
      ['not open', phase('not-open')],
      ['closed', phase('closed')],
      ['awaiting draw', phase('awaiting-draw')],
    ];
    for (const [name, a] of variants) await withScreen(a, {}, async () => {}, `activity: ${name}`);
  });

  it('each step, and each error', async () => {
    const a = activity();
    await withScreen(a, {}, (el) => fillTo(el, 'children'), 'children');
    await withScreen(a, {}, async (el) => (await fillTo(el, 'children'), await click(el, 'Doorgaan')), 'children: required');
    for (const year of ['20l6', '2031', '1990'])
      await withScreen(a, {}, async (el) => {
        await fillTo(el, 'children');
        await type(el, 'child-0-firstName', 'x'.repeat(81));
        await type(el, 'child-0-birthYear', year);
        await click(el, 'Doorgaan');
      }, `children: ${year}, long name`);
    await withScreen(a, {}, async (el) => {
      await fillTo(el, 'children');
      await click(el, 'Nog een kind toevoegen');
      await click(el, 'Doorgaan');
    }, 'two children: required');
    await withScreen(a, {}, (el) => fillTo(el, 'contact'), 'contact');
    await withScreen(a, {}, async (el) => (await fillTo(el, 'contact'), await click(el, 'Doorgaan')), 'contact: required');
    await withScreen(a, {}, async (el) => {
      await fillTo(el, 'contact');
      await type(el, 'contact-name', 'x'.repeat(81));
      await type(el, 'contact-phone', 'abc');
      await type(el, 'contact-email', 'nope');
      await click(el, 'Doorgaan');
    }, 'contact: formats');
    await withScreen(a, {}, (el) => fillTo(el, 'kanspas', ['Amira', 'Noor']), 'kansenpas');
    await withScreen(a, {}, (el) => fillTo(el, 'check', ['Amira', 'Noor', 'Sami']), 'check');
    await withScreen(activity({ placesLeft: 0 }), {}, (el) => fillTo(el, 'check'), 'check: full');
    await withScreen(lottery(), {}, (el) => fillTo(el, 'check'), 'check: lottery');
  });

  it('each problem when sending', async () => {
    const send = async (el: InstapRegistration) => (await fillTo(el, 'check'), await click(el, /^Schrijf/));
    await withScreen(activity(), post(() => 'network-error'), send, 'network failure');
    await withScreen(activity(), post(() => json(418, { error: { code: 'x', message: 'x' } })), send, 'unknown code');
    await withScreen(activity(), post(() => json(409, { error: { code: 'registration_closed', message: 'x' } })), send, 'closed');
    await withScreen(activity(), post(() => json(409, { error: { code: 'registration_not_open', message: 'x' } })), send, 'not open');
    await withScreen(
      activity(),
      post(() => json(422, { error: { code: 'validation_failed', message: 'x', issues: [{ path: 'contact.email', message: 'x', code: 'email_format' }] } })),
      send,
      'server issues',
    );
  });

  it('each result', async () => {
    const send = async (el: InstapRegistration) => (await fillTo(el, 'check', ['Amira', 'Noor']), await click(el, /^Schrijf/));
    await withScreen(activity(), post(() => json(201, created('confirmed', 2, false))), send, 'confirmed');
    await withScreen(activity(), post(() => json(201, created('waitlisted', 2))), send, 'waitlisted');
    await withScreen(lottery(), post(() => json(201, created('lottery', 2))), send, 'lottery');
  });

  it('the family\'s own view, the cancel question and the cancelled screen', async () => {
    for (const status of ['confirmed', 'waitlisted', 'lottery', 'offered'] as const) {
      stubFetch({ 'GET /registrations/t': () => json(200, view(status)), 'POST /registrations/t/cancel': () => json(200, view('cancelled')) });
      const el = await mount({ token: 't', lang: 'nl' });
      await score(`view: ${status}`, el);
      if (status === 'confirmed') {
        await click(el, 'Annuleer de inschrijving');
        await score('cancel question', el);
        await click(el, 'Ja, annuleer');
        await score('cancelled', el);
      }
      el.remove();
      restoreFetch();
    }
  });

  it('the age hint', async () => {
    await withScreen(activity({ ageMin: 6, ageMax: 10 }), {}, async (el) => {
      await fillTo(el, 'children');
      await type(el, 'child-0-firstName', 'Amira');
      await type(el, 'child-0-birthYear', '2023');
    }, 'children: age hint');
  });

  it('the interest list: form, errors, done', async () => {
    const closed = phase('closed');
    const open = (el: InstapRegistration) => click(el, 'Laat me weten wanneer ik kan inschrijven');
    const interest = { 'POST /activities/act-zwem/interest': () => json(201, { id: 'i' }) };
    await withScreen(closed, interest, open, 'interest');
    await withScreen(closed, interest, async (el) => (await open(el), await click(el, 'Laat het me weten')), 'interest: errors');
    await withScreen(closed, interest, async (el) => {
      await open(el);
      await type(el, 'interest-name', 'Fatima');
      await type(el, 'interest-phone', '0470 12 34 56');
      await click(el, 'Laat het me weten');
    }, 'interest: done');
  });

  it('the family\'s own view: offers, answers, the draw, the kansenpas check', async () => {
    const screen = async (name: string, v: object, go: (el: InstapRegistration) => Promise<unknown> = async () => {}, answer: () => Response = () => json(200, view('confirmed'))) => {
      stubFetch({ 'GET /registrations/t': () => json(200, v), 'POST /offers/off-1/accept': answer, 'POST /offers/off-1/decline': () => json(200, view('cancelled')) });
      const el = await mount({ token: 't', lang: 'nl' });
      await go(el);
      await score(name, el);
      el.remove();
      restoreFetch();
    };
    await screen('offer', offered());
    await screen('offer: no deadline', offered(null));
    await screen('offer: decline question', offered(), (el) => click(el, 'Nee, geef de plaats door'));
    await screen('offer: declined', offered(), async (el) => (await click(el, 'Nee, geef de plaats door'), await click(el, 'Ja, geef de plaats door')));
    await screen('offer: accepted', offered(), (el) => click(el, 'Ja, ik neem de plaats'));
    for (const code of ['offer_expired', 'offer_used', 'offer_not_found'])
      await screen(`offer: ${code}`, offered(), (el) => click(el, 'Ja, ik neem de plaats'), () => json(409, { error: { code, message: 'x' } }));
    await screen('kansenpas not confirmed', { ...view('confirmed'), kanspasCheck: 'not-valid' });
  });

  it('the appointment: every step, errors, done, booking page, too many', async () => {
    const ap = async (name: string, go: (el: InstapElement) => Promise<unknown>, o = apOptions(), post: () => Response = () => json(201, { id: 'a', status: 'new', contactWithin: { workdays: 2, by: '2026-03-04' } })) => {
      forget();
      stubFetch({ [`GET ${AP}appointment-options`]: () => json(200, o), [`POST ${AP}appointments`]: post });
      const open = window.open;
      window.open = () => null;
      const el = await mountAppointment();
      try {
        await go(el);
        // The toolbar lists language names: score the step itself.
        const t = [...$(el, '.root')!.children].filter((c) => !c.classList.contains('toolbar')).map((c) => (c as HTMLElement).innerText).join('\n');
        const r = readability(t);
        scores.push([name, r.score]);
        if (r.score < READABILITY_TARGET || r.longestSentenceWords > MAX_SENTENCE_WORDS || r.forbidden.length)
          failures.push(`${name}: score ${r.score}, longest ${r.longestSentenceWords} ("${r.longestSentence}"), forbidden ${r.forbidden}`);
      } finally {
        window.open = open;
        el.remove();
        restoreFetch();
      }
    };
    const name = async (el: InstapElement) => (await type(el, 'ap-name', 'Fatima'), await click(el, 'Doorgaan'));
    const reach = async (el: InstapElement) => (await name(el), await type(el, 'ap-phone', '0470 12 34 56'), await click(el, 'Doorgaan'));
    const when = async (el: InstapElement) => (await reach(el), await choose(el, 'In de avond'), await click(el, 'Doorgaan'));
    const question = async (el: InstapElement) => (await when(el), await click(el, 'Doorgaan'));
    await ap('appointment: name', async () => {});
    await ap('appointment: name, error', (el) => click(el, 'Doorgaan'));
    await ap('appointment: reach', name);
    await ap('appointment: reach, error', async (el) => (await name(el), await click(el, 'Doorgaan')));
    await ap('appointment: when', reach);
    await ap('appointment: when, error', async (el) => (await reach(el), await click(el, 'Doorgaan')));
    await ap('appointment: language', when);
    await ap('appointment: question', question);
    await ap('appointment: done', async (el) => (await question(el), await click(el, 'Vraag een afspraak')));
    await ap('appointment: too many', async (el) => (await question(el), await click(el, 'Vraag een afspraak')), apOptions(), () =>
      json(429, { error: { code: 'too_many_requests', message: 'x' } }),
    );
    await ap('appointment: booking page', name, apOptions({ bookingUrl: 'https://cal.example/x' }));
  });

  it('how to pay: every way, partly paid in parts, paid, waiting, a third party, online failing', async () => {
    const send = async (el: InstapRegistration) => {
      await fillTo(el, 'check');
      await click(el, /^Schrijf/);
      await until(el, () => !!$(el, '.pay') && !$(el, '.pay [data-loading]'), 'the payment block');
    };
    const pays = (p: ReturnType<typeof everyWay>) => post(() => json(201, { ...created('confirmed', 1, true), payment: p }));
    await withScreen(activity(), pays(everyWay()), send, 'result: every way to pay');
    await withScreen(activity(), pays(everyWay({ methods: ['transfer'], onlineUrl: undefined, desk: undefined })), send, 'result: transfer only');
    await withScreen(
      activity(),
      { ...pays(everyWay()), 'POST /registrations/tok-secret-123/payments': () => json(503, { error: { code: 'online_payment_unavailable', message: 'x' } }) },
      async (el) => (await send(el), await click(el, 'Betaal nu online'), await until(el, () => !!$(el, '.pay .notice'), 'the notice')),
      'result: online failing',
    );
    const own = async (name: string, payment: ReturnType<typeof everyWay>, status: 'confirmed' | 'waitlisted' = 'confirmed') => {
      stubFetch({ 'GET /registrations/t': () => json(200, { ...view(status), payment }) });
      const el = await mount({ token: 't', lang: 'nl' });
      await until(el, () => !!$(el, '.pay') && !$(el, '.pay [data-loading]'), 'the payment block');
      await score(name, el);
      el.remove();
    };
    await own('view: partly paid in parts', everyWay({ status: 'partly-paid', amountCents: 1600, paidCents: 800, instalments: [{ dueAt: '2026-03-16T10:00:00Z', amountCents: 800, paid: true }, { dueAt: '2026-04-15T10:00:00Z', amountCents: 800, paid: false }] }));
    await own('view: paid', everyWay({ status: 'paid', paidCents: 800, transfer: undefined, onlineUrl: undefined }));
    await own('view: waiting, nothing to pay', everyWay({ status: 'not-due', amountCents: 0, dueAt: null, transfer: undefined, onlineUrl: undefined }), 'waitlisted');
    await own('view: a third party may pay', everyWay({ methods: ['third-party', 'desk'], transfer: undefined, onlineUrl: undefined }));
  });

  it('has no screen below the target', () => {
    if (scores.length < 60) failures.push(`only ${scores.length} screens scored`);
    if (failures.length) throw new Error(failures.join('\n'));
    const lowest = [...scores].sort((a, b) => a[1] - b[1])[0];
    console.log(`${scores.length} Dutch screens, lowest: ${lowest[0]} ${lowest[1]}`);
  });
});
