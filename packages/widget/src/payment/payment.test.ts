/**
 * How to pay, as the family sees it: on the confirmation and on its own page, in Dutch and in
 * Arabic; copy buttons with a visible "Gekopieerd", a fallback that selects the text, online
 * with a calm failure, nothing to pay while waiting, and 320 px with text at 200 %.
 */
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Payment, RegistrationCreated } from '@instap/core/schemas';
import { $, $$, activity, assert, click, created, eq, fillTo, forget, heading, includes, json, mount, press, setViewport, stubFetch, text, until, view, withActivity, everyWay } from '../testing/helpers.js';
import type { InstapRegistration } from '../registration/registration.js';
import { checkout } from './payment.js';

const axe = (window as unknown as { axe: { run(ctx: Element, o: RunOptions): Promise<AxeResults> } }).axe;
const axeOptions: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, rules: { 'target-size': { enabled: true } } };

const withPayment = (c: RegistrationCreated, p: Payment): RegistrationCreated => ({ ...c, payment: p });
const payBox = (el: InstapRegistration) => $(el, '.pay');
const shown = (el: InstapRegistration) => until(el, () => !!payBox(el) && !payBox(el)!.querySelector('[data-loading]'), 'the payment block');

/** Registers one child (kansenpas: € 8) and waits for the payment block on the result. */
async function registered(p: Payment, lang = 'nl') {
  withActivity(activity(), { 'POST /activities/act-zwem/registrations': () => json(201, withPayment(created('confirmed', 1, true), p)) });
  const el = await mount();
  await fillTo(el, 'check');
  $<HTMLButtonElement>(el, 'button.primary')!.click();
  await until(el, () => heading(el) !== 'Kijk je antwoorden na', 'the result');
  if (lang !== 'nl') {
    el.setAttribute('lang', lang);
    await until(el, () => $(el, '.root')!.lang === lang, lang);
  }
  await shown(el);
  return el;
}

