import {
  $,
  $$,
  AP,
  activity,
  apOptions,
  assert,
  choose,
  click,
  eq,
  fillTo,
  heading,
  includes,
  json,
  mount,
  mountAppointment,
  setViewport,
  settle,
  stubFetch,
  text,
  type,
  type Call,
  forget,
} from '../testing/helpers.js';
import type { InstapAppointment } from './appointment.js';

let el: InstapAppointment | undefined;
const created = () => json(201, { id: 'ap-1', status: 'new', contactWithin: { workdays: 2, by: '2026-03-04' } });
const withOptions = (o = apOptions(), post: (c: Call) => Response | 'network-error' = created) =>
  stubFetch({ [`GET ${AP}appointment-options`]: () => json(200, o), [`POST ${AP}appointments`]: post });
const summary = (e: InstapAppointment) => $$(e, '.error-summary a').map((a) => a.textContent!.trim());
const tel = (e: InstapAppointment) => $(e, 'a.tel')?.getAttribute('href');

/** Walks to a step with valid answers: 0 name … 4 question. */
async function walk(e: InstapAppointment, to: number) {
  if (to > 0) (await type(e, 'ap-name', 'Fatima'), await click(e, 'Doorgaan'));
  if (to > 1) (await type(e, 'ap-phone', '0470 12 34 56'), await click(e, 'Doorgaan'));
  if (to > 2) (await choose(e, 'In de namiddag'), await click(e, 'Doorgaan'));
  if (to > 3) await click(e, 'Doorgaan');
}

