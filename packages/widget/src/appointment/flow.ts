/**
 * The appointment flow, one question per step (GOV.UK style, like the registration): name; phone
 * or e-mail; when; language; an optional question; then who calls and by when. Answers stay in
 * localStorage until sent, with their Idempotency-Key. A chunk of its own.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { AppointmentCreated, AppointmentOptions } from '@instap/core/appointments';
import type { Language } from '@instap/core/rules';
import { call, enc, post, uuid } from '../api.js';
import { contactBody, contactErrors, nameField, reachFields, type Contact } from '../fields/contact.js';
import { contactLocator, fromIssues } from '../fields/issues.js';
import { errorSummary, fieldFrame, type FieldError } from '../fields/field.js';
import { formatDate } from '../format.js';
import { LANGUAGE_NAMES, type More } from '../i18n/index.js';
import { Texts } from '../i18n/texts.js';
import type { Screen } from '../registration/registration.js';
import { loading, callLine, date, focusOn, heading, tel } from '../ui.js';
import { networkBox, problemBox } from '../ui-more.js';
import type { InstapAppointment } from './appointment.js';
import { choices } from './choices.js';

const STEPS = 5; // name, reach, when, language, question
interface Answers {
  step: number;
  c: Contact;
  when: string;
  language: Language;
  question: string;
  key: string;
}
type Notice = 'network' | 'server' | 'too-many';

export class AppointmentFlow implements Screen {
  options?: AppointmentOptions;
  state: 'loading' | 'ready' | 'failed' | 'not-found' = 'loading';
  a: Answers;
  errors: FieldError[] = [];
  notice?: Notice;
  busy = false;
  done?: AppointmentCreated;
  /** Set when the organisation books on its own page: the address we opened. */
  booking?: string;
  #texts: Texts;

  constructor(private h: InstapAppointment) {
    this.#texts = new Texts(h);
    const empty = { name: '', phone: '', email: '' };
    this.a = { step: 0, c: { ...empty, ...h.prefill }, when: '', language: h.m.lang as Language, question: '', key: uuid() };
    void this.load();
  }

  get #storeKey() {
    return `instap:appointment:${this.h.organisation}`;
  }

  #set(patch: Partial<AppointmentFlow>) {
    Object.assign(this, patch);
    this.h.requestUpdate();
  }

  /** Keeps the answers; never when the organisation books elsewhere (then we store nothing). */
  #save(patch: Partial<Answers>) {
    this.#set({ a: { ...this.a, ...patch } });
    if (this.options?.bookingUrl) return;
    try {
      localStorage.setItem(this.#storeKey, JSON.stringify(this.a));
    } catch {
      /* storage blocked: the flow still works, it only forgets on reload */
    }
  }

  async load() {
    this.#set({ state: 'loading' });
    const res = await call<AppointmentOptions>(this.h.base, `/organisations/${enc(this.h.organisation)}/appointment-options`);
    if (!res.ok) return this.#set({ state: 'network' in res ? 'failed' : 'not-found' });
    this.options = res.data;
    if (!res.data.bookingUrl)
      try {
        const saved = JSON.parse(localStorage.getItem(this.#storeKey) ?? 'null') as Answers | null;
        if (saved?.c && saved.key) this.a = saved;
      } catch {
        /* broken or blocked storage: start fresh */
      }
    this.#set({ state: 'ready' });
  }

  #errors(x: More): FieldError[] {
    const { step, c, when } = this.a;
    if (step < 2) return contactErrors({ ...this.h.m, ...x }, c, 'ap', step + 1);
    return step === 2 && !when ? [{ id: 'ap-when-0', text: x.apWhenRequired }] : [];
  }

  async #go(step: number) {
    this.errors = [];
    this.notice = undefined;
    this.#save({ step });
    await focusOn(this.h);
  }

  async next(x: More) {
    const errors = this.#errors(x);
    this.#set({ errors });
    if (errors.length) return focusOn(this.h, '.error-summary');
    if (this.a.step === 0 && this.options!.bookingUrl) return this.#book();
    if (this.a.step === STEPS - 1) return this.send(x);
    await this.#go(this.a.step + 1);
  }

  /** The organisation's own booking page, in a new tab, with the name and where the family got stuck. */
  #book() {
    const u = new URL(this.options!.bookingUrl!);
    u.searchParams.set('name', this.a.c.name.trim());
    const ctx = this.h.context;
    if (ctx) u.searchParams.set('notes', Object.entries(ctx).map(([k, v]) => `${k}: ${v}`).join(', '));
    this.booking = u.href;
    // Still inside the click: no pop-up blocker. The link on the next screen is there if one interferes.
    window.open(this.booking, '_blank', 'noopener');
    return this.#go(1);
  }

  async send(x: More) {
    const h = this.h;
    const { c, when, language, question, key } = this.a;
    if (this.busy) return;
    this.#set({ busy: true, notice: undefined });
    const res = await post<AppointmentCreated>(
      h.base,
      `/organisations/${enc(h.organisation)}/appointments`,
      { ...contactBody(c), when, language, ...(question.trim() ? { question: question.trim() } : {}), ...(h.context ? { context: h.context } : {}) },
      key,
    );
    this.busy = false;
    if (res.ok) {
      try {
        localStorage.removeItem(this.#storeKey);
      } catch {
        /* nothing to clear */
      }
      this.#set({ done: res.data });
      h.dispatchEvent(new CustomEvent('instap-appointment-requested', { bubbles: true, composed: true, detail: { id: res.data.id } }));
      return focusOn(h);
    }
    if ('network' in res) {
      this.#set({ notice: 'network' });
      return focusOn(h, '.notice');
    }
    // The server answered: that key is spent, so a corrected answer gets a fresh one.
    this.#save({ key: uuid() });
    const e = res.error;
    if (e.code === 'appointments_external') {
      // The organisation now books on its own page: show that way in.
      await this.load();
      return this.#go(0);
    }
    if (e.code === 'organisation_not_found') return this.#set({ state: 'not-found' });
    if (e.code === 'validation_failed') {
      const when = e.issues?.find((i) => i.path === 'when');
      const rest = { ...e, issues: e.issues?.filter((i) => i !== when) };
      const errors = (rest.issues?.length ? fromIssues(rest, contactLocator({ ...h.m, ...x }, 'ap')) : []) ?? [];
      if (when) {
        errors.push({ id: 'ap-when-0', text: when.code === 'slot_unknown' ? x.apSlotGone : x.apWhenRequired });
        if (when.code === 'slot_unknown') this.#save({ when: '' });
      }
      if (errors.length && (!e.issues || errors.length >= e.issues.length)) {
        const id = errors[0].id;
        this.#save({ step: id === 'ap-name' ? 0 : id.startsWith('ap-when') ? 2 : 1 });
        if (when?.code === 'slot_unknown') await this.load();
        this.#set({ errors });
        return focusOn(h, '.error-summary');
      }
    }
    this.#set({ notice: e.code === 'too_many_requests' ? 'too-many' : 'server' });
    await focusOn(h, '.notice');
  }

  #notice(x: More) {
    const m = { ...this.h.m, ...x };
    const o = this.options!;
    if (this.notice === 'network') return networkBox(m, () => this.send(x));
    if (this.notice === 'too-many')
      return html`<div class="notice" tabindex="-1" role="alert">
        <p>${x.apTooMany}</p>
        <p>${tel(o.phone)}</p>
      </div>`;
    if (this.notice) return problemBox(m.serverProblem, m.callUs(o.name), o.phone);
    return nothing;
  }

  render(): TemplateResult {
    const h = this.h;
    const m = h.m;
    const x = this.#texts.get(m.lang);
    if (!x || this.state === 'loading') return loading(m);
    // Inside the registration the phone is already above the flow: a failure there needs no words.
    if (this.state !== 'ready')
      return h.embedded
        ? html``
        : html`${heading(this.state === 'not-found' ? x.apNotFound : m.loadFailed)}
            ${this.state === 'failed' ? html`<button type="button" class="secondary" part="button-secondary" @click=${() => this.load()}>${m.tryAgain}</button>` : nothing}`;
    const o = this.options!;
    const phone = h.embedded ? nothing : callLine(x.apCall(o.name), o.phone);
    const toolbar = h.embedded
      ? nothing
      : html`<div class="toolbar" part="toolbar">
          <label class="lang">
            <span>${m.languageText}</span>
            <select @change=${(e: Event) => h.choose((e.target as HTMLSelectElement).value as Language)}>
              ${Object.entries(LANGUAGE_NAMES).map(([code, name]) => html`<option value=${code} lang=${code} ?selected=${code === m.lang}>${name}</option>`)}
            </select>
          </label>
        </div>`;
    return html`${toolbar}${this.#screen(x)} ${phone}`;
  }

  #screen(x: More) {
    const h = this.h;
    const m = { ...h.m, ...x };
    const o = this.options!;
    const { step, c } = this.a;
    if (this.done) {
      const d = this.done.contactWithin;
      return html`${heading(x.apDoneTitle)}
        <p><strong>${x.apDone(o.name, d.workdays, !c.phone.trim())}</strong></p>
        <p>${x.apBy(formatDate(`${d.by}T12:00:00Z`, m.locale))}</p>`;
    }
    const back = step > 0 ? html`<button type="button" class="link back" @click=${() => this.#go(step - 1)}>${m.backText}</button>` : nothing;
    if (o.bookingUrl && step > 0)
      return html`${back} ${heading(x.apBookingTitle)}
        <p>${x.apBookingText(o.name)}</p>
        <p><a class="button primary" part="button" href=${this.booking ?? o.bookingUrl} target="_blank" rel="noopener">${x.apBookingLink}</a></p>`;
    const next = () => this.next(x);
    const set = (c: Contact) => this.#save({ c });
    const args = [m, c, 'ap', this.errors, set, next] as const;
    const q: [string, unknown][] = [
      [x.apNameQ, html`<p>${x.apIntro(o.name)}</p>${nameField(...args)}`],
      [m.contactQ, reachFields(...args)],
      [
        x.apWhenQ,
        choices('ap-when', this.errors, this.a.when, (when) => this.#save({ when }), [
          ['morning', x.apMorning],
          ['afternoon', x.apAfternoon],
          ['evening', x.apEvening],
          ...o.slots.map((s) => [s.id, `${s.label} (${date(m, s.startsAt, true)})`] as [string, string]),
        ]),
      ],
      [x.apLangQ, choices('ap-lang', [], this.a.language, (language) => this.#save({ language: language as Language }), Object.entries(LANGUAGE_NAMES), true)],
      [
        x.apQuestionQ,
        fieldFrame(
          'ap-question',
          x.apQuestion,
          this.errors,
          { hint: x.apQuestionHint },
          (error, described) =>
            html`<textarea
              id="ap-question"
              part="input"
              rows="4"
              .value=${this.a.question}
              aria-invalid=${!!error}
              aria-describedby=${described}
              @input=${(e: Event) => this.#save({ question: (e.target as HTMLTextAreaElement).value })}
            ></textarea>`,
        ),
      ],
    ];
    const [title, body] = q[step];
    const last = step === STEPS - 1;
    return html`${back} ${errorSummary(m.errorTitle, this.errors, h.renderRoot)}
      <p class="caption">${m.stepText(step + 1, o.bookingUrl ? 2 : STEPS)}</p>
      ${heading(title)} ${last ? this.#notice(x) : nothing} ${body}
      <button type="button" class="primary" part="button" ?disabled=${this.busy} @click=${next}>${last ? x.apSend : m.nextText}</button>
      ${this.busy ? html`<p role="status">${x.apSending}</p>` : nothing}`;
  }
}
