/**
 * Test helpers: realistic API answers built from the contract, a fetch stub, small asserts,
 * and the test runner's server commands (viewport, keys) without extra packages.
 */
import type { Payment, PublicActivity, RegistrationCreated, RegistrationView } from '@instap/core/schemas';
import { priceFor, pricesNow } from '@instap/core/pricing';
import type { InstapElement } from '../element.js';
import '../index.js';
import type { InstapRegistration } from '../registration/registration.js';
import type { InstapAppointment } from '../appointment/appointment.js';
import type { AppointmentOptions } from '@instap/core/appointments';

export const NOW = new Date('2026-03-02T10:00:00Z');

export function activity(over: Partial<PublicActivity> = {}): PublicActivity {
  const a: PublicActivity = {
    id: 'act-zwem',
    language: 'nl',
    title: 'Zwemles voor kinderen',
    summary: 'Je kind leert zwemmen in kleine groepjes. Een lesgever staat mee in het water.',
    location: 'Zwembad Abdijkaai, Kortrijk',
    kind: 'sport',
    ageMin: 6,
    ageMax: 12,
    sessions: [
      { startsAt: '2026-03-14T09:00:00Z', endsAt: '2026-03-14T10:00:00Z' },
      { startsAt: '2026-03-21T09:00:00Z', endsAt: '2026-03-21T10:00:00Z' },
      { startsAt: '2026-03-28T09:00:00Z', endsAt: '2026-03-28T10:00:00Z' },
    ],
    sessionsToCome: 3,
    capacity: 12,
    placesLeft: 5,
    reservedPlaces: 3,
    reservedPlacesLeft: 3,
    reservedUntil: '2026-03-10T23:00:00Z',
    price: {
      standardCents: 4000,
      kanspasCents: 800,
      currency: 'EUR',
      nowStandardCents: 4000,
      nowKanspasCents: 800,
      nowSiblingStandardCents: 4000,
      nowSiblingKanspasCents: 800,
      kanspasDiscountPercent: 80,
      siblingDiscountPercent: 0,
    },
    registration: {
      opensAt: '2026-03-01T08:00:00Z',
      closesAt: '2026-03-12T22:00:00Z',
      mode: 'first-come',
      drawAt: null,
      lateJoinUntil: null,
      phase: 'first-come',
    },
    whatToBring: ['Een zwembroek of badpak', 'Een handdoek'],
    organisation: { slug: 'sportdienst-kortrijk', name: 'Sportdienst Kortrijk', phone: '056 27 80 00', email: 'sport@kortrijk.be', uitpas: false },
  };
  return priced({ ...a, ...over });
}

/** The now-prices as the API computes them (core priceFor at NOW), from the activity's prices, charter and sessions. */
export function priced(a: PublicActivity): PublicActivity {
  const p = a.price;
  return { ...a, price: { ...p, ...pricesNow({ standardCents: p.standardCents, kanspasCents: p.kanspasCents, charter: p, sessions: a.sessions, now: NOW }) } };
}

export const lottery = () =>
  activity({
    registration: { opensAt: '2026-03-01T08:00:00Z', closesAt: '2026-03-10T22:00:00Z', mode: 'lottery', drawAt: '2026-03-12T09:00:00Z', lateJoinUntil: null, phase: 'lottery' },
  });

/** A payment as the API gives it: desk only (an organisation without payment settings); nothing due while waiting. */
export function payment(status: RegistrationCreated['status'], totalCents: number): Payment {
  const due = status === 'confirmed' && totalCents > 0;
  return {
    status: due ? 'open' : 'not-due',
    amountCents: due ? totalCents : 0,
    paidCents: 0,
    dueAt: due ? '2026-03-16T10:00:00.000Z' : null,
    reference: '+++090/9337/55493+++',
    methods: ['desk'],
    desk: { text: null, phone: '056 27 80 00' },
    hardship: { text: 'Is betalen moeilijk? Bel ons: we zoeken samen een oplossing.', phone: '056 27 80 00', instalmentsPossible: true, thirdPartyPossible: false },
    waived: false,
  };
}


