/**
 * The steps after the first "Doorgaan" (how to reach you, kansenpas, check your answers), sending,
 * and the result. They ship in instap.js with their Dutch texts: a family on a bad connection
 * never waits for a chunk in the middle of registering.
 */
import { html, nothing } from 'lit/html.js';
import { latinDigits, type Language } from '@instap/core/rules';
import type { RegistrationCreated } from '@instap/core/schemas';
import { createRegistration, uuid, type RegistrationBody } from '../api.js';
import { clearDraft, keepResult, type Step } from '../draft.js';
import { contactBody, nameField, reachFields } from '../fields/contact.js';
import { field, type FieldError } from '../fields/field.js';
import type { Messages } from '../i18n/index.js';
import { bringList, btn, callLine, date, focusOn, heading, money, whenWhere } from '../ui.js';
import { downloadIcs, networkBox, problemBox } from '../ui-more.js';
import type { InstapRegistration } from './registration.js';

type M = Messages;

function body(r: InstapRegistration): RegistrationBody {
  return {
    children: r.d.children.map((ch) => ({ firstName: ch.firstName.trim(), birthYear: Number(latinDigits(ch.birthYear.trim())) })),
    contact: contactBody(r.d.contact),
    kanspas: r.d.kanspas,
    language: r.m.lang as Language,
    ...(r.referral ? { referralCode: r.referral } : {}),
    ...(uitpasAsked(r) && uitpasDigits(r) ? { uitpasNumber: uitpasDigits(r) } : {}),
  };
}

/** The optional UiTPAS number: asked only when the organisation checks with UiTPAS and the family has a kansenpas. */
const uitpasAsked = (r: InstapRegistration) => r.data!.organisation.uitpas && r.d.kanspas;
const uitpasDigits = (r: InstapRegistration) => latinDigits((r.d.uitpas ?? '').replace(/\s/g, ''));
export const uitpasError = (m: M): FieldError => ({ id: 'uitpas', text: m.uitpasFormat });

/** The check of "Doorgaan" on the kansenpas step: empty is fine, filled in means 13 digits. */
export const uitpasErrors = (r: InstapRegistration): FieldError[] =>
  uitpasAsked(r) && uitpasDigits(r) && !/^\d{13}$/.test(uitpasDigits(r)) ? [uitpasError(r.m)] : [];

/**
 * The proof-of-work that keeps scripts from taking every place (API: services/bulk-guard.ts).
 * Its chunk is fetched when the check opens and solves a challenge in the background, so by the
 * time the family presses the button the proof is ready and nobody waits. Without the chunk
 * (a failed download) the answers still go out: a calm server needs no proof.
 */
const proof = (r: InstapRegistration) => (r.proof ??= import('./proof.js').then((p) => (p.start(r.base, r.activity), p), () => {}));
const send = async (r: InstapRegistration, b: RegistrationBody) => {
  const p = await proof(r);
  r.proof = undefined;
  return p ? p.send(r.base, r.activity, b, r.d.idempotencyKey) : createRegistration(r.base, r.activity, b, r.d.idempotencyKey);
};

/**
 * Sends the answers with the draft's Idempotency-Key. When an answer got lost on the way, the
 * server may hold any of the answers sent under that key (`sent`, each kept before it goes out).
 * If the family changed them since, the server refuses the key for the new ones; then each
 * earlier one is sent again, newest first, until one returns the registration that was made.
 * So a family is never registered twice, and the key is never dropped while that is unknown.
 */
