// Sending a registration: the body, the result, and the server's refusals. Lost answers are in lost-answers.test.ts.
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
  settle,
  text,
  type,
  withActivity,
  forget,
} from '../testing/helpers.js';
import type { InstapRegistration } from './registration.js';

let el: InstapRegistration | undefined;
describe('sending', () => {
  it('posts the contract body with an Idempotency-Key, shows the result and clears the draft', async () => {
    const calls = withActivity(activity(), { 'POST /activities/act-zwem/registrations': () => json(201, created('confirmed', 2, true)) });
    el = await mount();
    await fillTo(el, 'kanspas', ['Amira', 'Noor']);
    $<HTMLInputElement>(el, '#kanspas')!.click();
    await click(el, 'Doorgaan');
    let fired: CustomEvent | undefined;
    document.addEventListener('instap-registered', (e) => (fired = e as CustomEvent), { once: true });
    await click(el, 'Schrijf Amira en Noor in');
    const post = calls.find((c) => c.method === 'POST')!;
    eq(post.body, {
      children: [
        { firstName: 'Amira', birthYear: 2017 },
        { firstName: 'Noor', birthYear: 2018 },
      ],
      contact: { name: 'Fatima', phone: '0470 12 34 56' },
      kanspas: true,
      language: 'nl',
    });
    eq(post.headers['content-type'], 'application/json');
    assert(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(post.headers['idempotency-key']), 'uuid key');
    eq(heading(el), 'Amira en Noor zijn ingeschreven');
    eq(el.shadowRoot!.activeElement, $(el, '[data-heading]'));
    const t = text(el);
    includes(t, 'De eerste keer is op zaterdag 14 maart om 10:00.');
    includes(t, 'Je betaalt € 16 voor 2 kinderen.');
    includes(t, 'Neem je kansenpas mee.');
    includes(t, 'Een zwembroek of badpak');
    eq($<HTMLAnchorElement>(el, 'a.private-link')!.href, `${location.origin}/r/tok-secret-123`);
    button(el, 'Zet in je agenda');
    assert(!$(el, 'img, canvas, svg'), 'never a QR code');
    eq(localStorage.getItem('instap:draft:act-zwem'), null);
    eq(fired?.detail, { id: 'reg-1', status: 'confirmed' });
  });

  it('the result survives a reload; "Schrijf nog iemand in" starts afresh with a new key', async () => {
    const calls = withActivity(activity(), { 'POST /activities/act-zwem/registrations': () => json(201, created('confirmed')) });
    el = await mount();
    await fillTo(el, 'check');
    await click(el, 'Schrijf Amira in');
    el.remove();
    el = await mount();
    eq(heading(el), 'Amira is ingeschreven');
    eq($<HTMLAnchorElement>(el, 'a.private-link')!.href, `${location.origin}/r/tok-secret-123`);
    await click(el, 'Schrijf nog iemand in');
    // The activity again, with its places as they are now, then an empty form.
    eq(heading(el), 'Zwemles voor kinderen');
    // (The proof-of-work challenge, fetched when the check opened, is not the activity.)
    eq(calls.filter((c) => c.method === 'GET' && !c.url.endsWith('/challenge')).length, 3);
    await click(el, 'Schrijf in');
    eq(heading(el), 'Wie schrijf je in?');
    eq($<HTMLInputElement>(el, '#child-0-firstName')!.value, '');
    await type(el, 'child-0-firstName', 'Noor');
    await type(el, 'child-0-birthYear', '2019');
    await click(el, 'Doorgaan');
    await type(el, 'contact-name', 'Fatima');
    await type(el, 'contact-phone', '0470 12 34 56');
    await click(el, 'Doorgaan');
    await click(el, 'Doorgaan');
    await click(el, 'Schrijf Noor in');
    const keys = calls.filter((c) => c.method === 'POST').map((c) => c.headers['idempotency-key']);
    eq(keys.length, 2);
    assert(keys[0] !== keys[1], 'a new key for a new registration');
    eq(heading(el), 'Noor is ingeschreven');
    // A new visit (another tab, another day) starts with the activity, not an old result.
    sessionStorage.clear();
    el.remove();
    el = await mount();
    eq(heading(el), 'Zwemles voor kinderen');
  });

  it('"Zet in je agenda" downloads an .ics with every session', async () => {
    withActivity(activity(), { 'POST /activities/act-zwem/registrations': () => json(201, created('confirmed')) });
    el = await mount();
    await fillTo(el, 'check');
    await click(el, 'Schrijf Amira in');
    let blob: Blob | undefined;
    const create = URL.createObjectURL;
    const anchorClick = HTMLAnchorElement.prototype.click;
    let download = '';
    URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), 'blob:test');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      download = this.download;
    };
    try {
      button(el, 'Zet in je agenda').click();
      for (let i = 0; i < 50 && !blob; i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = anchorClick;
    }
    const ics = await blob!.text();
    eq(ics.match(/BEGIN:VEVENT/g)!.length, 3);
    includes(ics, 'DTSTART:20260314T090000Z\r\n');
    includes(ics, 'SUMMARY:Zwemles voor kinderen\r\n');
    eq(download, 'Zwemles-voor-kinderen.ics');
  });

  it('waitlisted and lottery results say what happens next', async () => {
    withActivity(activity({ placesLeft: 0, reservedPlacesLeft: 0 }), { 'POST /activities/act-zwem/registrations': () => json(201, created('waitlisted')) });
    el = await mount();
    await fillTo(el, 'check');
    includes(text(el), 'Alle plaatsen zijn bezet. Je komt op de wachtlijst.');
    await click(el, 'Schrijf Amira in');
    eq(heading(el), 'Je staat op de wachtlijst');
    includes(text(el), 'Je bent nummer 3 op de wachtlijst.');
    el.remove();
    forget();
    withActivity(lottery(), { 'POST /activities/act-zwem/registrations': () => json(201, created('lottery')) });
    el = await mount();
    await fillTo(el, 'check');
    await click(el, 'Schrijf Amira in');
    eq(heading(el), 'Je doet mee aan de loting');
    includes(text(el), 'Op donderdag 12 maart loten we. Daarna laten we je weten of je een plaats hebt.');
  });

  it('digits from an Arabic keyboard are read and sent as 0–9', async () => {
    const calls = withActivity(activity(), { 'POST /activities/act-zwem/registrations': () => json(201, created('confirmed')) });
    el = await mount();
    await click(el, 'Schrijf in');
    await type(el, 'child-0-firstName', 'Amira');
    await type(el, 'child-0-birthYear', '٢٠١٧');
    await click(el, 'Doorgaan');
    eq(heading(el), 'Hoe kunnen we je bereiken?');
    await type(el, 'contact-name', 'Fatima');
    await type(el, 'contact-phone', '٠٤٧٠ ١٢ ٣٤ ٥٦');
    await click(el, 'Doorgaan');
    await click(el, 'Doorgaan');
    await click(el, 'Schrijf Amira in');
    const sent = calls.find((c) => c.method === 'POST')!.body as { children: { birthYear: number }[]; contact: { phone: string } };
    eq(sent.children[0].birthYear, 2017);
    eq(sent.contact.phone, '0470 12 34 56');
    eq(heading(el), 'Amira is ingeschreven');
  });

  it('a refusal from the server is worded in the family’s language', async () => {
    withActivity(activity(), {
      'POST /activities/act-zwem/registrations': () =>
        json(422, {
          error: {
            code: 'validation_failed',
            message: 'Some answers need a change.',
            issues: [{ path: 'contact.phone', message: 'Give a phone number with 9 to 15 digits.', code: 'phone-format' }],
          },
        }),
    });
    el = await mount();
    await fillTo(el, 'check');
    el.setAttribute('lang', 'fr');
    await settle(el);
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await settle(el);
    eq($$(el, '.error-summary a').map((a) => a.textContent!.trim()), ['Écrivez un numéro de téléphone comme 0470 12 34 56.']);
    eq($(el, '#contact-phone-error')!.textContent!.trim(), 'Écrivez un numéro de téléphone comme 0470 12 34 56.');
    eq(el.shadowRoot!.activeElement, $(el, '.error-summary'));
    // Back to Dutch: the server's refusal stays, in Dutch.
    el.setAttribute('lang', 'nl');
    await settle(el);
    eq($$(el, '.error-summary a').map((a) => a.textContent!.trim()), ['Vul een telefoonnummer in zoals 0470 12 34 56.']);
  });

  it('server issues land on the same fields with the same words, and a new key is used after', async () => {
    let n = 0;
    const calls = withActivity(activity(), {
      'POST /activities/act-zwem/registrations': () =>
        n++ === 0
          ? json(422, {
              error: {
                code: 'validation_failed',
                message: 'Some answers need a change.',
                issues: [
                  { path: 'children.0.birthYear', message: 'The birth year cannot be in the future.', code: 'year-in-future' },
                  { path: 'contact.phone', message: 'Give a phone number with 9 to 15 digits, like 0470 12 34 56.', code: 'phone-format' },
                ],
              },
            })
          : json(201, created('confirmed')),
    });
    el = await mount();
    await fillTo(el, 'check');
    await click(el, 'Schrijf Amira in');
    eq(heading(el), 'Wie schrijf je in?');
    eq($$(el, '.error-summary a').map((a) => a.textContent!.trim()), [
      'Dat jaar moet nog komen. Vul het geboortejaar in, zoals 2016.',
      'Vul een telefoonnummer in zoals 0470 12 34 56.',
    ]);
    eq($(el, '#child-0-birthYear-error')!.textContent!.trim(), 'Dat jaar moet nog komen. Vul het geboortejaar in, zoals 2016.');
    await click(el, 'Doorgaan');
    eq(heading(el), 'Kijk je antwoorden na');
    await click(el, 'Schrijf Amira in');
    const keys = calls.filter((c) => c.method === 'POST').map((c) => c.headers['idempotency-key']);
    assert(keys[0] !== keys[1], 'a corrected answer gets a fresh key');
  });

  it('server issue codes pick the words; zod\'s invalid_type and unknown codes fall back by field', async () => {
    const issues = [
      { path: 'children.0.firstName', message: 'x', code: 'too-long' },
      { path: 'children.0.birthYear', message: 'Expected number', code: 'invalid_type' },
      { path: 'contact.name', message: 'x', code: 'something-new' },
      { path: 'contact.phone', message: 'x', code: 'contact-missing' },
      { path: 'contact.email', message: 'x', code: 'whatever' },
    ];
    withActivity(activity(), { 'POST /activities/act-zwem/registrations': () => json(422, { error: { code: 'validation_failed', message: 'x', issues } }) });
    el = await mount();
    await fillTo(el, 'check');
    await click(el, 'Schrijf Amira in');
    eq($$(el, '.error-summary a').map((a) => a.textContent!.trim()), [
      'Een voornaam heeft hoogstens 80 letters.',
      'Vul het geboortejaar in met 4 cijfers, zoals 2016.',
      'Vul je naam in.',
      'Vul een telefoonnummer of een e-mailadres in.',
      'Vul een e-mailadres in zoals naam@voorbeeld.be.',
    ]);
  });

  for (const code of ['registration_closed', 'registration_awaiting_draw'])
    it(`closed while filling in (${code}): its own screen with the phone and focus on it, not an error`, async () => {
      withActivity(activity(), {
        'POST /activities/act-zwem/registrations': () => json(409, { error: { code, message: 'closed' } }),
      });
      el = await mount();
      await fillTo(el, 'check');
      await click(el, 'Schrijf Amira in');
      eq(heading(el), 'Inschrijven kan nu niet meer.');
      includes(text(el), 'Wil je toch meedoen? Bel Sportdienst Kortrijk.');
      assert($(el, 'a.tel'));
      eq(el.shadowRoot!.activeElement, $(el, '[data-heading]'), 'focus on the new heading');
    });

  it('an unknown code: a calm general message plus the phone', async () => {
    withActivity(activity(), {
      'POST /activities/act-zwem/registrations': () => json(418, { error: { code: 'teapot', message: 'I am a teapot' } }),
    });
    el = await mount();
    await fillTo(el, 'check');
    await click(el, 'Schrijf Amira in');
    includes(text(el), 'Er ging iets mis bij ons. Je antwoorden zijn bewaard.');
    assert(!text(el).includes('teapot'), 'no server jargon shown');
    assert($(el, '.notice a.tel'));
  });
});
