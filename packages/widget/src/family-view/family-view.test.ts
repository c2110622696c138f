import { $, $$, assert, button, click, eq, heading, includes, json, mount, offered, stubFetch, text, until, view } from '../testing/helpers.js';
import type { InstapRegistration } from '../registration/registration.js';

let el: InstapRegistration | undefined;
const posts = (calls: { method: string; url: string }[]) => calls.filter((c) => c.method === 'POST').map((c) => new URL(c.url).pathname);

describe('a waiting-list offer in the family\'s own view', () => {
  it('says there is a place, the deadline in Brussels time, the price; "Ja" accepts', async () => {
    const calls = stubFetch({ 'GET /registrations/t': () => json(200, offered()), 'POST /offers/off-1/accept': () => json(200, view('confirmed')) });
    el = await mount({ token: 't', lang: 'nl' });
    eq(heading(el), 'Er is een plaats vrij voor Amira en Noor!');
    includes(text(el), 'Zeg ja voor maandag 2 maart om 18 uur.'); // 17:00 UTC is 18:00 in Brussels
    includes(text(el), 'Je betaalt € 16 voor 2 kinderen.');
    await click(el, 'Ja, ik neem de plaats');
    eq(posts(calls), ['/api/v1/offers/off-1/accept']);
    assert(calls[1].headers['idempotency-key'], 'an Idempotency-Key');
    eq(heading(el), 'De plaats is voor jou');
    includes(text(el), 'Je plaats is zeker.');
    eq(el.shadowRoot!.activeElement, $(el, '[data-heading]'));
  });

  it('no deadline yet: "We bellen je hierover."', async () => {
    stubFetch({ 'GET /registrations/t': () => json(200, offered(null)) });
    el = await mount({ token: 't', lang: 'nl' });
    includes(text(el), 'We bellen je hierover.');
  });

  it('"Nee" asks first, and only then declines', async () => {
    const calls = stubFetch({ 'GET /registrations/t': () => json(200, offered()), 'POST /offers/off-1/decline': () => json(200, view('cancelled')) });
    el = await mount({ token: 't', lang: 'nl' });
    await click(el, 'Nee, geef de plaats door');
    eq(heading(el), 'Wil je de plaats doorgeven?');
    eq(posts(calls), []);
    await click(el, 'Nee, ga terug');
    eq(heading(el), 'Er is een plaats vrij voor Amira en Noor!');
    await click(el, 'Nee, geef de plaats door');
    await click(el, 'Ja, geef de plaats door');
    eq(posts(calls), ['/api/v1/offers/off-1/decline']);
    eq(heading(el), 'Je hebt de plaats doorgegeven');
  });

  for (const [code, status, words] of [
    ['offer_expired', 409, 'Deze plaats is niet meer vrij. Bel ons als je nog een plaats wil.'],
    ['offer_used', 409, 'Je hebt al geantwoord op deze plaats.'],
    ['offer_not_found', 404, 'We vinden deze plaats niet meer.'],
  ] as const)
    it(`${code}: a calm message with the phone, and no more buttons to answer`, async () => {
      stubFetch({ 'GET /registrations/t': () => json(200, offered()), 'POST /offers/off-1/accept': () => json(status, { error: { code, message: 'x' } }) });
      el = await mount({ token: 't', lang: 'nl' });
      await click(el, 'Ja, ik neem de plaats');
      includes($(el, '.notice')!.innerText, words);
      eq($(el, '.notice a.tel')!.getAttribute('href'), 'tel:056278000');
      eq(el.shadowRoot!.activeElement, $(el, '.notice'));
      assert(!$$(el, 'button').some((b) => b.textContent!.includes('ik neem de plaats')), 'no accept button left');
    });

  it('a lost connection keeps the question and retries the same answer with the same key', async () => {
    let fail = true;
    const calls = stubFetch({ 'GET /registrations/t': () => json(200, offered()), 'POST /offers/off-1/accept': () => (fail ? 'network-error' : json(200, view('confirmed'))) });
    el = await mount({ token: 't', lang: 'nl' });
    await click(el, 'Ja, ik neem de plaats');
    includes(text(el), 'Het versturen lukt niet');
    fail = false;
    await click(el, 'Probeer opnieuw');
    const keys = calls.filter((c) => c.method === 'POST').map((c) => c.headers['idempotency-key']);
    eq(keys.length, 2);
    eq(keys[0], keys[1]);
    eq(heading(el), 'De plaats is voor jou');
  });
});