export async function submit(r: InstapRegistration) {
  if (r.busy) return;
  const answers = body(r);
  const same = (b: RegistrationBody) => JSON.stringify(b) == JSON.stringify(answers);
  const prior = (r.d.sent ?? []).filter((b) => !same(b));
  r.set({ sent: [...prior, answers] });
  r.busy = true;
  r.notice = undefined;
  r.errors = [];
  let sent = answers;
  let res = await send(r, sent);
  for (const b of prior.reverse()) if (!res.ok && !('network' in res) && res.error.code == 'idempotency_key_reused') res = await send(r, (sent = b));
  r.busy = false;
  if (res.ok) {
    clearDraft(r.activity);
    r.result = { created: res.data, names: sent.children.map((c) => c.firstName), kanspas: sent.kanspas, ...(sent != answers && { unsent: true }) };
    keepResult(r.activity, r.result);
    const { id, status, waitlistPosition } = res.data;
    r.dispatchEvent(new CustomEvent('instap-registered', { bubbles: true, composed: true, detail: { id, status, waitlistPosition } }));
    return focusOn(r);
  }
  if ('network' in res || res.error.code == 'idempotency_key_reused') {
    r.notice = 'network';
    // When the browser says the connection is back, send again by itself (the same key: never
    // twice). One listener per element, gone with it.
    r.offline?.abort();
    r.offline = new AbortController();
    addEventListener('online', () => r.notice == 'network' && submit(r), { once: true, signal: r.offline.signal });
    return focusOn(r, '.notice');
  }
  // The server answered: that key is spent, so a corrected answer gets a fresh one.
  r.set({ sent: undefined, idempotencyKey: uuid() });
  // A refusal is rare (the checks of "Doorgaan" are the API's own), so its reader is a chunk of its
  // own; the server answered, so the network is there. Meanwhile "We versturen" stays on screen.
  r.busy = true;
  const refused = await import('../fields/issues.js').then((c) => c.refused, () => null);
  r.busy = false;
  const target = refused ? refused(r, res.error) : ((r.notice = 'server'), '.notice');
  // "Closed" and "not open" are screens from a chunk: focus their heading once it is there.
  await r.updateComplete;
  await r.lateReady;
  await focusOn(r, target);
}

/** A calm word when sending failed: what happened, that nothing is lost, and what to do. */
function noticeBox(r: InstapRegistration, m: M) {
  const o = r.data!.organisation;
  if (r.notice === 'network') return networkBox(m, () => submit(r));
  if (r.notice === 'server' || r.notice === 'already') return problemBox(r.notice === 'server' ? m.serverProblem : m.alreadyText, m.callUs(o.name), o.phone);
  return nothing;
}

export const calendarButton = (r: InstapRegistration, uid: string) => btn(r.m.addToCalendar, () => downloadIcs(r.m, r.data!, uid, r.base, r.clock()));

/** "Je betaalt € 8": on the kansenpas step and on the check. */
const youPay = (r: InstapRegistration, m: M) => m.youPay(money(m, r.price(r.d.kanspas)), r.d.children.length);

/** Step 3, "Hoe kunnen we je bereiken?": [question, body], drawn in the step frame. */
export function contactStep(r: InstapRegistration, m: M) {
  const args = [m, r.d.contact, 'contact', r.errors, (contact: typeof r.d.contact) => r.set({ contact }), () => r.next()] as const;
  return [m.contactQ, html`${nameField(...args)} ${reachFields(...args)}`] as const;
}

export function kanspasStep(r: InstapRegistration, m: M) {
  return [
    m.kanspasQ,
    html`<p>${m.kanspasWhat}</p>
      <div class="check">
        <input type="checkbox" id="kanspas" .checked=${r.d.kanspas} @change=${(e: Event) => r.set({ kanspas: (e.target as HTMLInputElement).checked })} />
        <label for="kanspas">${m.kanspasYes}</label>
      </div>
      ${uitpasAsked(r)
        ? field('uitpas', m.uitpasLabel, r.d.uitpas ?? '', r.errors, (uitpas) => r.set({ uitpas }), () => r.next(), { hint: m.uitpasHint, inputmode: 'numeric' })
        : nothing}
      <p>${m.kanspasTrust}</p>
      <p class="box" role="status"><strong>${youPay(r, m)}</strong></p>`,
  ] as const;
}

