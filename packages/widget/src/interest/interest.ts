/**
 * "Laat me weten wanneer ik kan inschrijven": before opening, after the deadline or while the
 * draw is pending, a family leaves a name and a phone or e-mail. The same fields and the same
 * checks as the contact step of the registration. A chunk of its own, with the screens that lead
 * to it (not open yet, closed, waiting for the draw, closed while sending): a family that can
 * register never needs them, so instap.js does not carry them.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { enc, post, uuid } from '../api.js';
import { contactBody, contactErrors, nameField, reachFields, type Contact } from '../fields/contact.js';
import { contactLocator, fromIssues } from '../fields/issues.js';
import { errorSummary, type FieldError } from '../fields/field.js';
import { Texts } from '../i18n/texts.js';
import type { InstapRegistration, Screen } from '../registration/registration.js';
import type { Messages, More } from '../i18n/index.js';
import { loading, callLine, date, focusOn, heading } from '../ui.js';
import { networkBox, problemBox } from '../ui-more.js';

type M = Messages & More;

/** "Laat me weten wanneer ik kan inschrijven". */
const interestButton = (r: InstapRegistration, m: M) =>
  html`<button type="button" class="secondary" part="button-secondary" @click=${() => r.open(async () => new Interest(r))}>${m.interestStart}</button>`;

/** How to get in when registering is not possible now: a next step (the phone, the interest list), never a dead end. */
export function closedHow(r: InstapRegistration, m: M, reserved: TemplateResult | typeof nothing) {
  const o = r.data!.organisation;
  const g = r.data!.registration;
  return html`${g.phase === 'not-open'
      ? html`<p>${m.notOpen(date(m, g.opensAt, true))}</p>
          ${reserved} ${callLine(m.callQuestions(o.name), o.phone)}`
      : html`<p>${g.phase === 'awaiting-draw' ? m.awaitingDraw(date(m, g.drawAt ?? g.closesAt ?? g.opensAt)) : m.closedText}</p>
          ${callLine(m.callToJoin(o.name), o.phone)}`}
    ${interestButton(r, m)}`;
}

/** Sending that meets "closed", "not open" or "not found": eligibility is a screen with a next step, not an error. */
export function noticeScreen(r: InstapRegistration, m: M) {
  const o = r.data!.organisation;
  const n = r.notice;
  return html`${heading(n === 'not-open' ? m.notOpenNow : n === 'not-found' ? m.notFound : m.closedNow)} ${callLine(m.callToJoin(o.name), o.phone)}
    ${n === 'not-found' ? nothing : interestButton(r, m)}`;
}

export class Interest implements Screen {
  /** Ask each thing once: what the family typed in the registration comes along. */
  c: Contact;
  errors: FieldError[] = [];
  notice?: 'network' | 'server';
  busy = false;
  done = false;
  #key = uuid();
  #texts: Texts;

  constructor(private r: InstapRegistration) {
    this.c = { ...r.d.contact };
    this.#texts = new Texts(r);
  }

  #set(patch: Partial<Interest>) {
    Object.assign(this, patch);
    this.r.requestUpdate();
  }

  async send() {
    const r = this.r;
    const m = { ...r.m, ...this.#texts.x! };
    const errors = contactErrors(m, this.c, 'interest');
    this.#set({ errors, notice: undefined });
    if (errors.length) return focusOn(r, '.error-summary');
    if (this.busy) return;
    this.#set({ busy: true });
    const res = await post<{ id: string }>(r.base, `/activities/${enc(r.data!.id)}/interest`, { ...contactBody(this.c), language: m.lang }, this.#key);
    this.busy = false;
    if (res.ok) {
      this.#set({ done: true });
      return focusOn(r);
    }
    if ('network' in res) {
      this.#set({ notice: 'network' });
      return focusOn(r, '.notice');
    }
    this.#key = uuid();
    const e = res.error;
    // Registration opened in the meantime: the activity itself now has the way in.
    if (e.code === 'registration_open') return r.load();
    const fields = e.code === 'validation_failed' && fromIssues(e, contactLocator(m, 'interest'));
    this.#set(fields ? { errors: fields } : { notice: 'server' });
    await focusOn(r, fields ? '.error-summary' : '.notice');
  }

  render() {
    const r = this.r;
    const x = this.#texts.get(r.m.lang);
    if (!x) return loading(r.m);
    const m = { ...r.m, ...x };
    const o = r.data!.organisation;
    const back = html`<button type="button" class="link back" @click=${() => ((r.sub = undefined), focusOn(r))}>${m.backText}</button>`;
    if (this.done)
      return html`${back} ${heading(x.interestDoneTitle)}
        <p>${x.interestDone}</p>
        ${callLine(m.callQuestions(o.name), o.phone)}`;
    const args = [m, this.c, 'interest', this.errors, (c: Contact) => this.#set({ c }), () => this.send()] as const;
    return html`${back} ${errorSummary(m.errorTitle, this.errors, r.renderRoot)} ${heading(m.contactQ)}
      <p>${x.interestText}</p>
      ${this.notice === 'network' ? networkBox(m, () => this.send()) : this.notice ? problemBox(m.serverProblem, m.callUs(o.name), o.phone) : nothing}
      ${nameField(...args)} ${reachFields(...args)}
      <button type="button" class="primary" part="button" ?disabled=${this.busy} @click=${() => this.send()}>${x.interestSend}</button>
`;
  }
}