describe('other states in the family\'s own view', () => {
  it('lottery: the draw date, "you do not have to be first", and the public draw page', async () => {
    const v = { ...view('lottery'), drawId: '3f9a12c7e0b4' };
    v.activity.registration = { ...v.activity.registration, mode: 'lottery', drawAt: '2026-03-12T09:00:00Z', phase: 'lottery' };
    stubFetch({ 'GET /registrations/t': () => json(200, v) });
    el = await mount({ token: 't', lang: 'nl', 'api-base': 'https://instap.example' });
    includes(text(el), 'Je hoeft niet de eerste te zijn. Op donderdag 12 maart loten we.');
    const link = $$<HTMLAnchorElement>(el, 'a').find((a) => a.textContent!.trim() === 'Bekijk hoe we loten')!;
    eq(link.href, 'https://instap.example/loting/act-zwem');
    // The family's code in the public list, isolated so it reads left to right in Arabic too.
    includes(text(el), 'Je code in de loting: 3f9a12c7e0b4');
    eq($$(el, 'bdi code').map((c) => c.textContent), ['3f9a12c7e0b4']);
  });

  it('after the draw: the code and the draw page stay, so the family finds its line', async () => {
    const v = { ...view('waitlisted'), waitlistPosition: 3, drawId: '3f9a12c7e0b4' };
    v.activity.registration = { ...v.activity.registration, mode: 'lottery', drawAt: '2026-03-12T09:00:00Z', phase: 'first-come' };
    stubFetch({ 'GET /registrations/t': () => json(200, v) });
    el = await mount({ token: 't', lang: 'nl' });
    includes(text(el), 'Je code in de loting: 3f9a12c7e0b4');
    eq($$(el, 'bdi code').length, 1);
  });

  it('waitlisted: the position', async () => {
    stubFetch({ 'GET /registrations/t': () => json(200, { ...view('waitlisted'), waitlistPosition: 2 }) });
    el = await mount({ token: 't', lang: 'nl' });
    includes(text(el), 'Je bent nummer 2 op de wachtlijst.');
  });

  it('kansenpas not confirmed: plain words, the normal price, a phone; the registration stays', async () => {
    const v = { ...view('confirmed'), kanspasCheck: 'not-valid' as const };
    v.price = { ...v.price, tariff: 'standard', totalCents: 8000 };
    stubFetch({ 'GET /registrations/t': () => json(200, v) });
    el = await mount({ token: 't', lang: 'nl' });
    includes(text(el), 'We konden je kansenpas niet bevestigen. Je inschrijving blijft. Je betaalt vanaf nu het gewone tarief: € 80.');
    includes(text(el), 'Vragen? Bel Sportdienst Kortrijk.');
    button(el, 'Annuleer de inschrijving');
  });

  it('UiTPAS\'s own price and message, per child, as text; only for the child UiTPAS answered for', async () => {
    const v = view('confirmed');
    v.children = [
      { ...v.children[0], uitpas: { priceCents: 300, message: 'Je kansentarief is <b>€ 3</b>. Nog 2 keer dit jaar.' } },
      v.children[1],
    ];
    stubFetch({ 'GET /registrations/t': () => json(200, v) });
    el = await mount({ token: 't', lang: 'nl' });
    const notes = $$(el, 'li .uitpas');
    eq(notes.length, 1);
    includes(notes[0].closest('li')!.textContent!, 'Amira, geboren in 2017');
    includes(text(el), 'Met de UiTPAS van Amira betaal je € 3.');
    includes(text(el), 'UiTPAS zegt: Je kansentarief is <b>€ 3</b>. Nog 2 keer dit jaar.');
    // UiTPAS's words stay text: no element comes from them, and they are marked as Dutch.
    eq($$(el, '.uitpas b').length, 0);
    eq($(el, '.uitpas q')!.getAttribute('lang'), 'nl');
    assert(!text(el).includes('Met de UiTPAS van Noor'), 'nothing for Noor');
  });

  it('UiTPAS\'s message without a price: only the message', async () => {
    const v = view('confirmed');
    v.children = [{ ...v.children[0], uitpas: { priceCents: null, message: 'Deze pas is vervallen.' } }];
    stubFetch({ 'GET /registrations/t': () => json(200, v) });
    el = await mount({ token: 't', lang: 'nl' });
    includes(text(el), 'Deze pas is vervallen.');
    assert(!text(el).includes('betaal je € '), 'no UiTPAS price line');
  });

  it('UiTPAS\'s price in Arabic: the amount is isolated left to right', async () => {
    const v = { ...view('confirmed'), language: 'ar' as const };
    v.children = [{ ...v.children[0], uitpas: { priceCents: 300, message: null } }];
    stubFetch({ 'GET /registrations/t': () => json(200, v) });
    el = await mount({ token: 't' });
    await until(el, () => $(el!, '.uitpas p')?.textContent?.includes('UiTPAS الخاصة') ?? false, 'Arabic');
    const line = $(el, '.uitpas p')!.textContent!;
    includes(line, 'مع بطاقة UiTPAS الخاصة بـ Amira تدفع');
    assert(/\u2066[^\u2069]*3[^\u2069]*\u2069/.test(line), `isolated amount in ${JSON.stringify(line)}`);
  });

  it('speaks the language the registration was made in', async () => {
    stubFetch({ 'GET /registrations/t': () => json(200, { ...offered(), language: 'ar' }) });
    el = await mount({ token: 't' });
    await until(el, () => $(el!, '.root')!.getAttribute('dir') === 'rtl' && heading(el!).startsWith('هناك'), 'Arabic');
    eq(heading(el), 'هناك مكان فارغ لـ Amira وNoor!');
  });
});

describe('the family\'s own view (token)', () => {
  it('shows the registration and cancels only after a confirmation step', async () => {
    const calls = stubFetch({
      'GET /registrations/tok-secret-123': () => json(200, view()),
      'POST /registrations/tok-secret-123/cancel': () => json(200, view('cancelled')),
    });
    el = await mount({ token: 'tok-secret-123' });
    eq(heading(el), 'Je inschrijving voor Zwemles voor kinderen');
    includes(text(el), 'Je plaats is zeker.');
    includes(text(el), 'Noor, geboren in 2019');
    await click(el, 'Annuleer de inschrijving');
    eq(heading(el), 'Wil je de inschrijving van Amira en Noor annuleren?');
    eq(calls.filter((c) => c.method === 'POST').length, 0);
    await click(el, 'Nee, ga terug');
    await click(el, 'Annuleer de inschrijving');
    await click(el, 'Ja, annuleer');
    eq(heading(el), 'Je inschrijving is geannuleerd');
    eq(calls.filter((c) => c.method === 'POST').length, 1);
  });

  it('an unknown token: a plain message', async () => {
    stubFetch({ 'GET /registrations/nope': () => json(404, { error: { code: 'registration_not_found', message: '' } }) });
    el = await mount({ token: 'nope', lang: 'nl' });
    eq(heading(el), 'We vinden deze inschrijving niet.');
  });
});