describe('<instap-appointment>', () => {
  it('one question per step, the phone on every step, then who calls and by when', async () => {
    const calls = withOptions();
    el = await mountAppointment();
    let fired: unknown;
    document.addEventListener('instap-appointment-requested', (e) => (fired = (e as CustomEvent).detail), { once: true });
    const seen: string[] = [];
    const check = (n: number) => {
      seen.push(heading(el!));
      eq(tel(el!), 'tel:056278000');
      includes(text(el!), `Stap ${n} van 5`);
    };
    check(1);
    await type(el, 'ap-name', 'Fatima');
    await click(el, 'Doorgaan');
    check(2);
    el.remove();
    el = await mountAppointment(); // a reload loses nothing: the answers stay until sent
    eq(heading(el), 'Hoe kunnen we je bereiken?');
    await type(el, 'ap-phone', '0470 12 34 56');
    await click(el, 'Doorgaan');
    check(3);
    await choose(el, 'In de namiddag');
    await click(el, 'Doorgaan');
    check(4);
    eq($<HTMLInputElement>(el, '#ap-lang-0')!.checked, true); // the current language is the default
    await click(el, 'Doorgaan');
    check(5);
    eq(seen, ['Hoe heet je?', 'Hoe kunnen we je bereiken?', 'Wanneer kunnen we je best bereiken?', 'Welke taal spreek je het liefst?', 'Wat wil je vragen?']);
    eq(heading(el), 'Wat wil je vragen?');
    includes(text(el), 'Je vraag (niet verplicht)');
    await type(el, 'ap-question', 'Hulp bij de kansenpas');
    await click(el, 'Vraag een afspraak');
    const post = calls.find((c) => c.method === 'POST')!;
    eq(post.body, { name: 'Fatima', phone: '0470 12 34 56', when: 'afternoon', language: 'nl', question: 'Hulp bij de kansenpas' });
    assert(post.headers['idempotency-key'], 'an Idempotency-Key');
    eq(heading(el), 'We hebben je vraag');
    includes(text(el), 'Sportclub De Leie belt je binnen 2 werkdagen.');
    includes(text(el), 'Dat is ten laatste op woensdag 4 maart.');
    eq(tel(el), 'tel:056278000');
    eq(fired, { id: 'ap-1' });
    eq(localStorage.getItem('instap:appointment:de-leie'), null);
  });

  it('checks each step like the registration: name, one way to reach, a moment', async () => {
    withOptions();
    el = await mountAppointment();
    await click(el, 'Doorgaan');
    eq(summary(el), ['Vul je naam in.']);
    eq(el.shadowRoot!.activeElement, $(el, '.error-summary'));
    await walk(el, 1);
    await click(el, 'Doorgaan');
    eq(summary(el), ['Vul een telefoonnummer of een e-mailadres in.']);
    await type(el, 'ap-email', 'f@voorbeeld.be');
    await click(el, 'Doorgaan');
    await click(el, 'Doorgaan');
    eq(summary(el), ['Kies wanneer we je best bereiken.']);
    $<HTMLAnchorElement>(el, '.error-summary a')!.click();
    eq(el.shadowRoot!.activeElement, $(el, '#ap-when-0'));
  });

  it('offers the organisation\'s own moments, sends the slot id, and mails when there is no phone', async () => {
    const calls = withOptions(apOptions({ contactWithinWorkdays: 1 }), () =>
      json(201, { id: 'ap-2', status: 'new', contactWithin: { workdays: 1, by: '2026-03-03' } }),
    );
    el = await mountAppointment();
    await type(el, 'ap-name', 'Fatima');
    await click(el, 'Doorgaan');
    await type(el, 'ap-email', 'f@voorbeeld.be');
    await click(el, 'Doorgaan');
    await choose(el, 'Spreekuur (dinsdag 10 maart om 14:00)');
    await click(el, 'Doorgaan');
    await choose(el, 'العربية');
    await click(el, 'Doorgaan');
    await click(el, 'Vraag een afspraak');
    const body = calls.find((c) => c.method === 'POST')!.body as { when: string; language: string };
    eq([body.when, body.language], ['di-10', 'ar']);
    includes(text(el), 'Sportclub De Leie mailt je binnen 1 werkdag.');
  });

  it('a booking page: opens it with the name and context, and stores nothing', async () => {
    withOptions(apOptions({ bookingUrl: 'https://cal.example/de-leie?x=1' }));
    const open = window.open;
    let opened = '';
    window.open = ((u: string) => ((opened = u), null)) as typeof window.open;
    try {
      el = document.createElement('instap-appointment');
      el.setAttribute('organisation', 'de-leie');
      el.setAttribute('lang', 'nl');
      el.context = { activityId: 'act-zwem', step: 'kanspas', language: 'nl' };
      document.body.append(el);
      await settle(el);
      includes(text(el), 'Stap 1 van 2');
      await type(el, 'ap-name', 'Fatima B');
      await click(el, 'Doorgaan');
      const u = new URL(opened);
      eq([u.origin + u.pathname, u.searchParams.get('x'), u.searchParams.get('name')], ['https://cal.example/de-leie', '1', 'Fatima B']);
      eq(u.searchParams.get('notes'), 'activityId: act-zwem, step: kanspas, language: nl');
      eq(heading(el), 'Kies zelf een moment');
      eq($<HTMLAnchorElement>(el, 'a.button')!.href, opened);
      eq($(el, 'a.button')!.getAttribute('target'), '_blank');
      eq(tel(el), 'tel:056278000');
      eq(localStorage.getItem('instap:appointment:de-leie'), null);
    } finally {
      window.open = open;
    }
  });

  for (const [status, code, words] of [
    [429, 'too_many_requests', 'Je hebt al een paar keer gevraagd. We nemen contact op. Of bel ons:'],
    [418, 'teapot', 'Er ging iets mis bij ons.'],
  ] as const)
    it(`${code}: a calm message and the phone`, async () => {
      withOptions(apOptions(), () => json(status, { error: { code, message: 'x' } }));
      el = await mountAppointment();
      await walk(el, 4);
      await click(el, 'Vraag een afspraak');
      includes($(el, '.notice')!.innerText, words);
      assert($(el, '.notice a.tel'), 'phone in the notice');
      eq(el.shadowRoot!.activeElement, $(el, '.notice'));
    });

  it('422 issues go back to their step: a slot that is gone, a phone number', async () => {
    let n = 0;
    withOptions(apOptions(), () =>
      n++ === 0
        ? json(422, { error: { code: 'validation_failed', message: 'x', issues: [{ path: 'when', message: 'x', code: 'slot_unknown' }] } })
        : json(422, { error: { code: 'validation_failed', message: 'x', issues: [{ path: 'phone', message: 'x', code: 'phone-format' }] } }),
    );
    el = await mountAppointment();
    await walk(el, 4);
    await click(el, 'Vraag een afspraak');
    eq(heading(el), 'Wanneer kunnen we je best bereiken?');
    eq(summary(el), ['Dat moment is niet meer vrij. Kies een ander moment.']);
    await choose(el, 'In de avond');
    await click(el, 'Doorgaan');
    await click(el, 'Doorgaan');
    await click(el, 'Vraag een afspraak');
    eq(heading(el), 'Hoe kunnen we je bereiken?');
    eq(summary(el), ['Vul een telefoonnummer in zoals 0470 12 34 56.']);
  });

  it('an unknown organisation: a plain message', async () => {
    stubFetch({ [`GET ${AP}appointment-options`]: () => json(404, { error: { code: 'organisation_not_found', message: 'x' } }) });
    el = await mountAppointment();
    eq(heading(el), 'We vinden deze organisatie niet.');
  });

  it('defining it twice is harmless', async () => {
    const first = customElements.get('instap-appointment');
    // @ts-expect-error a second evaluation of the entry, like a second script tag
    await import('../index.js?twice');
    eq(customElements.get('instap-appointment'), first);
  });

  it('reflows at 320px on every step', async () => {
    await setViewport(320, 640);
    try {
      withOptions(apOptions({ slots: [{ id: 'lang', label: 'Eenheelerglangelabelzonderspatiesvoorietsdatnietpast', startsAt: '2026-03-10T13:00:00Z' }] }));
      el = await mountAppointment();
      const check = (where: string) => {
        const r = $(el!, '.root')!;
        assert(r.scrollWidth <= r.clientWidth, `${where}: ${r.scrollWidth} > ${r.clientWidth}`);
        assert(document.documentElement.scrollWidth <= 320, `${where}: page too wide`);
      };
      for (let step = 0; step < 5; step++) {
        forget();
        el.remove();
        el = await mountAppointment();
        await walk(el, step);
        check(`step ${step + 1}`);
      }
      await click(el, 'Vraag een afspraak');
      check('done');
    } finally {
      await setViewport(800, 600);
    }
  });
});

