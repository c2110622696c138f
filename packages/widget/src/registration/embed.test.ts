// Living on a page we do not control: hostile CSS, theming, a second script tag, 320px.
import {
  $,
  $$,
  activity,
  assert,
  click,
  created,
  eq,
  fillTo,
  json,
  mount,
  setViewport,
  settle,
  type,
  until,
  withActivity,
  forget,
} from '../testing/helpers.js';
import type { InstapRegistration } from './registration.js';

let el: InstapRegistration | undefined;
describe('embedding anywhere', () => {
  it('survives hostile page CSS: buttons stay visible inside the shadow root', async () => {
    const style = document.createElement('style');
    style.textContent = `* { font-size: 30px !important; } button { display: none !important; } input { display: none; }
      *, *::before, *::after { box-sizing: content-box; margin: 0; padding: 0; border: 0; } body { color: red; line-height: 0; text-align: right; letter-spacing: 5px; }
      h2 { display: none; } a { color: red; pointer-events: none; }`;
    document.head.append(style);
    try {
      withActivity();
      el = await mount();
      const start = $<HTMLButtonElement>(el, 'button.primary')!;
      const cs = getComputedStyle(start);
      assert(cs.display !== 'none' && cs.visibility === 'visible', 'start button visible');
      assert(start.getBoundingClientRect().height >= 44, 'start button at least 44px');
      const root = getComputedStyle($(el, '.root')!);
      eq(root.color, 'rgb(27, 27, 27)');
      eq(root.letterSpacing, 'normal');
      await click(el, 'Schrijf in');
      assert(getComputedStyle($(el, 'input')!).display !== 'none', 'inputs visible');
      assert(getComputedStyle($(el, 'h2')!).display !== 'none', 'heading visible');
    } finally {
      style.remove();
    }
  });

  it("looks and works the same on a page with Bootstrap's CSS and a hostile theme", async () => {
    withActivity(activity(), { 'POST /activities/act-zwem/registrations': () => json(201, created('confirmed')) });
    /** What a family sees of the widget: the computed looks of its main parts, on each step. */
    const looks = async () => {
      const seen: string[] = [];
      const note = (step: string) => {
        for (const sel of ['.root', '[data-heading]', 'p', 'button.primary', 'input', 'label', '.help button'])
          for (const e of $$(el!, sel).slice(0, 1)) {
            const cs = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            const box = `${Math.round(r.width)}x${Math.round(r.height)}`;
            seen.push(`${step} ${sel}: ${cs.fontSize} ${cs.fontFamily} ${cs.lineHeight} ${cs.color} ${cs.backgroundColor} ${cs.display} ${cs.padding} ${cs.margin} ${box}`);
          }
      };
      el = await mount();
      note('activity');
      await click(el, 'Schrijf in');
      await type(el, 'child-0-firstName', 'Amira');
      await type(el, 'child-0-birthYear', '2017');
      note('children');
      await click(el, 'Doorgaan');
      await type(el, 'contact-name', 'Fatima');
      await type(el, 'contact-phone', '0470 12 34 56');
      note('contact');
      await click(el, 'Doorgaan');
      $<HTMLInputElement>(el, '#kanspas')!.click();
      await settle(el);
      note('kanspas');
      await click(el, 'Doorgaan');
      note('check');
      await click(el, 'Schrijf Amira in');
      note('result');
      eq($(el, '[data-heading]')!.textContent!.trim(), 'Amira is ingeschreven');
      el.remove();
      forget();
      return seen;
    };
    const plain = await looks();

    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/packages/widget/node_modules/bootstrap/dist/css/bootstrap.min.css';
    const loaded = new Promise((ok, fail) => ((link.onload = ok), (link.onerror = fail)));
    const theme = document.createElement('style');
    theme.textContent = `* { font-size: 30px !important; } button { display: none !important; } input { display: none; }
      body { color: red; line-height: 0; text-align: right; letter-spacing: 5px; font-family: serif; }`;
    document.head.append(link, theme);
    try {
      await loaded;
      assert(getComputedStyle(document.body).getPropertyValue('--bs-body-font-size'), "Bootstrap's CSS is on the page");
      const withBootstrap = await looks();
      eq(withBootstrap.length, plain.length);
      for (let i = 0; i < plain.length; i++) eq(withBootstrap[i], plain[i]);
    } finally {
      link.remove();
      theme.remove();
    }
  });

  it('theming through custom properties and ::part', async () => {
    const style = document.createElement('style');
    style.textContent = `instap-registration { --instap-color-primary: rgb(0, 102, 51); --instap-font-size: 20px; --instap-font-family: serif; } instap-registration::part(heading) { text-transform: uppercase; }`;
    document.head.append(style);
    try {
      withActivity();
      el = await mount();
      eq(getComputedStyle($(el, 'button.primary')!).backgroundColor, 'rgb(0, 102, 51)');
      eq(getComputedStyle($(el, '[data-heading]')!).textTransform, 'uppercase');
      eq(getComputedStyle($(el, '.root')!).fontSize, '20px');
      eq(getComputedStyle($(el, '.root')!).fontFamily, 'serif');
    } finally {
      style.remove();
    }
  });

  it('loading the script twice is harmless', async () => {
    const first = customElements.get('instap-registration');
    // @ts-expect-error the query makes the browser evaluate the entry a second time, like a second script tag
    await import('../index.js?again');
    eq(customElements.get('instap-registration'), first);
  });

  it('reflows at 320px wide without horizontal scrolling, on every step', async () => {
    await setViewport(320, 640);
    try {
      withActivity(activity({ title: 'Zwemlessen-voor-kinderen-met-een-heel-lange-naam-zonder-spaties' }), {
        'POST /activities/act-zwem/registrations': () => json(201, created('confirmed')),
      });
      el = await mount();
      const fits = (where: string) => {
        const r = $(el!, '.root')!;
        assert(r.scrollWidth <= r.clientWidth, `${where}: root ${r.scrollWidth} > ${r.clientWidth}`);
        assert(document.documentElement.scrollWidth <= 320, `${where}: page ${document.documentElement.scrollWidth} > 320`);
      };
      // In Dutch, and in Arabic (right to left, other words) on the same step.
      const check = async (where: string) => {
        fits(where);
        el!.setAttribute('lang', 'ar');
        await until(el!, () => $(el!, '.root')!.dir === 'rtl', 'Arabic');
        fits(`${where} (ar)`);
        el!.setAttribute('lang', 'nl');
        await until(el!, () => $(el!, '.root')!.dir === 'ltr', 'Dutch');
      };
      await check('activity');
      for (const step of ['children', 'contact', 'kanspas', 'check'] as const) {
        forget();
        el.remove();
        el = await mount();
        await fillTo(el, step, ['Amira', 'Noor']);
        await check(step);
      }
      await click(el, 'Schrijf Amira en Noor in');
      await check('result');
    } finally {
      await setViewport(800, 600);
    }
  });

  it('every button and link is at least 24px (most 44px)', async () => {
    withActivity();
    el = await mount();
    await fillTo(el, 'check', ['Amira', 'Noor']);
    for (const t of $$(el, 'button, select, input, .error-summary a')) {
      const r = t.getBoundingClientRect();
      assert(r.height >= 24 && r.width >= 24, `${t.outerHTML.slice(0, 60)} is ${r.width}x${r.height}`);
    }
  });
});
