import {
  $,
  $$,
  activity,
  assert,
  button,
  click,
  created,
  eq,
  fillTo,
  heading,
  includes,
  json,
  lottery,
  mount,
  priced,
  settle,
  stubFetch,
  text,
  type,
  until,
  withActivity,
} from '../testing/helpers.js';
import type { InstapRegistration } from './registration.js';

let el: InstapRegistration | undefined;
describe('the activity, before any question', () => {
  it('shows what, ages, every session, where, what to bring, both prices, places and reserved places', async () => {
    const calls = withActivity();
    el = await mount();
    eq(heading(el), 'Zwemles voor kinderen');
    const t = text(el);
    includes(t, 'Voor kinderen van 6 tot 12 jaar.');
    includes(t, 'zaterdag 14 maart, van 10:00 tot 11:00'); // 09:00 UTC is 10:00 in Brussels
    includes(t, 'zaterdag 28 maart, van 10:00 tot 11:00');
    includes(t, 'Zwembad Abdijkaai, Kortrijk');
    includes(t, 'Een handdoek');
    includes(t, 'Met kansenpas betaal je € 8 in plaats van € 40.');
    // 5 left, of which 3 are kept for kansenpas families: 2 for everyone.
    includes(t, 'Er zijn nog 2 plaatsen vrij.');
    includes(t, 'Er zijn nog 3 plaatsen voorbehouden voor gezinnen met een kansenpas.');
    includes(t, 'Wie eerst inschrijft, krijgt eerst een plaats.');
    eq(calls[0].url, `${location.origin}/api/v1/activities/act-zwem`);
  });

  it('only reserved places left: a kansenpas family can still get one, the others hear of the waiting list', async () => {
    withActivity(activity({ placesLeft: 2, reservedPlacesLeft: 2 }));
    el = await mount();
    const t = text(el);
    includes(t, 'Er zijn nog 2 plaatsen voorbehouden voor gezinnen met een kansenpas.');
    includes(t, 'Heb je geen kansenpas? Dan kom je op de wachtlijst.');
    assert(!t.includes('plaatsen vrij'), 'no "places free" for everyone');
    button(el, /^Schrijf in$/);
    // On the check: without a kansenpas the waiting list is said; with one, it is not.
    await fillTo(el, 'check');
    includes(text(el), 'Alle plaatsen zijn bezet. Je komt op de wachtlijst.');
    // Who waits pays nothing yet: no price to pay on the check.
    const price = () => $$(el!, '.row').find((row) => row.querySelector('dt')!.textContent === 'Prijs')!.querySelector('dd')!.textContent!.trim();
    eq(price(), 'Je betaalt niets zolang je wacht.');
    assert(!/Je betaalt €/.test(text(el)), 'no amount for a family that waits');
    await click(el, 'Wijzig Kansenpas');
    $<HTMLInputElement>(el, '#kanspas')!.click();
    await click(el, 'Doorgaan');
    eq(heading(el), 'Kijk je antwoorden na');
    assert(!text(el).includes('Je komt op de wachtlijst'), 'a kansenpas family takes a reserved place');
    assert(/^Je betaalt €\s\d/.test(price()), `a price for a family with a place: ${price()}`);
  });

  it('uses the api-base attribute for every call', async () => {
    const calls = withActivity();
    el = await mount({ activity: 'act-zwem', lang: 'nl', 'api-base': 'https://instap.example' });
    eq(calls[0].url, 'https://instap.example/api/v1/activities/act-zwem');
  });

  it('explains a draw: you do not have to be first', async () => {
    withActivity(lottery());
    el = await mount();
    includes(text(el), 'Je hoeft niet de eerste te zijn. Op donderdag 12 maart loten we.');
  });

  it('says a running series costs only the sessions to come', async () => {
    const a = activity({ sessionsToCome: 2 });
    a.sessions = [{ startsAt: '2026-02-28T09:00:00Z', endsAt: '2026-02-28T10:00:00Z' }, ...a.sessions.slice(1), a.sessions[0]];
    a.sessions.sort((x, y) => x.startsAt.localeCompare(y.startsAt));
    a.sessions = a.sessions.slice(0, 3);
    withActivity(priced(a));
    el = await mount();
    includes(text(el), 'De reeks is al begonnen. Je betaalt enkel de 2 lessen die nog komen.');
    includes(text(el), '€ 26,66 per kind.');
  });

  it('full: offers the waiting list', async () => {
    withActivity(activity({ placesLeft: 0, reservedPlacesLeft: 0 }));
    el = await mount();
    includes(text(el), 'Je kan je wel nog inschrijven voor de wachtlijst.');
    button(el, 'Schrijf in voor de wachtlijst');
  });

  for (const [phase, words] of [
    ['not-open', 'Inschrijven kan nog niet. Het kan vanaf zondag 1 maart om 09:00.'],
    ['closed', 'Inschrijven is gesloten.'],
    ['awaiting-draw', 'Op donderdag 12 maart loten we wie een plaats krijgt.'],
  ] as const) {
    it(`${phase}: says so plainly, with the phone as next step and no way in`, async () => {
      const a = lottery();
      a.registration.phase = phase;
      withActivity(a);
      el = await mount();
      includes(text(el), words);
      const tel = $<HTMLAnchorElement>(el, 'a.tel')!;
      eq(tel.getAttribute('href'), 'tel:056278000');
      assert(!$$(el, 'button.primary').length, 'no start button');
    });
  }

  it('not found: a plain message', async () => {
    stubFetch({ 'GET /activities/act-zwem': () => json(404, { error: { code: 'activity_not_found', message: 'x' } }) });
    el = await mount();
    eq(heading(el), 'We vinden deze activiteit niet.');
  });

  it('renders organisation texts as text, never as HTML', async () => {
    withActivity(activity({ title: '<img src=x onerror="window.__pwned=1">', summary: '<b>vet</b>' }));
    el = await mount();
    eq(heading(el), '<img src=x onerror="window.__pwned=1">');
    assert(!$(el, 'img') && !$(el, 'b'), 'no element made from data');
    assert(!(window as unknown as { __pwned?: number }).__pwned);
  });
});

