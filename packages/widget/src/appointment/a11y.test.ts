/**
 * axe-core (WCAG 2.2 AA tags, target-size on) on every new screen, in Dutch and in Arabic: the
 * appointment flow (standalone and inside the registration), the interest list and the family's
 * own view with an offer. Plus the appointment flow by keyboard alone.
 */
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import type { InstapElement } from '../element.js';
import type { PublicActivity } from '@instap/core/schemas';
import {
  $,
  AP,
  apOptions,
  eq,
  json,
  lottery,
  mount,
  mountAppointment,
  offered,
  press,
  settle,
  stubFetch,
  type,
  typeKeys,
  view,
} from '../testing/helpers.js';

const axe = (window as unknown as { axe: { run(ctx: Element, o: RunOptions): Promise<AxeResults> } }).axe;
const options: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
};
async function noViolations(el: Element, where: string) {
  const res = await axe.run(el, options);
  const v = res.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (v.length) throw new Error(`${where}:\n${v.join('\n')}`);
  if (!res.passes.length) throw new Error(`${where}: axe saw nothing`);
}
const primary = async (el: InstapElement) => {
  $<HTMLButtonElement>(el, 'button.primary')!.click();
  await settle(el);
};
const fill = async (el: InstapElement, id: string, v: string) => type(el, id, v);

for (const lang of ['nl', 'ar']) {
  describe(`accessibility of the new screens (${lang})`, () => {
    it('the appointment flow: every step, with errors, and the confirmation', async () => {
      stubFetch({
        [`GET ${AP}appointment-options`]: () => json(200, apOptions()),
        [`POST ${AP}appointments`]: () => json(201, { id: 'a', status: 'new', contactWithin: { workdays: 2, by: '2026-03-04' } }),
      });
      const el = await mountAppointment({ organisation: 'de-leie', lang });
      try {
        await noViolations(el, 'name');
        await primary(el);
        await noViolations(el, 'name with error');
        await fill(el, 'ap-name', 'Fatima');
        await primary(el);
        await primary(el);
        await noViolations(el, 'reach with error');
        await fill(el, 'ap-phone', '0470 12 34 56');
        await primary(el);
        await primary(el);
        await noViolations(el, 'when with error');
        $<HTMLInputElement>(el, '#ap-when-3')!.click();
        await primary(el);
        await noViolations(el, 'language');
        await primary(el);
        await noViolations(el, 'question');
        await primary(el);
        await noViolations(el, 'done');
      } finally {
        el.remove();
      }
    });

    it('the booking page screen and the too-many notice', async () => {
      stubFetch({ [`GET ${AP}appointment-options`]: () => json(200, apOptions({ bookingUrl: 'https://cal.example/x' })) });
      const open = window.open;
      window.open = () => null;
      let el = await mountAppointment({ organisation: 'de-leie', lang });
      try {
        await fill(el, 'ap-name', 'Fatima');
        await primary(el);
        await noViolations(el, 'booking');
      } finally {
        window.open = open;
        el.remove();
      }
      stubFetch({
        [`GET ${AP}appointment-options`]: () => json(200, apOptions()),
        [`POST ${AP}appointments`]: () => json(429, { error: { code: 'too_many_requests', message: 'x' } }),
      });
      el = await mountAppointment({ organisation: 'de-leie', lang });
      await fill(el, 'ap-name', 'Fatima');
      await primary(el);
      await fill(el, 'ap-email', 'f@voorbeeld.be');
      await primary(el);
      $<HTMLInputElement>(el, '#ap-when-0')!.click();
      await primary(el);
      await primary(el);
      await primary(el);
      await noViolations(el, 'too many');
      el.remove();
    });

    it('the interest list: form, errors, done; and help with the appointment inside the registration', async () => {
      const a: PublicActivity = lottery();
      a.registration.phase = 'closed';
      stubFetch({
        'GET /activities/act-zwem': () => json(200, a),
        'POST /activities/act-zwem/interest': () => json(201, { id: 'i' }),
        'GET /organisations/sportdienst-kortrijk/appointment-options': () => json(200, apOptions()),
      });
      const el = await mount({ activity: 'act-zwem', lang });
      try {
        $<HTMLButtonElement>(el, '.help button')!.click();
        await settle(el);
        await settle($(el, 'instap-appointment') as InstapElement);
        await noViolations(el, 'help with appointment');
        $<HTMLButtonElement>(el, '.content button.secondary')!.click();
        await settle(el);
        await noViolations(el, 'interest');
        await primary(el);
        await noViolations(el, 'interest with errors');
        await fill(el, 'interest-name', 'Fatima');
        await fill(el, 'interest-phone', '0470 12 34 56');
        await primary(el);
        await noViolations(el, 'interest done');
      } finally {
        el.remove();
      }
    });

    it('the family\'s own view: offer, decline question, offer gone, lottery, kansenpas not confirmed', async () => {
      stubFetch({ 'GET /registrations/t': () => json(200, offered()), 'POST /offers/off-1/accept': () => json(409, { error: { code: 'offer_expired', message: 'x' } }) });
      let el = await mount({ token: 't', lang });
      await noViolations(el, 'offer');
      $<HTMLButtonElement>(el, '.actions button.secondary')!.click();
      await settle(el);
      await noViolations(el, 'decline question');
      $<HTMLButtonElement>(el, '.actions button.secondary')!.click();
      await settle(el);
      await primary(el);
      await noViolations(el, 'offer expired');
      el.remove();
      const v = { ...view('lottery'), kanspasCheck: 'not-valid' as const };
      stubFetch({ 'GET /registrations/t': () => json(200, v) });
      el = await mount({ token: 't', lang });
      await noViolations(el, 'lottery, kansenpas not confirmed');
      el.remove();
    });
  });
}

describe('the appointment by keyboard alone', () => {
  it('Tab, typing, arrow keys and Enter reach the confirmation', async () => {
    const calls = stubFetch({
      [`GET ${AP}appointment-options`]: () => json(200, apOptions()),
      [`POST ${AP}appointments`]: () => json(201, { id: 'a', status: 'new', contactWithin: { workdays: 2, by: '2026-03-04' } }),
    });
    const el = await mountAppointment();
    try {
      const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
      const tabTo = async (pred: (e: HTMLElement) => boolean) => {
        for (let i = 0; i < 40; i++) {
          await press('Tab');
          if (active() && pred(active()!)) return;
        }
        throw new Error(`Tab never reached the target; at ${active()?.outerHTML.slice(0, 80)}`);
      };
      await tabTo((e) => e.id === 'ap-name');
      await typeKeys('Fatima');
      await press('Enter');
      await settle(el);
      await tabTo((e) => e.id === 'ap-phone');
      await typeKeys('0470123456');
      await press('Enter');
      await settle(el);
      await tabTo((e) => e.id.startsWith('ap-when'));
      await press('ArrowDown'); // moves to and selects the second choice
      await settle(el);
      await tabTo((e) => e.classList.contains('primary'));
      await press('Enter');
      await settle(el);
      await tabTo((e) => e.classList.contains('primary'));
      await press('Enter');
      await settle(el);
      await tabTo((e) => e.id === 'ap-question');
      await typeKeys('Hulp');
      await tabTo((e) => e.classList.contains('primary'));
      await press('Enter');
      await settle(el);
      const body = calls.find((c) => c.method === 'POST')!.body as { when: string; question: string };
      eq([body.when, body.question], ['afternoon', 'Hulp']);
      eq($(el, '[data-heading]')!.textContent!.trim(), 'We hebben je vraag');
    } finally {
      el.remove();
    }
  });
});