/** What an organisation that takes every way gets: online, transfer (with the EPC payload), desk. */
export function everyWay(over: Partial<Payment> = {}): Payment {
  return {
    status: 'open',
    amountCents: 800,
    paidCents: 0,
    dueAt: '2026-03-16T10:00:00.000Z',
    reference: '+++090/9337/55493+++',
    methods: ['online', 'transfer', 'desk'],
    transfer: { iban: 'BE68 5390 0754 7034', beneficiary: 'Sportdienst Kortrijk', amountCents: 800, reference: '+++090/9337/55493+++', epc: 'BCD\n002\n1\nSCT\n\nSportdienst Kortrijk\nBE68539007547034\nEUR8.00\n\n090933755493' },
    onlineUrl: 'http://localhost/api/v1/registrations/tok-secret-123/payments',
    desk: { text: 'Elke woensdag van 14 tot 17 uur aan het onthaal.', phone: '056 27 80 00' },
    hardship: { text: 'Is betalen moeilijk? Bel ons: we zoeken samen een oplossing.', phone: '056 27 80 00', instalmentsPossible: true, thirdPartyPossible: true },
    waived: false,
    ...over,
  };
}

export function created(status: RegistrationCreated['status'], children = 1, kanspas = false, a = activity()): RegistrationCreated {
  const price = priceFor({
    standardCents: a.price.standardCents,
    kanspasCents: a.price.kanspasCents,
    charter: { kanspasDiscountPercent: 80, siblingDiscountPercent: 0 },
    kanspas,
    children,
    sessions: a.sessions,
    now: NOW,
  });
  return { id: 'reg-1', token: 'tok-secret-123', status, ...(status === 'waitlisted' ? { waitlistPosition: 3 } : {}), price, payment: payment(status, price.totalCents) };
}

export function view(status: RegistrationView['status'] = 'confirmed'): RegistrationView {
  return {
    id: 'reg-1',
    status,
    offerExpiresAt: null,
    offer: null,
    createdAt: '2026-03-02T10:00:00Z',
    language: 'nl',
    kanspas: true,
    kanspasCheck: 'claimed',
    children: [
      { firstName: 'Amira', birthYear: 2017 },
      { firstName: 'Noor', birthYear: 2019 },
    ],
    contact: { name: 'Fatima', phone: '0470 12 34 56', email: null },
    price: created('confirmed', 2, true).price,
    payment: created(status, 2, true).payment,
    activity: activity(),
  };
}

export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Responder = (call: Call) => Response | Promise<Response> | 'network-error';
export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const realFetch = window.fetch;
/** Replaces window.fetch; every call is recorded. */
export function stubFetch(routes: Record<string, Responder>): Call[] {
  const calls: Call[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const call: Call = {
      url,
      method,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ');
      return m === method && new URL(url).pathname.endsWith(p);
    });
    if (!key) return json(404, { error: { code: 'not_stubbed', message: `${method} ${url}` } });
    const out = await routes[key](call);
    if (out === 'network-error') throw new TypeError('Failed to fetch');
    return out;
  };
  return calls;
}
export const restoreFetch = () => (window.fetch = realFetch);

// Every test file imports these helpers: one clean page after each test, for all of them.
// The widgets go, the real fetch comes back, and no draft survives into the next test.
afterEach(() => {
  document.querySelectorAll('instap-registration, instap-appointment').forEach((e) => e.remove());
  restoreFetch();
  forget();
});

/** No draft, language pick or result kept in the browser: a family's first visit. */
export function forget() {
  localStorage.clear();
  sessionStorage.clear();
}

/** The activity answers (the default one, or `a`), plus any other routes a test needs. */
export const withActivity = (a = activity(), extra: Record<string, Responder> = {}) => stubFetch({ 'GET /activities/act-zwem': () => json(200, a), ...extra });

export async function mount(attrs: Record<string, string> = { activity: 'act-zwem', lang: 'nl' }): Promise<InstapRegistration> {
  const el = document.createElement('instap-registration');
  el.clock = () => NOW;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await settle(el);
  return el;
}

/** Lets fetches, dynamic imports (lazy chunks) and Lit updates finish. */
export async function settle(el: InstapElement, rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
  // A lazy chunk on its way shows [data-loading]: wait for it (at most 3 s), also inside a nested element.
  const busy = (root: ParentNode | null | undefined): boolean =>
    !!root && (!!root.querySelector('[data-loading]') || [...root.querySelectorAll('instap-appointment')].some((a) => busy(a.shadowRoot)));
  for (let i = 0; i < 150 && busy(el.shadowRoot); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

export const root = (el: InstapElement) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: InstapElement, sel: string) => root(el).querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: InstapElement, sel: string) => [...root(el).querySelectorAll<T>(sel)];
/** Visible text of the widget, laid out (block elements on their own line). */
export const text = (el: InstapElement) => ($(el, '.root') as HTMLElement).innerText.replace(/[\u00a0\u202f]/g, ' ');
export const heading = (el: InstapElement) => $(el, '[data-heading]')?.textContent?.trim() ?? '';

