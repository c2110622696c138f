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
  withActivity,
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

  it('theming through custom properties and ::part', async () => {
    const style = document.createElement('style');
    style.textContent = `instap-registration { --instap-color-primary: rgb(0, 102, 51); } instap-registration::part(heading) { text-transform: uppercase; }`;
    document.head.append(style);
    try {
      withActivity();
      el = await mount();
      eq(getComputedStyle($(el, 'button.primary')!).backgroundColor, 'rgb(0, 102, 51)');
      eq(getComputedStyle($(el, '[data-heading]')!).textTransform, 'uppercase');
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
      const check = (where: string) => {
        const r = $(el!, '.root')!;
        assert(r.scrollWidth <= r.clientWidth, `${where}: root ${r.scrollWidth} > ${r.clientWidth}`);
        assert(document.documentElement.scrollWidth <= 320, `${where}: page ${document.documentElement.scrollWidth} > 320`);
      };
      check('activity');
      for (const step of ['children', 'contact', 'kanspas', 'check'] as const) {
        localStorage.clear();
        el.remove();
        el = await mount();
        await fillTo(el, step, ['Amira', 'Noor']);
        check(step);
      }
      await click(el, 'Schrijf Amira en Noor in');
      check('result');
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
