import type { PublicActivity } from '@instap/core/schemas';
import { $, $$, activity, button, click, eq, heading, includes, json, lottery, mount, stubFetch, text, type, type Call } from '../testing/helpers.js';
import type { InstapRegistration } from '../registration/registration.js';

let el: InstapRegistration | undefined;
const inPhase = (p: PublicActivity['registration']['phase']) => {
  const a = lottery();
  a.registration.phase = p;
  return a;
};
const summary = (e: InstapRegistration) => $$(e, '.error-summary a').map((a) => a.textContent!.trim());

describe('"Laat me weten wanneer ik kan inschrijven"', () => {
  for (const p of ['not-open', 'closed', 'awaiting-draw'] as const)
    it(`${p}: offers the interest list`, async () => {
      stubFetch({ 'GET /activities/act-zwem': () => json(200, inPhase(p)) });
      el = await mount();
      button(el, 'Laat me weten wanneer ik kan inschrijven');
    });

  it('is not offered while registration is open', async () => {
    stubFetch({ 'GET /activities/act-zwem': () => json(200, activity()) });
    el = await mount();
    eq($$(el, 'button').some((b) => b.textContent!.includes('Laat me weten')), false);
  });

  it('asks name and phone or e-mail with the contact step\'s checks, then sends the contract body', async () => {
    const calls: Call[] = stubFetch({
      'GET /activities/act-zwem': () => json(200, inPhase('not-open')),
      'POST /activities/act-zwem/interest': () => json(201, { id: 'int-1' }),
    });
    el = await mount();
    await click(el, 'Laat me weten wanneer ik kan inschrijven');
    eq(heading(el), 'Hoe kunnen we je bereiken?');
    eq(el.shadowRoot!.activeElement, $(el, '[data-heading]'));
    await click(el, 'Laat het me weten');
    eq(summary(el), ['Vul je naam in.', 'Vul een telefoonnummer of een e-mailadres in.']);
    eq(el.shadowRoot!.activeElement, $(el, '.error-summary'));
    await type(el, 'interest-name', 'Fatima');
    await type(el, 'interest-email', 'fatima@');
    await click(el, 'Laat het me weten');
    eq(summary(el), ['Vul een e-mailadres in zoals naam@voorbeeld.be.']);
    await type(el, 'interest-email', 'fatima@voorbeeld.be');
    await click(el, 'Laat het me weten');
    const post = calls.find((c) => c.method === 'POST')!;
    eq(post.body, { name: 'Fatima', email: 'fatima@voorbeeld.be', language: 'nl' });
    eq(typeof post.headers['idempotency-key'], 'string');
    eq(heading(el), 'Je staat op de lijst');
    includes(text(el), 'We laten het je weten zodra je kan inschrijven.');
  });

  it('server issues land on the fields by path', async () => {
    stubFetch({
      'GET /activities/act-zwem': () => json(200, inPhase('closed')),
      'POST /activities/act-zwem/interest': () =>
        json(422, { error: { code: 'validation_failed', message: 'x', issues: [{ path: 'phone', message: 'x', code: 'phone-format' }] } }),
    });
    el = await mount();
    await click(el, 'Laat me weten wanneer ik kan inschrijven');
    await type(el, 'interest-name', 'Fatima');
    await type(el, 'interest-phone', '0470 12 34 56');
    await click(el, 'Laat het me weten');
    eq(summary(el), ['Vul een telefoonnummer in zoals 0470 12 34 56.']);
    eq($(el, '#interest-phone')!.getAttribute('aria-invalid'), 'true');
  });

  it('409 registration_open: loads the activity again, which now has the way in', async () => {
    let open = false;
    const calls = stubFetch({
      'GET /activities/act-zwem': () => json(200, open ? activity() : inPhase('not-open')),
      'POST /activities/act-zwem/interest': () => ((open = true), json(409, { error: { code: 'registration_open', message: 'x' } })),
    });
    el = await mount();
    await click(el, 'Laat me weten wanneer ik kan inschrijven');
    await type(el, 'interest-name', 'Fatima');
    await type(el, 'interest-phone', '0470 12 34 56');
    await click(el, 'Laat het me weten');
    eq(calls.filter((c) => c.method === 'GET').length, 2);
    button(el, 'Schrijf in');
  });
});