export function button(el: InstapElement, label: string | RegExp): HTMLButtonElement {
  const b = $$<HTMLButtonElement>(el, 'button').find((x) =>
    typeof label === 'string' ? x.textContent!.trim() === label : label.test(x.textContent!.trim()),
  );
  if (!b) throw new Error(`No button "${label}" in: ${$$(el, 'button').map((x) => x.textContent!.trim()).join(' | ')}`);
  return b;
}

export async function click(el: InstapElement, label: string | RegExp) {
  button(el, label).click();
  await settle(el);
}

export async function type(el: InstapElement, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  if (!input) throw new Error(`No input #${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export function assert(ok: unknown, message = 'assertion failed'): asserts ok {
  if (!ok) throw new Error(message);
}
export function eq<T>(actual: T, expected: T, message = '') {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message} expected ${e}, got ${a}`);
}
export function includes(haystack: string, needle: string) {
  if (!haystack.includes(needle)) throw new Error(`Expected to find "${needle}" in:\n${haystack}`);
}

// ——— the test runner's server commands (what @web/test-runner-commands does) ———
async function command(name: string, payload: unknown) {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  // @ts-expect-error served by the test runner
  const { sendMessageWaitForResponse } = await import('/__web-dev-server__web-socket.js');
  const res = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: name, payload });
  if (!res.executed) throw new Error(`Command ${name} not executed`);
  return res.result;
}
export const setViewport = (width: number, height: number) => command('set-viewport', { width, height });
export const press = (key: string) => command('send-keys', { press: key });
export const typeKeys = (value: string) => command('send-keys', { type: value });

/** Walks the flow to a given step with valid answers. */
export async function fillTo(el: InstapRegistration, step: 'children' | 'contact' | 'kanspas' | 'check', names = ['Amira']) {
  await click(el, /^Schrijf in/);
  if (step === 'children') return;
  for (let i = 0; i < names.length; i++) {
    if (i > 0) await click(el, 'Nog een kind toevoegen');
    await type(el, `child-${i}-firstName`, names[i]);
    await type(el, `child-${i}-birthYear`, String(2017 + i));
  }
  await click(el, 'Doorgaan');
  if (step === 'contact') return;
  await type(el, 'contact-name', 'Fatima');
  await type(el, 'contact-phone', '0470 12 34 56');
  await click(el, 'Doorgaan');
  if (step === 'kanspas') return;
  await click(el, 'Doorgaan');
}

// ——— the appointment ———
export function apOptions(over: Partial<AppointmentOptions> = {}): AppointmentOptions {
  return {
    name: 'Sportclub De Leie',
    phone: '056 27 80 00',
    contactWithinWorkdays: 2,
    slots: [{ id: 'di-10', label: 'Spreekuur', startsAt: '2026-03-10T13:00:00Z' }],
    bookingUrl: null,
    ...over,
  };
}
export const AP = '/organisations/de-leie/';

export async function mountAppointment(attrs: Record<string, string> = { organisation: 'de-leie', lang: 'nl' }): Promise<InstapAppointment> {
  const el = document.createElement('instap-appointment');
  el.clock = () => NOW;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await settle(el);
  return el;
}

/** Picks a radio by its label. */
export async function choose(el: InstapElement, label: string) {
  const l = $$(el, 'label').find((x) => x.textContent!.trim() === label);
  if (!l) throw new Error(`No choice "${label}" in: ${$$(el, 'label').map((x) => x.textContent!.trim()).join(' | ')}`);
  ($(el, `#${l.getAttribute('for')}`) as HTMLInputElement).click();
  await settle(el);
}

/** A registration view with an open offer. */
export function offered(expiresAt: string | null = '2026-03-02T17:00:00Z'): RegistrationView {
  return { ...view('offered'), offer: { token: 'off-1', expiresAt }, offerExpiresAt: expiresAt };
}

/** Waits (at most 3 s) until `ok()` holds: for a language chunk that arrives later. */
export async function until(el: InstapElement, ok: () => boolean, what = 'condition') {
  for (let i = 0; i < 150 && !ok(); i++) await settle(el, 1);
  if (!ok()) throw new Error(`Timed out waiting for ${what}`);
}