describe('how to pay on the confirmation', () => {
  let writes: string[];
  let clipboardWorks = true;
  const realClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  beforeEach(() => {
    writes = [];
    clipboardWorks = true;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (t: string) => (clipboardWorks ? (writes.push(t), Promise.resolve()) : Promise.reject(new DOMException('denied', 'NotAllowedError'))) },
    });
  });
  afterEach(() => {
    delete (navigator as { clipboard?: unknown }).clipboard;
    if (realClipboard) Object.defineProperty(Navigator.prototype, 'clipboard', realClipboard);
  });

  it('the amount, the last day in Brussels, each way, and what to do when paying is hard', async () => {
    const el = await registered(everyWay());
    const t = payBox(el)!.innerText.replace(/[\u00a0\u202f]/g, ' ');
    includes(t, 'Je betaalt € 8.');
    includes(t, 'Betaal ten laatste op maandag 16 maart.');
    includes(t, 'Betaal nu online');
    includes(t, 'Met een overschrijving');
    includes(t, 'BE68 5390 0754 7034');
    includes(t, 'Sportdienst Kortrijk');
    includes(t, '+++090/9337/55493+++');
    includes(t, 'Elke woensdag van 14 tot 17 uur aan het onthaal.');
    includes(t, 'Is betalen moeilijk?');
    includes(t, 'Bel ons: we zoeken samen een oplossing.');
    eq($(el, '.pay a.tel')!.getAttribute('href'), 'tel:056278000');
    // The code is optional and the details stand beside it.
    const img = $<HTMLImageElement>(el, '.qr img')!;
    assert(img.src.endsWith('/api/v1/registrations/tok-secret-123/payment-qr.svg'), img.src);
    eq(img.alt, 'Code om te scannen met je bank-app');
    includes(t, 'Dat hoeft niet. De gegevens hierboven zijn genoeg.');
    assert(!text(el).includes('Je hoeft niets meer te doen'), 'no "nothing more to do" next to a price');
  });

  it('each copy button copies its detail and says "Gekopieerd" in a live region', async () => {
    const el = await registered(everyWay());
    const buttons = $$<HTMLButtonElement>(el, '.pay .row button');
    eq(buttons.map((b) => b.textContent!.replace(/\s+/g, ' ').trim()), ['Kopieer Rekeningnummer', 'Kopieer Op naam van', 'Kopieer Bedrag', 'Kopieer Mededeling']);
    await click(el, /Kopieer Rekeningnummer/);
    eq(writes, ['BE68539007547034']);
    const row = buttons[0].closest('.row')!;
    eq(row.querySelector('[role=status]')!.textContent!.trim(), 'Gekopieerd');
    await click(el, /Kopieer Mededeling/);
    eq(writes.at(-1), '+++090/9337/55493+++');
    eq(row.querySelector('[role=status]')!.textContent!.trim(), '', 'one confirmation at a time');
    await click(el, /Kopieer Bedrag/);
    eq(writes.at(-1), '8,00');
  });

  it('without the Clipboard API (an http page, a refusal) the text is selected, so the phone offers to copy it', async () => {
    clipboardWorks = false;
    const el = await registered(everyWay());
    await click(el, /Kopieer Mededeling/);
    eq(getSelection()!.toString().trim(), '+++090/9337/55493+++');
    includes($$(el, '.pay [role=status]').map((s) => s.textContent).join(' '), 'De tekst is aangeduid. Kopieer hem nu.');
  });

  it('"Betaal nu online" asks for a checkout with an Idempotency-Key and goes there', async () => {
    const went: string[] = [];
    const real = checkout.go;
    checkout.go = (u) => void went.push(u);
    try {
      let calls: { method: string; url: string; headers: Record<string, string> }[] = [];
      const el = await registered(everyWay());
      calls = stubFetch({ 'POST /registrations/tok-secret-123/payments': () => json(201, { checkoutUrl: 'https://www.mollie.com/checkout/select-method/7UhSN1zuXS', amountCents: 800 }) });
      await click(el, 'Betaal nu online');
      await until(el, () => went.length > 0, 'the checkout');
      eq(went, ['https://www.mollie.com/checkout/select-method/7UhSN1zuXS']);
      assert(calls[0].headers['idempotency-key'], 'an Idempotency-Key');
    } finally {
      checkout.go = real;
    }
  });

  it('online failing: a calm message, and the other ways stay', async () => {
    const el = await registered(everyWay());
    stubFetch({ 'POST /registrations/tok-secret-123/payments': () => json(503, { error: { code: 'online_payment_unavailable', message: 'Mollie is down' } }) });
    await click(el, 'Betaal nu online');
    await until(el, () => !!$(el, '.pay .notice'), 'the notice');
    eq($(el, '.pay .notice')!.textContent!.trim(), 'Online betalen lukt nu niet. Kies een andere manier hieronder.');
    eq(el.shadowRoot!.activeElement, $(el, '.pay .notice'));
    includes(payBox(el)!.innerText, 'BE68 5390 0754 7034');
  });

  for (const status of ['waitlisted', 'lottery'] as const)
    it(`${status}: "Je betaalt niets zolang je wacht", never a price to pay`, async () => {
      withActivity(activity(), { 'POST /activities/act-zwem/registrations': () => json(201, created(status, 1, true)) });
      const el = await mount();
      await fillTo(el, 'check');
      $<HTMLButtonElement>(el, 'button.primary')!.click();
      await until(el, () => heading(el) !== 'Kijk je antwoorden na', 'the result');
      await shown(el);
      includes(payBox(el)!.innerText, 'Je betaalt niets zolang je wacht.');
      assert(!/Je betaalt €/.test(text(el)), `no price to pay on: ${text(el)}`);
    });

  it('in Arabic: the IBAN, the amount and the communication are isolated left to right', async () => {
    const el = await registered(everyWay(), 'ar');
    eq($(el, '.root')!.dir, 'rtl');
    await until(el, () => payBox(el)!.innerText.includes('انسخ'), 'the Arabic texts');
    const ltr = $$(el, '.pay bdi[dir=ltr]').map((b) => b.textContent!.replace(/[\u00a0\u202f]/g, ' '));
    assert(ltr.includes('BE68 5390 0754 7034') && ltr.includes('+++090/9337/55493+++') && ltr.some((x) => x.includes('8')), ltr.join(' | '));
    includes(payBox(el)!.innerText, 'انسخ');
  });

  for (const lang of ['nl', 'ar'])
    it(`axe finds nothing, and the copy buttons are reachable by Tab with a visible focus (${lang})`, async () => {
      const el = await registered(everyWay(), lang);
      if (lang == 'ar') await until(el, () => payBox(el)!.innerText.includes('انسخ'), 'the Arabic texts');
      const res = await axe.run(el, axeOptions);
      eq(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
      const copy = $$<HTMLButtonElement>(el, '.pay .row button');
      const reached = new Set<Element>();
      for (let i = 0; i < 80 && reached.size < copy.length; i++) {
        await press('Tab');
        const a = el.shadowRoot!.activeElement;
        if (a && copy.includes(a as HTMLButtonElement)) {
          reached.add(a);
          const outline = getComputedStyle(a).outlineStyle;
          assert(outline !== 'none', `focus visible on ${a.textContent}`);
        }
      }
      eq(reached.size, copy.length, 'every copy button by Tab');
    });

  it('at 320 px with text at 200 %: no sideways scrolling, the IBAN wraps between its groups (nl and ar)', async () => {
    await setViewport(320, 640);
    try {
      for (const lang of ['nl', 'ar']) {
        const el = await registered(everyWay(), lang);
        if (lang == 'ar') await until(el, () => payBox(el)!.innerText.includes('انسخ'), 'the Arabic texts');
        el.style.setProperty('--instap-font-size', '36px');
        await el.updateComplete;
        const r = $(el, '.root')!;
        const right = r.getBoundingClientRect().right;
        const wide = [...r.querySelectorAll('*')].filter((x) => x.getBoundingClientRect().right > right + 1).map((x) => x.outerHTML.slice(0, 80));
        assert(!wide.length, `${lang}: wider than the widget: ${wide.join(' | ')}`);
        assert(r.scrollWidth <= r.clientWidth, `${lang}: root ${r.scrollWidth} > ${r.clientWidth}`);
        assert(document.documentElement.scrollWidth <= 320, `${lang}: page ${document.documentElement.scrollWidth} > 320`);
        // Each group of four stays whole: the line breaks fall between groups.
        const iban = $(el, '[data-copy=iban]')!;
        const range = document.createRange();
        range.selectNodeContents(iban);
        const lines = new Set([...range.getClientRects()].map((x) => Math.round(x.top)));
        assert(lines.size > 1, `${lang}: the IBAN wraps at this size`);
        const node = [...iban.querySelector('bdi')!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('BE68'))!;
        for (const group of ['BE68', '5390', '0754', '7034']) {
          const at = node.textContent!.indexOf(group);
          const g = document.createRange();
          g.setStart(node, at);
          g.setEnd(node, at + 4);
          eq(new Set([...g.getClientRects()].map((x) => Math.round(x.top))).size, 1, `${lang}: ${group} on one line`);
        }
        el.remove();
        forget();
      }
    } finally {
      await setViewport(800, 600);
    }
  });
});

