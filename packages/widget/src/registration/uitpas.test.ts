// The optional UiTPAS number on the kansenpas step (organisation.uitpas): behaviour, plain Dutch, axe.
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { readability, READABILITY_TARGET, MAX_SENTENCE_WORDS } from '@instap/core/readability';
import { $, $$, activity, assert, click, created, eq, fillTo, heading, includes, json, mount, settle, stubFetch, text, type, forget, type Call } from '../testing/helpers.js';
import type { InstapRegistration } from './registration.js';

let el: InstapRegistration | undefined;
const uitpas = (on = true) => {
  const a = activity();
  return { ...a, organisation: { ...a.organisation, uitpas: on } };
};
const withActivity = (a = uitpas(), post: (c: Call) => Response = () => json(201, created('confirmed', 1, true))) =>
  stubFetch({ 'GET /activities/act-zwem': () => json(200, a), 'POST /activities/act-zwem/registrations': post });
const tick = async (e: InstapRegistration) => {
  $<HTMLInputElement>(e, '#kanspas')!.click();
  await settle(e);
};
const summary = (e: InstapRegistration) => $$(e, '.error-summary a').map((a) => a.textContent!.trim());
const posted = (calls: Call[]) => calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;

describe('the UiTPAS number on the kansenpas step', () => {
  it('is asked only when the organisation uses UiTPAS and the family ticked "Ja, ik heb een kansenpas"', async () => {
    withActivity(uitpas(false));
    el = await mount();
    await fillTo(el, 'kanspas');
    await tick(el);
    eq($(el, '#uitpas'), null);
    el.remove();
    forget();
    withActivity();
    el = await mount();
    await fillTo(el, 'kanspas');
    eq($(el, '#uitpas'), null);
    await tick(el);
    const input = $<HTMLInputElement>(el, '#uitpas')!;
    eq($(el, 'label[for=uitpas]')!.textContent!.trim(), 'Nummer van je UiTPAS (niet verplicht)');
    includes($(el, '#uitpas-hint')!.textContent!, 'Staat op je pas. 13 cijfers.');
    includes(input.getAttribute('aria-describedby')!, 'uitpas-hint');
    eq(input.required, false);
    eq(input.getAttribute('inputmode'), 'numeric');
    await tick(el);
    eq($(el, '#uitpas'), null);
  });

  it('is optional: left empty, Doorgaan goes on, the check says "Niet ingevuld" and nothing is sent', async () => {
    const calls = withActivity();
    el = await mount();
    await fillTo(el, 'kanspas');
    await tick(el);
    await click(el, 'Doorgaan');
    eq(heading(el), 'Kijk je antwoorden na');
    includes(text(el), 'Nummer van je pas\nNiet ingevuld');
    await click(el, 'Schrijf Amira in');
    eq(posted(calls).uitpasNumber, undefined);
    eq(posted(calls).kanspas, true);
  });

  it('checks only a filled-in number: 13 digits, spaces allowed', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'kanspas');
    await tick(el);
    for (const wrong of ['123', '12345 67890 12a', '12345678901234']) {
      await type(el, 'uitpas', wrong);
      await click(el, 'Doorgaan');
      eq(summary(el), ['Vul de 13 cijfers van je UiTPAS in, of laat het leeg.']);
      eq($(el, '#uitpas-error')!.textContent!.trim(), 'Vul de 13 cijfers van je UiTPAS in, of laat het leeg.');
      eq($(el, '#uitpas')!.getAttribute('aria-invalid'), 'true');
      eq(heading(el), 'Heb je een kansenpas?');
    }
    await type(el, 'uitpas', '1234 5678 90123');
    await click(el, 'Doorgaan');
    eq(heading(el), 'Kijk je antwoorden na');
  });

  it('sends the digits as uitpasNumber, shows them on the check with Wijzig', async () => {
    const calls = withActivity();
    el = await mount();
    await fillTo(el, 'kanspas');
    await tick(el);
    await type(el, 'uitpas', '1234 5678 90123');
    await click(el, 'Doorgaan');
    includes(text(el), 'Nummer van je pas\n1234567890123');
    await click(el, 'Wijzig Nummer van je pas');
    eq(heading(el), 'Heb je een kansenpas?');
    eq($<HTMLInputElement>(el, '#uitpas')!.value, '1234 5678 90123');
    await click(el, 'Doorgaan');
    eq(heading(el), 'Kijk je antwoorden na');
    await click(el, 'Schrijf Amira in');
    eq(posted(calls), {
      children: [{ firstName: 'Amira', birthYear: 2017 }],
      contact: { name: 'Fatima', phone: '0470 12 34 56' },
      kanspas: true,
      language: 'nl',
      uitpasNumber: '1234567890123',
    });
  });

  it('is not sent once the kansenpas is unticked', async () => {
    const calls = withActivity();
    el = await mount();
    await fillTo(el, 'kanspas');
    await tick(el);
    await type(el, 'uitpas', '1234567890123');
    await tick(el);
    await click(el, 'Doorgaan');
    assert(!text(el).includes('Nummer van je pas'), 'no pass number row without a kansenpas');
    await click(el, 'Schrijf Amira in');
    eq(posted(calls).uitpasNumber, undefined);
  });

  it('a 422 issue on uitpasNumber lands on the field', async () => {
    let n = 0;
    withActivity(uitpas(), () =>
      n++ === 0
        ? json(422, { error: { code: 'validation_failed', message: 'x', issues: [{ path: 'uitpasNumber', message: 'A UiTPAS number has 13 digits.', code: 'invalid_format' }] } })
        : json(201, created('confirmed', 1, true)),
    );
    el = await mount();
    await fillTo(el, 'kanspas');
    await tick(el);
    await type(el, 'uitpas', '1234567890123');
    await click(el, 'Doorgaan');
    await click(el, 'Schrijf Amira in');
    eq(heading(el), 'Heb je een kansenpas?');
    eq(summary(el), ['Vul de 13 cijfers van je UiTPAS in, of laat het leeg.']);
    eq(el.shadowRoot!.activeElement, $(el, '.error-summary'));
    await click(el, 'Doorgaan');
    eq(heading(el), 'Kijk je antwoorden na');
  });

  it('reads easily in Dutch, and explains UiTPAS wherever it says it: the step, its error, the check', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'kanspas', ['Amira', 'Noor']);
    await tick(el);
    for (const when of ['step', 'error', 'check']) {
      if (when === 'error') {
        await type(el, 'uitpas', '123');
        await click(el, 'Doorgaan');
      }
      if (when === 'check') {
        await type(el, 'uitpas', '1234 5678 9012 3');
        await click(el, 'Doorgaan');
        eq(heading(el), 'Kijk je antwoorden na');
      }
      const r = readability($(el, '.content')!.innerText);
      assert(r.words >= 15, `${when}: only ${r.words} words`);
      assert(r.score >= READABILITY_TARGET, `${when}: score ${r.score} ${JSON.stringify(r)}`);
      assert(r.longestSentenceWords <= MAX_SENTENCE_WORDS, `${when}: "${r.longestSentence}"`);
      eq(r.forbidden, [], when);
      eq(r.unexplained, [], when);
    }
  });

  for (const lang of ['nl', 'ar'])
    it(`has no axe violations (${lang}), with and without the error`, async () => {
      const axe = (window as unknown as { axe: { run(ctx: Element, o: RunOptions): Promise<AxeResults> } }).axe;
      const options: RunOptions = {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        rules: { 'target-size': { enabled: true } },
      };
      const check = async (where: string) => {
        const res = await axe.run(el!, options);
        const v = res.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        if (v.length) throw new Error(`${lang} ${where}:\n${v.join('\n')}`);
        assert(res.passes.length, 'axe saw nothing');
      };
      withActivity();
      el = await mount({ activity: 'act-zwem', lang });
      const next = async () => ($<HTMLButtonElement>(el!, 'button.primary')!.click(), await settle(el!));
      await next();
      await type(el, 'child-0-firstName', 'Amira');
      await type(el, 'child-0-birthYear', '2017');
      await next();
      await type(el, 'contact-name', 'Fatima');
      await type(el, 'contact-phone', '0470 12 34 56');
      await next();
      await tick(el);
      assert($(el, '#uitpas'), 'the field is there');
      eq($(el, '.root')!.getAttribute('lang'), lang);
      await check('kansenpas step');
      await type(el, 'uitpas', '12');
      await next();
      assert($(el, '#uitpas-error'), 'the error is there');
      await check('kansenpas step with error');
    });
});
