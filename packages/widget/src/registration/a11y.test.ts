/**
 * axe-core in real Chromium on every step, in Dutch and in Arabic (right to left), with the
 * WCAG 2.2 AA tags and `target-size` on. Automated checks find a third of the problems, so the
 * keyboard test below walks the flow with real key presses.
 */
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { $, activity, click, created, eq, fillTo, forget, json, lottery, mount, press, settle, stubFetch, typeKeys, view } from '../testing/helpers.js';
import type { InstapRegistration } from './registration.js';

const axe = (window as unknown as { axe: { run(ctx: Element, o: RunOptions): Promise<AxeResults> } }).axe;
const options: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
};

async function noViolations(el: InstapRegistration, where: string) {
  const res = await axe.run(el, options);
  const v = res.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (v.length) throw new Error(`${where}:\n${v.join('\n')}`);
  if (!res.passes.length) throw new Error(`${where}: axe saw nothing`);
}

describe('the axe check itself', () => {
  it('sees inside the shadow root (an unlabelled input is caught)', async () => {
    stubFetch({ 'GET /activities/act-zwem': () => json(200, activity()) });
    const el = await mount();
    try {
      $(el, '.content')!.append(document.createElement('input'));
      const res = await axe.run(el, options);
      eq(res.violations.some((v) => v.id === 'label'), true);
    } finally {
      el.remove();
    }
  });
});

for (const lang of ['nl', 'ar']) {
  describe(`accessibility (${lang})`, () => {
    const steps = async (a = activity(), status: 'confirmed' | 'waitlisted' | 'lottery' = 'confirmed') => {
      stubFetch({ 'GET /activities/act-zwem': () => json(200, a), 'POST /activities/act-zwem/registrations': () => json(201, created(status, 2)) });
      const el = await mount({ activity: 'act-zwem', lang });
      return el;
    };
    const next = async (el: InstapRegistration) => {
      $<HTMLButtonElement>(el, 'button.primary')!.click();
      await settle(el);
    };
    const fill = async (el: InstapRegistration, id: string, v: string) => {
      const i = $<HTMLInputElement>(el, `#${id}`)!;
      i.value = v;
      i.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };

    it('every step, with errors and the help open', async () => {
      const el = await steps();
      try {
        await noViolations(el, 'activity');
        $<HTMLButtonElement>(el, '.help button')!.click();
        await settle(el);
        await noViolations(el, 'activity + help');
        await next(el);
        await noViolations(el, 'children');
        await next(el);
        await noViolations(el, 'children with errors');
        $$click(el, 'fieldset ~ button.secondary');
        await settle(el);
        await fill(el, 'child-0-firstName', 'Amira');
        await fill(el, 'child-0-birthYear', '2017');
        await fill(el, 'child-1-firstName', 'Noor');
        await fill(el, 'child-1-birthYear', '2019');
        await noViolations(el, 'two children');
        await next(el);
        await next(el);
        await noViolations(el, 'contact with errors');
        await fill(el, 'contact-name', 'Fatima');
        await fill(el, 'contact-phone', '0470 12 34 56');
        await next(el);
        await noViolations(el, 'kansenpas');
        await next(el);
        await noViolations(el, 'check');
        await next(el);
        await noViolations(el, 'result');
      } finally {
        el.remove();
      }
    });

    it('activity variants and other results', async () => {
      for (const [a, status] of [
        [lottery(), 'lottery'],
        [activity({ placesLeft: 0, reservedPlacesLeft: 0 }), 'waitlisted'],
      ] as const) {
        const el = await steps(a, status);
        try {
          await noViolations(el, `activity ${status}`);
          for (let i = 0; i < 5; i++) {
            if (i === 1) {
              await fill(el, 'child-0-firstName', 'Amira');
              await fill(el, 'child-0-birthYear', '2017');
            }
            if (i === 2) {
              await fill(el, 'contact-name', 'Fatima');
              await fill(el, 'contact-email', 'f@voorbeeld.be');
            }
            await next(el);
          }
          await noViolations(el, `result ${status}`);
        } finally {
          el.remove();
          forget(); // the kept result belongs to that registration only
        }
      }
      for (const phase of ['closed', 'not-open', 'awaiting-draw'] as const) {
        const a = lottery();
        a.registration.phase = phase;
        const el = await steps(a);
        await noViolations(el, phase);
        el.remove();
      }
    });

    it('refusals from the server: errors on fields, and a general problem', async () => {
      const issue = { path: 'contact.phone', message: 'x', code: 'phone-format' };
      for (const [name, answer] of [
        ['field errors', json(422, { error: { code: 'validation_failed', message: 'x', issues: [issue] } })],
        ['general problem', json(418, { error: { code: 'teapot', message: 'x' } })],
      ] as const) {
        stubFetch({ 'GET /activities/act-zwem': () => json(200, activity()), 'POST /activities/act-zwem/registrations': () => answer.clone() });
        const el = await mount({ activity: 'act-zwem', lang: 'nl' });
        await fillTo(el, 'check');
        el.setAttribute('lang', lang);
        await settle(el);
        await next(el);
        await noViolations(el, name);
        el.remove();
        forget();
      }
    });

    it('network failure and the family\'s own view', async () => {
      stubFetch({ 'GET /activities/act-zwem': () => json(200, activity()), 'POST /activities/act-zwem/registrations': () => 'network-error' });
      let el = await mount({ activity: 'act-zwem', lang: 'nl' });
      await fillTo(el, 'check');
      await click(el, /^Schrijf/);
      el.setAttribute('lang', lang);
      await settle(el);
      await noViolations(el, 'network failure');
      el.remove();
      stubFetch({ 'GET /registrations/t': () => json(200, view()), 'POST /registrations/t/cancel': () => json(200, view('cancelled')) });
      el = await mount({ token: 't', lang });
      await noViolations(el, 'own view');
      await next(el);
      await noViolations(el, 'cancel question');
      el.remove();
    });
  });
}