describe('the questions', () => {
  it('walks one question per step with "Stap n van 5", focus on the heading and a back link', async () => {
    withActivity();
    el = await mount();
    await click(el, 'Schrijf in');
    eq(heading(el), 'Wie schrijf je in?');
    includes(text(el), 'Stap 2 van 5');
    eq(el.shadowRoot!.activeElement, $(el, '[data-heading]'));
    await type(el, 'child-0-firstName', 'Amira');
    await type(el, 'child-0-birthYear', '2017');
    await click(el, 'Doorgaan');
    eq(heading(el), 'Hoe kunnen we je bereiken?');
    includes(text(el), 'Stap 3 van 5');
    await click(el, 'Terug');
    eq(heading(el), 'Wie schrijf je in?');
    eq($<HTMLInputElement>(el, '#child-0-firstName')!.value, 'Amira');
  });

  it('validates on Doorgaan: a summary that takes focus, links to fields, the same words beside the field, input kept', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'children');
    await type(el, 'child-0-birthYear', '20l7');
    await click(el, 'Doorgaan');
    const summary = $(el, '.error-summary')!;
    eq(el.shadowRoot!.activeElement, summary);
    const items = $$(el, '.error-summary a').map((a) => a.textContent!.trim());
    eq(items, ['Vul de voornaam van je kind in.', 'Vul het geboortejaar in met 4 cijfers, zoals 2016.']);
    eq($(el, '#child-0-firstName-error')!.textContent!.trim(), items[0]);
    eq($(el, '#child-0-birthYear-error')!.textContent!.trim(), items[1]);
    eq($<HTMLInputElement>(el, '#child-0-birthYear')!.value, '20l7');
    eq($(el, '#child-0-birthYear')!.getAttribute('aria-invalid'), 'true');
    includes($(el, '#child-0-birthYear')!.getAttribute('aria-describedby')!, 'child-0-birthYear-error');
    $<HTMLAnchorElement>(el, '.error-summary li:nth-child(2) a')!.click();
    eq(el.shadowRoot!.activeElement, $(el, '#child-0-birthYear'));
  });

  it('one error also gets a summary; a birth year in the future has its own words', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'children');
    await type(el, 'child-0-firstName', 'Amira');
    await type(el, 'child-0-birthYear', '2031');
    await click(el, 'Doorgaan');
    eq($$(el, '.error-summary li').length, 1);
    includes(text(el), 'Dat jaar moet nog komen.');
  });

  it('adds and removes brothers and sisters, naming each child in errors', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'children');
    await click(el, 'Nog een kind toevoegen');
    eq(el.shadowRoot!.activeElement, $(el, '#child-1-firstName'));
    await type(el, 'child-0-firstName', 'Amira');
    await type(el, 'child-0-birthYear', '2017');
    await click(el, 'Doorgaan');
    eq($$(el, '.error-summary a').map((a) => a.textContent!.trim()), ['Vul de voornaam van kind 2 in.', 'Vul het geboortejaar van kind 2 in.']);
    await click(el, 'Verwijder kind 2');
    eq($$(el, 'fieldset.child').length, 1);
    await click(el, 'Doorgaan');
    eq(heading(el), 'Hoe kunnen we je bereiken?');
  });

  it('contact: one of phone or e-mail is enough, each field its own message', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'contact');
    includes(text(el), 'Eén van de twee is genoeg.');
    await click(el, 'Doorgaan');
    eq($$(el, '.error-summary a').map((a) => a.textContent!.trim()), ['Vul je naam in.', 'Vul een telefoonnummer of een e-mailadres in.']);
    await type(el, 'contact-name', 'Fatima');
    await type(el, 'contact-phone', '12');
    await type(el, 'contact-email', 'fatima@');
    await click(el, 'Doorgaan');
    eq($$(el, '.error-summary a').map((a) => a.textContent!.trim()), [
      'Vul een telefoonnummer in zoals 0470 12 34 56.',
      'Vul een e-mailadres in zoals naam@voorbeeld.be.',
    ]);
    await type(el, 'contact-phone', '');
    await type(el, 'contact-email', 'fatima@voorbeeld.be');
    await click(el, 'Doorgaan');
    eq(heading(el), 'Heb je een kansenpas?');
  });

  it('kansenpas: one tick, the price changes at once, and it never blocks', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'kanspas', ['Amira', 'Noor']);
    includes(text(el), 'Je betaalt € 80 voor 2 kinderen.');
    includes(text(el), 'Je hoeft geen nummer of foto te geven.');
    $<HTMLInputElement>(el, '#kanspas')!.click();
    await settle(el);
    includes(text(el), 'Je betaalt € 16 voor 2 kinderen.');
  });

  it('check your answers: Wijzig goes back and Doorgaan returns to the check', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'check', ['Amira', 'Noor']);
    eq(heading(el), 'Kijk je antwoorden na');
    includes(text(el), 'Amira, geboren in 2017');
    button(el, 'Schrijf Amira en Noor in');
    await click(el, 'Wijzig Kansenpas');
    eq(heading(el), 'Heb je een kansenpas?');
    $<HTMLInputElement>(el, '#kanspas')!.click();
    await click(el, 'Doorgaan');
    eq(heading(el), 'Kijk je antwoorden na');
    includes(text(el), 'Je betaalt € 16 voor 2 kinderen.');
  });

  it('keeps the answers across a reload, per activity', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'contact');
    await type(el, 'contact-name', 'Fatima');
    el.remove();
    el = await mount();
    eq(heading(el), 'Hoe kunnen we je bereiken?');
    eq($<HTMLInputElement>(el, '#contact-name')!.value, 'Fatima');
    await click(el, 'Terug');
    eq($<HTMLInputElement>(el, '#child-0-firstName')!.value, 'Amira');
  });

  it('a birth year outside the ages: a hint beside the field, not an error, and no block', async () => {
    withActivity(activity({ ageMin: 6, ageMax: 10 }));
    el = await mount();
    await fillTo(el, 'children');
    await type(el, 'child-0-firstName', 'Amira');
    await type(el, 'child-0-birthYear', '2014'); // 12 in 2026, the year of the first session
    const note = $(el, '#child-0-birthYear-note')!;
    includes(note.innerText, 'Deze activiteit is voor kinderen van 6 tot 10 jaar. Twijfel je? Bel ons.');
    eq(note.querySelector('a.tel')!.getAttribute('href'), 'tel:056278000');
    includes($(el, '#child-0-birthYear')!.getAttribute('aria-describedby')!, 'child-0-birthYear-note');
    eq($(el, '#child-0-birthYear')!.getAttribute('aria-invalid'), 'false');
    await type(el, 'child-0-birthYear', '2018'); // 8: no hint
    eq($(el, '#child-0-birthYear-note'), null);
    await type(el, 'child-0-birthYear', '2023'); // 3: too young, still no block
    assert($(el, '#child-0-birthYear-note'));
    await click(el, 'Doorgaan');
    eq($(el, '.error-summary'), null);
    eq(heading(el), 'Hoe kunnen we je bereiken?');
  });

  it('Enter in a field means Doorgaan', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'children');
    const input = $<HTMLInputElement>(el, '#child-0-firstName')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await settle(el);
    assert($(el, '.error-summary'), 'Enter validated the step');
  });
});