describe("how to pay on the family's own page", () => {
  const own = async (p: Payment, status: 'confirmed' | 'waitlisted' = 'confirmed') => {
    stubFetch({ 'GET /registrations/t': () => json(200, { ...view(status), payment: p }) });
    const el = await mount({ token: 't', lang: 'nl' });
    await shown(el);
    return payBox(el)!.innerText.replace(/[\u00a0\u202f]/g, ' ');
  };

  it('paid: "Betaald, dank je."', async () => {
    const t = await own(everyWay({ status: 'paid', paidCents: 800, transfer: undefined, onlineUrl: undefined }));
    includes(t, 'Betaald, dank je.');
    assert(!t.includes('Rekeningnummer'), 'no transfer details once paid');
  });

  it('partly paid, in parts: what is paid, what is left and each part with its last day', async () => {
    const t = await own(
      everyWay({
        status: 'partly-paid',
        amountCents: 1600,
        paidCents: 800,
        instalments: [
          { dueAt: '2026-03-16T10:00:00.000Z', amountCents: 800, paid: true },
          { dueAt: '2026-04-15T10:00:00.000Z', amountCents: 800, paid: false },
        ],
      }),
    );
    includes(t, 'Je betaalde al € 8. Je betaalt nog € 8.');
    includes(t, 'Je betaalt in delen:');
    includes(t, '€ 8 ten laatste op woensdag 15 april');
  });

  it('waived: nothing to pay; a waiting family: nothing while it waits', async () => {
    includes(await own(everyWay({ status: 'waived', waived: true, transfer: undefined })), 'Je hoeft niets te betalen.');
    document.querySelector('instap-registration')!.remove();
    includes(await own(everyWay({ status: 'not-due', amountCents: 0, dueAt: null, transfer: undefined, onlineUrl: undefined }), 'waitlisted'), 'Je betaalt niets zolang je wacht.');
  });

  it('cancelled after paying: how much comes back', async () => {
    stubFetch({ 'GET /registrations/t': () => json(200, { ...view('cancelled'), payment: everyWay({ status: 'refund-due', amountCents: 0, paidCents: 800, refundCents: 800, transfer: undefined, onlineUrl: undefined }) }) });
    const el = await mount({ token: 't', lang: 'nl' });
    await shown(el);
    includes(payBox(el)!.innerText.replace(/[\u00a0\u202f]/g, ' '), 'Je krijgt € 8 terug. We storten het op je rekening.');
  });

  it('a third party that may pay is one of the ways', async () => {
    const t = await own(everyWay({ methods: ['third-party', 'desk'], transfer: undefined, onlineUrl: undefined }));
    includes(t, 'Iemand anders betaalt');
    includes(t, 'Dan hoef je zelf niets te betalen.');
  });
});