function $$click(el: InstapRegistration, sel: string) {
  $<HTMLButtonElement>(el, sel)!.click();
}

describe('keyboard alone', () => {
  it('registers a child with Tab, typing, Enter and Space', async () => {
    const calls = stubFetch({
      'GET /activities/act-zwem': () => json(200, activity()),
      'POST /activities/act-zwem/registrations': () => json(201, created('confirmed')),
    });
    const el = await mount();
    try {
      const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
      const tabTo = async (pred: (e: HTMLElement) => boolean, max = 40) => {
        for (let i = 0; i < max; i++) {
          await press('Tab');
          if (active() && pred(active()!)) return;
        }
        throw new Error(`Tab never reached the target; at ${active()?.outerHTML.slice(0, 80)}`);
      };
      const isPrimary = (e: HTMLElement) => e.classList.contains('primary');
      await tabTo(isPrimary);
      await press('Enter');
      await settle(el);
      eq(active(), $(el, '[data-heading]'));
      await tabTo((e) => e.id === 'child-0-firstName');
      await typeKeys('Amira');
      await press('Tab');
      await typeKeys('2017');
      await press('Enter'); // Enter in a field = Doorgaan
      await settle(el);
      await tabTo((e) => e.id === 'contact-name');
      await typeKeys('Fatima');
      await press('Tab');
      await typeKeys('0470123456');
      await press('Enter');
      await settle(el);
      await tabTo((e) => e.id === 'kanspas');
      await press('Space');
      await tabTo(isPrimary);
      await press('Enter');
      await settle(el);
      await tabTo(isPrimary);
      await press('Enter');
      await settle(el, 10);
      const body = calls.find((c) => c.method === 'POST')!.body as { kanspas: boolean; contact: { phone: string } };
      eq(body.kanspas, true);
      eq(body.contact.phone, '0470123456');
      eq($(el, '[data-heading]')!.textContent!.trim(), 'Amira is ingeschreven');
    } finally {
      el.remove();
    }
  });
});