describe('help, reading aloud, languages', () => {
  it('"Hulp nodig?" reveals the phone and fires instap-help', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'contact');
    let detail: unknown;
    document.addEventListener('instap-help', (e) => (detail = (e as CustomEvent).detail), { once: true });
    const help = button(el, 'Hulp nodig? Maak een afspraak');
    eq(help.getAttribute('aria-expanded'), 'false');
    await click(el, 'Hulp nodig? Maak een afspraak');
    eq(help.getAttribute('aria-expanded'), 'true');
    assert(!$(el, '#help-panel')!.hidden);
    eq($(el, '#help-panel a.tel')!.getAttribute('href'), 'tel:056278000');
    eq(detail, { activity: 'act-zwem', step: 'contact', language: 'nl' });
  });

  it('reads the current step aloud in the current language, and hides the button without speechSynthesis', async () => {
    withActivity();
    const spoken: SpeechSynthesisUtterance[] = [];
    const speak = speechSynthesis.speak;
    speechSynthesis.speak = (u) => void spoken.push(u);
    try {
      el = await mount();
      await click(el, 'Lees voor');
      // The reader is a lazy chunk: wait for what the family sees, the button turning into "stop".
      await until(el!, () => $$(el!, 'button').some((b) => b.textContent!.trim() === 'Stop met voorlezen'), 'reading aloud');
      eq(spoken.length, 1);
      eq(spoken[0].lang, 'nl-BE');
      includes(spoken[0].text, 'Zwemles voor kinderen');
      assert(!spoken[0].text.includes('Hulp nodig'), 'reads the step, not the toolbar or help');
    } finally {
      speechSynthesis.speak = speak;
    }
    el.remove();
    const desc = Object.getOwnPropertyDescriptor(window, 'speechSynthesis')!;
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    try {
      el = await mount();
      assert(!$$(el, 'button').some((b) => b.textContent!.trim() === 'Lees voor'), 'no read-aloud button');
    } finally {
      Object.defineProperty(window, 'speechSynthesis', desc);
    }
  });

  it('offers reading aloud only in a language the browser has a voice for, and stops on the next step', async () => {
    withActivity();
    const synth = speechSynthesis;
    const saved = { getVoices: synth.getVoices, speak: synth.speak, cancel: synth.cancel };
    let cancelled = 0;
    synth.getVoices = () => [{ lang: 'nl-BE', name: 'Dutch' } as SpeechSynthesisVoice];
    synth.speak = () => undefined;
    synth.cancel = () => void cancelled++;
    const reads = () => $$(el!, 'button').some((b) => b.textContent!.trim() === 'Lees voor');
    try {
      el = await mount();
      assert(reads(), 'a Dutch voice: the button is there');
      await click(el, 'Lees voor');
      await until(el!, () => $$(el!, 'button').some((b) => b.textContent!.trim() === 'Stop met voorlezen'), 'reading aloud');
      const before = cancelled;
      await click(el, 'Schrijf in');
      assert(cancelled > before, 'the reading stops on the next step');
      assert(reads(), 'and the button says "Lees voor" again');
      el.setAttribute('lang', 'ar');
      await until(el!, () => $(el!, '.root')!.getAttribute('dir') === 'rtl', 'Arabic');
      assert(!$$(el, '.toolbar button').length, 'no Arabic voice: no read-aloud button');
    } finally {
      Object.assign(synth, saved);
    }
  });

  it('the lang attribute picks the language, sets lang and dir on the root, and goes in the body', async () => {
    const calls = withActivity(activity(), { 'POST /activities/act-zwem/registrations': () => json(201, created('confirmed')) });
    el = await mount({ activity: 'act-zwem', lang: 'ar' });
    eq($(el, '.root')!.getAttribute('dir'), 'rtl');
    eq($(el, '.root')!.getAttribute('lang'), 'ar');
    const startAr = $<HTMLButtonElement>(el, 'button.primary')!.textContent!.trim();
    el.setAttribute('lang', 'fr');
    await settle(el);
    eq($(el, '.root')!.getAttribute('lang'), 'fr');
    eq($(el, '.root')!.getAttribute('dir'), 'ltr');
    assert($<HTMLButtonElement>(el, 'button.primary')!.textContent!.trim() !== startAr);
    // The switch inside the widget.
    const select = $<HTMLSelectElement>(el, 'select')!;
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    eq($(el, '.root')!.getAttribute('lang'), 'en');
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await settle(el);
    await type(el, 'child-0-firstName', 'Amira');
    await type(el, 'child-0-birthYear', '2017');
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await settle(el);
    await type(el, 'contact-name', 'Fatima');
    await type(el, 'contact-email', 'fatima@voorbeeld.be');
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await settle(el);
    eq((calls.find((c) => c.method === 'POST')!.body as { language: string }).language, 'en');
  });

  it('without a lang attribute, navigator.language picks the default', async () => {
    withActivity();
    el = await mount({ activity: 'act-zwem' });
    const expected = ['nl', 'fr', 'en', 'ar', 'tr', 'uk'].includes(navigator.language.slice(0, 2)) ? navigator.language.slice(0, 2) : 'nl';
    eq($(el, '.root')!.getAttribute('lang'), expected);
  });
});