/** Check your answers, one row per answer (label, value, the step that asks it: its "Wijzig"). */
export function checkStep(r: InstapRegistration, m: M) {
  // Not while sending: that sending has its proof already.
  r.busy || void proof(r);
  const a = r.data!;
  const c = r.d.contact;
  // The places left are fewer than the children: the family lands on the waiting list (not in a
  // lottery, where the draw decides). Reserved places are for a kansenpas or a referral only.
  const waits =
    !(a.registration.phase === 'lottery' && a.registration.drawAt) && (r.d.kanspas || r.referral ? a.placesLeft : a.placesLeft - a.reservedPlacesLeft) < r.d.children.length;
  const rows: [string, unknown, Step?][] = [
    [m.childrenText, r.d.children.map((ch) => html`<span class="line">${m.childLine(ch.firstName.trim(), ch.birthYear.trim())}</span>`), 'children'],
    // The name is never empty here ("Doorgaan" asked it), so "Niet ingevuld" only ever meets phone or e-mail.
    ...([m.yourName, m.phoneText, m.emailText] as const).map((label, i) => [label, [c.name, c.phone, c.email][i].trim() || m.notGiven, 'contact'] as [string, string, Step]),
    [m.kanspasText, r.d.kanspas ? m.yes : m.noText, 'kanspas'],
    ...(uitpasAsked(r) ? [[m.uitpasText, uitpasDigits(r) || m.notGiven, 'kanspas'] as [string, string, Step]] : []),
    [m.priceText, waits ? m.payWait : youPay(r, m)],
  ];
  return [
    m.checkQ,
    html`${noticeBox(r, m)}
      <dl>
        ${rows.map(
          ([label, value, step]) =>
            html`<div class="row">
              <dt>${label}</dt>
              <dd>${value}</dd>
              ${step ? html`<dd class="action">${btn(html`${m.changeText}<span class="vh"> ${label}</span>`, () => r.go(step, true), 'link')}</dd>` : nothing}
            </div>`,
        )}
      </dl>
      ${a.registration.phase === 'lottery' && a.registration.drawAt
        ? html`<p>${m.lotteryNext(date(m, a.registration.drawAt))}</p>`
        : waits
          ? html`<p>${m.checkFull}</p>`
          : nothing}
      ${r.busy ? html`<p role="status" data-loading>${m.sendingText}</p>` : nothing}`,
  ] as const;
}

let payChunk: typeof import('../family-view/family-view.js') | undefined;
/**
 * How to pay (payment/) travels in the family's own view chunk, fetched with the confirmation:
 * a chunk of its own would make the bundler split lit out of instap.js (+450 B for every family).
 * Until it is there, or when it does not come, a confirmed family reads its price and a waiting
 * one nothing.
 */
export function payment(r: InstapRegistration, c: Pick<RegistrationCreated, 'payment' | 'price' | 'status'>, token: string, children: number) {
  if (payChunk) return payChunk.paymentBlock(r, c.payment, { token, organisation: r.data!.organisation, language: r.data!.language, children, status: c.status, priceCents: c.price.totalCents });
  import('../family-view/family-view.js').then((p) => ((payChunk = p), r.requestUpdate()), () => {});
  return c.status == 'confirmed' ? html`<p>${r.m.youPay(money(r.m, c.price.totalCents), children)}</p>` : nothing;
}

/** What happens next and when, what to bring, who to call, and a link that keeps working. */
export function resultScreen(r: InstapRegistration) {
  const m = r.m;
  const a = r.data!;
  const { created, names, kanspas, unsent } = r.result!;
  const link = `${r.base}/r/${encodeURIComponent(created.token)}`;
  const firstToCome = a.sessions.find((s) => Date.parse(s.startsAt) > r.clock().getTime()) ?? a.sessions[0];
  const s = created.status;
  return html`${heading(s === 'waitlisted' ? m.waitlistTitle : s === 'lottery' ? m.lotteryTitle : m.confirmedTitle(r.names(names), names.length))}
    ${unsent ? html`<p class="box">${m.unsentText}</p>` : nothing}
    <h3>${m.nextTitle}</h3>
    ${s === 'waitlisted'
      ? html`${created.waitlistPosition ? html`<p>${m.waitlistPositionText(created.waitlistPosition)}</p>` : nothing}
          <p>${m.waitlistNext}</p>`
      : s === 'lottery'
        ? html`<p>${m.lotteryNext(date(m, a.registration.drawAt ?? a.registration.closesAt ?? a.sessions[0].startsAt))}</p>`
        : html`<p>${m.confirmedText}</p>
            ${firstToCome ? html`<p>${m.firstSession(date(m, firstToCome.startsAt, true))}</p>` : nothing}`}
    ${payment(r, created, created.token, names.length)}
    ${kanspas ? html`<p>${m.kanspasLater}</p>` : nothing} ${s === 'confirmed' ? calendarButton(r, created.id) : nothing}
    ${whenWhere(m, a)} ${bringList(m, a)}
    <h3>${m.keepTitle}</h3>
    <p>${m.keepText}</p>
    <p><a class="private-link" href=${link}>${link}</a></p>
    <h3>${m.questions}</h3>
    ${callLine(m.callUs(a.organisation.name), a.organisation.phone)} ${btn(m.registerAgain, () => r.again())}`;
}