describe('"Hulp nodig? Maak een afspraak" inside the registration', () => {
  it('opens the same flow there, with the phone above it and the context sent along', async () => {
    const calls = stubFetch({
      'GET /activities/act-zwem': () => json(200, activity()),
      [`GET /organisations/sportdienst-kortrijk/appointment-options`]: () => json(200, apOptions({ name: 'Sportdienst Kortrijk' })),
      [`POST /organisations/sportdienst-kortrijk/appointments`]: created,
    });
    const reg = await mount();
    try {
      await fillTo(reg, 'contact');
      await type(reg, 'contact-name', 'Fatima');
      await click(reg, 'Hulp nodig? Maak een afspraak');
      const ap = $(reg, 'instap-appointment') as InstapAppointment;
      await settle(ap);
      eq($(reg, '#help-panel a.tel')!.getAttribute('href'), 'tel:056278000');
      eq(heading(ap), 'Hoe heet je?');
      eq($<HTMLInputElement>(ap, '#ap-name')!.value, 'Fatima'); // asked once, not twice
      await walk(ap, 4);
      await click(ap, 'Vraag een afspraak');
      const body = calls.find((c) => c.method === 'POST')!.body as { context: unknown };
      eq(body.context, { activityId: 'act-zwem', step: 'contact', language: 'nl' });
      eq(heading(ap), 'We hebben je vraag');
      eq(heading(reg), 'Hoe kunnen we je bereiken?'); // the registration is where it was
    } finally {
      reg.remove();
    }
  });
});
