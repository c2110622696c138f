import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PublicActivity, RegistrationCreated, RegistrationView } from '@instap/core/schemas';
import {
  birthYearProblem,
  contactProblem,
  emailProblem,
  MAX_CHILDREN,
  nameProblem,
  normalisePhone,
  phoneProblem,
  type FieldProblem,
  type Language,
} from '@instap/core/rules';
import { formatCents, priceFor } from '@instap/core/pricing';
import {
  cancelRegistration,
  createRegistration,
  getActivity,
  getRegistration,
  uuid,
  type ApiError,
  type RegistrationBody,
} from '../api.js';
import { clearDraft, emptyDraft, loadDraft, saveDraft, type Draft, type Step } from '../draft.js';
import { formatDate, formatList, formatTime } from '../format.js';
import { LANGUAGE_NAMES, loadMessages, nl, pickLanguage, type Messages } from '../i18n/index.js';
import { styles } from './registration.styles.js';

const STEPS: Step[] = ['activity', 'children', 'contact', 'kanspas', 'check'];
type Field = 'firstName' | 'birthYear' | 'name' | 'phone' | 'email';
interface FieldError {
  /** The id of the input inside the shadow root. */
  id: string;
  text: string;
}
type Notice = 'network' | 'server' | 'closed' | 'not-open' | 'not-found';

const scriptOrigin = (() => {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return location.origin;
  }
})();

/**
 * `<instap-registration>`: a family registers its children for one activity, one plain question
 * at a time; or, with `token`, sees and cancels its own registration.
 *
 * @summary The Instap registration widget.
 *
 * @property activity - id of the activity to register for (attribute `activity`).
 * @property token - private token of an existing registration: shows the family's own view with a cancel button.
 * @property lang - language to start in (nl, fr, en, ar, tr, uk); default from `navigator.language`, then Dutch.
 * @property apiBase - origin of the Instap server (attribute `api-base`); default: where the script came from.
 * @property referral - referral code from an intermediary, sent with the registration (attribute `referral`).
 * @property clock - function returning "now" (injected in tests); default `() => new Date()`.
 *
 * @fires instap-help - The family opened "Hulp nodig?". Bubbles, composed; detail `{ activity, step, language }`.
 * @fires instap-registered - A registration was stored. Bubbles, composed; detail `{ id, status, waitlistPosition }` (never the token or contact).
 *
 * @csspart root - the outer box, carries `lang` and `dir`.
 * @csspart toolbar - language switch and read-aloud button.
 * @csspart heading - the heading (the question) of every step.
 * @csspart button - primary buttons ("Doorgaan", "Schrijf in").
 * @csspart button-secondary - secondary buttons ("Nog een kind toevoegen", "Probeer opnieuw").
 * @csspart input - text inputs.
 * @csspart error-summary - the box listing the problems at the top of a step.
 * @csspart help - the "Hulp nodig?" block at the bottom of every step.
 *
 * @cssprop --instap-color-primary - buttons and links (default #0b5cad; keep 4.5:1 contrast with white).
 * @cssprop --instap-color-primary-text - text on primary buttons (default #fff).
 * @cssprop --instap-color-text - body text (default #1b1b1b).
 * @cssprop --instap-color-muted - hints and captions (default #4b5563).
 * @cssprop --instap-color-background - the widget's background (default #fff).
 * @cssprop --instap-color-surface - boxes such as the price (default #f3f4f6).
 * @cssprop --instap-color-error - errors (default #b3261e).
 * @cssprop --instap-color-focus - the focus outline (default #1b1b1b).
 * @cssprop --instap-font-family - font (default system-ui stack).
 * @cssprop --instap-font-size - base font size (default 1.125rem).
 * @cssprop --instap-radius - corner radius of buttons, inputs and boxes (default 6px).
 */
export class InstapRegistration extends LitElement {
  static override styles = styles;
  static override properties = {
    activity: {},
    token: {},
    lang: {},
    apiBase: { attribute: 'api-base' },
    referral: {},
    clock: { attribute: false },
    m: { state: true },
    data: { state: true },
    notice: { state: true },
    result: { state: true },
    view: { state: true },
    loadState: { state: true },
    d: { state: true },
    errors: { state: true },
    busy: { state: true },
    confirmCancel: { state: true },
    helpOpen: { state: true },
    speaking: { state: true },
  };

  activity = '';
  token = '';
  override lang = '';
  apiBase = '';
  referral = '';
  clock: () => Date = () => new Date();

  // Reactive state: internal, not part of the public API.
  protected m: Messages = nl;
  protected data?: PublicActivity;
  protected loadState: 'loading' | 'ready' | 'not-found' | 'failed' = 'loading';
  protected d: Draft = emptyDraft(uuid());
  protected errors: FieldError[] = [];
  protected notice?: Notice;
  protected busy = false;
  protected result?: { created: RegistrationCreated; names: string[]; kanspas: boolean };
  protected view?: RegistrationView;
  protected confirmCancel = false;
  protected helpOpen = false;
  protected speaking = false;

  /** Set when "Wijzig" was used: "Doorgaan" then returns to the check step. */
  #fromCheck = false;
  #chosen = false;

  get #base() {
    return this.apiBase || scriptOrigin;
  }

  get #language(): Language {
    return this.m.lang as Language;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!this.lang) void this.setLanguage(pickLanguage(navigator.language) ?? 'nl');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.speaking) speechSynthesis.cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('lang') && this.lang) {
      this.#chosen = true;
      void this.setLanguage(pickLanguage(this.lang) ?? 'nl');
    }
    if (changed.has('activity') && this.activity && !this.token) void this.#load();
    if (changed.has('token') && this.token) void this.#loadView();
  }

  /** Switches language; other catalogues arrive as separate chunks. */
  async setLanguage(lang: Language) {
    // The last choice wins, even when an earlier catalogue arrives later.
    const ticket = ++this.#languageTicket;
    const m = await loadMessages(lang);
    if (ticket === this.#languageTicket) this.m = m;
  }
  #languageTicket = 0;

  // ——— data ———

  async #load() {
    this.loadState = 'loading';
    const id = this.activity;
    const res = await getActivity(this.#base, id);
    if (id !== this.activity) return;
    if (!res.ok) {
      this.loadState = res.status === 404 ? 'not-found' : 'failed';
      return;
    }
    this.data = res.data;
    const saved = loadDraft(id);
    this.d = saved ?? emptyDraft(uuid());
    if (!this.#canRegister) this.d = { ...this.d, step: 'activity' };
    if (saved?.pending) this.notice = 'network';
    this.loadState = 'ready';
  }

  async #loadView() {
    this.loadState = 'loading';
    const res = await getRegistration(this.#base, this.token);
    if (!res.ok) {
      this.loadState = 'network' in res ? 'failed' : 'not-found';
      return;
    }
    this.view = res.data;
    this.data = res.data.activity;
    if (!this.#chosen) void this.setLanguage(res.data.language);
    this.loadState = 'ready';
  }

  get #canRegister() {
    const p = this.data?.registration.phase;
    return p === 'first-come' || p === 'lottery';
  }

  #update_(patch: Partial<Draft>) {
    this.d = { ...this.d, ...patch };
    saveDraft(this.activity, this.d);
  }

  #now() {
    return this.clock();
  }

  #price(kanspas: boolean, children: number) {
    const a = this.data!;
    return priceFor({
      standardCents: a.price.standardCents,
      kanspasCents: a.price.kanspasCents,
      charter: { kanspasDiscountPercent: a.price.kanspasDiscountPercent, siblingDiscountPercent: a.price.siblingDiscountPercent },
      kanspas,
      children,
      sessions: a.sessions,
      now: this.#now(),
    });
  }

  #money(cents: number) {
    return formatCents(cents, this.m.locale);
  }

  #date(iso: string, withTime = false) {
    const d = formatDate(iso, this.m.locale);
    return withTime ? this.m.dateAt(d, formatTime(iso, this.m.locale)) : d;
  }

  #names(children = this.d.children.map((c) => c.firstName.trim())) {
    return formatList(children, this.m.locale);
  }

  // ——— navigation ———

  async #go(step: Step) {
    this.errors = [];
    this.notice = undefined;
    this.#update_({ step });
    await this.#focus_('[data-heading]');
  }

  async #focus_(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #back() {
    const i = STEPS.indexOf(this.d.step);
    this.#fromCheck = false;
    void this.#go(STEPS[Math.max(0, i - 1)]);
  }

  async #next() {
    const errors = this.#validate(this.d.step);
    if (errors.length) {
      this.errors = errors;
      await this.#focus_('.error-summary');
      return;
    }
    const target = this.#fromCheck ? 'check' : STEPS[STEPS.indexOf(this.d.step) + 1];
    this.#fromCheck = false;
    void this.#go(target);
  }

  #change(step: Step) {
    this.#fromCheck = true;
    void this.#go(step);
  }

  // ——— validation: the same core rules as the API ———

  #who(i: number) {
    return this.m.childRef(this.d.children.length === 1 ? 0 : i + 1);
  }

  #problemText(field: Field, p: FieldProblem, who = this.m.childRef(0)): string {
    const m = this.m;
    switch (field) {
      case 'firstName':
        return p === 'too-long' ? m.firstNameTooLong : m.firstNameRequired(who);
      case 'birthYear':
        return p === 'required'
          ? m.birthYearRequired(who)
          : p === 'year-in-future'
            ? m.birthYearFuture
            : p === 'year-too-old'
              ? m.birthYearTooOld
              : m.birthYearNotAYear;
      case 'name':
        return p === 'too-long' ? m.nameTooLong : m.nameRequired;
      case 'phone':
        return p === 'contact-missing' ? m.contactMissing : m.phoneFormat;
      case 'email':
        return m.emailFormat;
    }
  }

  #validate(step: Step): FieldError[] {
    const out: FieldError[] = [];
    const add = (id: string, field: Field, p: FieldProblem | null, who?: string) => {
      if (p) out.push({ id, text: this.#problemText(field, p, who) });
    };
    if (step === 'children') {
      this.d.children.forEach((c, i) => {
        add(`child-${i}-firstName`, 'firstName', nameProblem(c.firstName), this.#who(i));
        add(`child-${i}-birthYear`, 'birthYear', birthYearProblem(c.birthYear.trim(), this.#now()), this.#who(i));
      });
    }
    if (step === 'contact') {
      const c = this.d.contact;
      add('contact-name', 'name', nameProblem(c.name));
      add('contact-phone', 'phone', contactProblem(c) ?? phoneProblem(c.phone));
      add('contact-email', 'email', emailProblem(c.email));
    }
    return out;
  }

  /** Server issues ("children.0.birthYear") land on the same fields, in the family's language. */
  #fromServer(error: ApiError): FieldError[] | null {
    const out: FieldError[] = [];
    for (const issue of error.issues ?? []) {
      const child = /^children\.(\d+)\.(firstName|birthYear)$/.exec(issue.path);
      const contact = /^contact\.(name|phone|email)$/.exec(issue.path);
      const field = (child?.[2] ?? contact?.[1]) as Field | undefined;
      if (!field) return null;
      const code = `${issue.code ?? ''} ${issue.message}`.toLowerCase();
      const p: FieldProblem = /too.?long|at most/.test(code)
        ? 'too-long'
        : /future/.test(code)
          ? 'year-in-future'
          : /too.?old/.test(code)
            ? 'year-too-old'
            : /contact.?missing|one is enough/.test(code)
              ? 'contact-missing'
              : /required|fill in/.test(code) && field !== 'phone' && field !== 'email'
                ? 'required'
                : field === 'phone'
                  ? 'phone-format'
                  : field === 'email'
                    ? 'email-format'
                    : field === 'birthYear'
                      ? 'not-a-year'
                      : 'required';
      const id = child ? `child-${child[1]}-${field}` : `contact-${field}`;
      if (child && Number(child[1]) >= this.d.children.length) return null;
      if (!out.some((e) => e.id === id)) out.push({ id, text: this.#problemText(field, p, child ? this.#who(Number(child[1])) : undefined) });
    }
    return out.length ? out : null;
  }

  // ——— sending ———

  #body(): RegistrationBody {
    const c = this.d.contact;
    return {
      children: this.d.children.map((ch) => ({ firstName: ch.firstName.trim(), birthYear: Number(ch.birthYear.trim()) })),
      contact: {
        name: c.name.trim(),
        ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
        ...(c.email.trim() ? { email: c.email.trim() } : {}),
      },
      kanspas: this.d.kanspas,
      language: this.#language,
      ...(this.referral ? { referralCode: this.referral } : {}),
    };
  }

  /** Sends the answers; a retry sends the very same body with the very same Idempotency-Key. */
  async #submit(retry = false) {
    if (this.busy) return;
    const body = retry && this.d.pending ? this.d.pending : this.#body();
    this.#update_({ pending: body });
    this.busy = true;
    this.notice = undefined;
    this.errors = [];
    const res = await createRegistration(this.#base, this.activity, body, this.d.idempotencyKey);
    this.busy = false;
    if (res.ok) {
      clearDraft(this.activity);
      this.result = { created: res.data, names: body.children.map((c) => c.firstName), kanspas: body.kanspas };
      this.dispatchEvent(
        new CustomEvent('instap-registered', {
          bubbles: true,
          composed: true,
          detail: { id: res.data.id, status: res.data.status, waitlistPosition: res.data.waitlistPosition },
        }),
      );
      await this.#focus_('[data-heading]');
      return;
    }
    if ('network' in res) {
      this.notice = 'network';
      await this.#focus_('.notice');
      return;
    }
    // The server answered: that key is spent, so a corrected answer gets a fresh one.
    this.#update_({ pending: undefined, idempotencyKey: uuid() });
    const e = res.error;
    const fieldErrors = e.code === 'validation_failed' ? this.#fromServer(e) : null;
    if (fieldErrors) {
      const first = fieldErrors[0].id;
      this.#fromCheck = true;
      this.#update_({ step: first.startsWith('child') ? 'children' : 'contact' });
      this.errors = fieldErrors;
      await this.#focus_('.error-summary');
      return;
    }
    this.notice =
      e.code === 'registration_closed' ? 'closed' : e.code === 'registration_not_open' ? 'not-open' : e.code === 'activity_not_found' ? 'not-found' : 'server';
    await this.#focus_(this.notice === 'server' ? '.notice' : '[data-heading]');
  }

  async #cancel() {
    if (this.busy) return;
    this.busy = true;
    const res = await cancelRegistration(this.#base, this.token);
    this.busy = false;
    if (res.ok) {
      this.view = res.data;
      this.confirmCancel = false;
      this.notice = undefined;
    } else {
      this.notice = 'network' in res ? 'network' : 'server';
    }
    await this.#focus_(this.notice ? '.notice' : '[data-heading]');
  }

  // ——— extras ———

  #toggleHelp() {
    this.helpOpen = !this.helpOpen;
    if (this.helpOpen)
      this.dispatchEvent(
        new CustomEvent('instap-help', {
          bubbles: true,
          composed: true,
          detail: { activity: this.data?.id ?? this.activity, step: this.token ? 'view' : this.result ? 'result' : this.d.step, language: this.#language },
        }),
      );
  }

  #readAloud() {
    const synth = window.speechSynthesis;
    if (this.speaking) {
      synth.cancel();
      this.speaking = false;
      return;
    }
    const text = this.renderRoot.querySelector<HTMLElement>('.content')?.innerText ?? '';
    const u = new SpeechSynthesisUtterance(text);
    u.lang = this.m.locale;
    u.onend = u.onerror = () => (this.speaking = false);
    synth.cancel();
    synth.speak(u);
    this.speaking = true;
  }

  /** The .ics builder is a separate chunk: fetched only when a family taps "Zet in je agenda". */
  async #downloadIcs() {
    const a = this.data!;
    const { calendarIcs } = await import('@instap/core/calendar');
    const ics = calendarIcs({
      uid: this.result?.created.id ?? a.id,
      title: a.title,
      location: a.location,
      description: a.whatToBring.length ? `${this.m.bring}\n${a.whatToBring.join('\n')}` : null,
      sessions: a.sessions,
      domain: new URL(this.#base).host,
      now: this.#now(),
    });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${a.title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40) || 'instap'}.ics`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // ——— rendering ———

  protected override render() {
    const m = this.m;
    return html`<div class="root" part="root" lang=${m.lang} dir=${m.dir}>
      <div class="toolbar" part="toolbar">
        <label class="lang">
          <span>${m.language}</span>
          <select
            @change=${(e: Event) => {
              this.#chosen = true;
              void this.setLanguage((e.target as HTMLSelectElement).value as Language);
            }}
          >
            ${Object.entries(LANGUAGE_NAMES).map(
              ([code, name]) => html`<option value=${code} lang=${code} ?selected=${code === m.lang}>${name}</option>`,
            )}
          </select>
        </label>
        ${'speechSynthesis' in window
          ? html`<button type="button" class="secondary small" part="button-secondary" @click=${this.#readAloud}>
              ${this.speaking ? m.stopReading : m.readAloud}
            </button>`
          : nothing}
      </div>
      <div class="content">${this.#content()}</div>
      ${this.data ? this.#help() : nothing}
    </div>`;
  }

  #content(): TemplateResult {
    const m = this.m;
    if (this.loadState === 'loading') return html`<p role="status">${m.loading}</p>`;
    if (this.loadState === 'not-found')
      return html`<h2 class="heading" part="heading" tabindex="-1" data-heading>${this.token ? m.viewNotFound : m.notFound}</h2>
        <p>${m.notFoundHint}</p>`;
    if (this.loadState === 'failed')
      return html`<h2 class="heading" part="heading" tabindex="-1" data-heading>${m.loadFailed}</h2>
        <button type="button" class="secondary" part="button-secondary" @click=${() => (this.token ? this.#loadView() : this.#load())}>${m.tryAgain}</button>`;
    if (this.token) return this.#viewScreen();
    if (this.result) return this.#resultScreen();
    if (this.notice && this.notice !== 'network' && this.notice !== 'server') return this.#noticeScreen();
    switch (this.d.step) {
      case 'children':
        return this.#childrenStep();
      case 'contact':
        return this.#contactStep();
      case 'kanspas':
        return this.#kanspasStep();
      case 'check':
        return this.#checkStep();
      default:
        return this.#activityCard();
    }
  }

  #heading(text: string) {
    return html`<h2 class="heading" part="heading" tabindex="-1" data-heading>${text}</h2>`;
  }

  #tel() {
    const phone = this.data!.organisation.phone;
    return html`<a class="tel" href=${`tel:${normalisePhone(phone)}`}>${phone}</a>`;
  }

  #callLine(text: string) {
    return html`<p>${text}</p><p>${this.#tel()}</p>`;
  }

  /** Frame of a question step: back link, problems, "Stap n van 5", the question, one button. */
  #stepFrame(title: string, body: TemplateResult, action?: TemplateResult) {
    const m = this.m;
    const n = STEPS.indexOf(this.d.step) + 1;
    return html`<button type="button" class="link back" @click=${this.#back}>${m.back}</button>
      ${this.#errorSummary()}
      <p class="caption">${m.step(n, STEPS.length)}</p>
      ${this.#heading(title)}
      ${body}
      ${action ?? html`<button type="button" class="primary" part="button" @click=${this.#next}>${m.next}</button>`}`;
  }

  #errorSummary() {
    if (!this.errors.length) return nothing;
    return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-title">
      <h2 id="error-title">${this.m.errorTitle}</h2>
      <ul>
        ${this.errors.map(
          (e) =>
            html`<li>
              <a
                href=${`#${e.id}`}
                @click=${(ev: Event) => {
                  ev.preventDefault();
                  this.renderRoot.querySelector<HTMLElement>(`#${e.id}`)?.focus();
                }}
                >${e.text}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  #field(
    id: string,
    label: string,
    value: string,
    onInput: (v: string) => void,
    opts: { hint?: string; type?: string; autocomplete?: string; inputmode?: string; narrow?: boolean } = {},
  ) {
    const error = this.errors.find((e) => e.id === id)?.text;
    const described = [opts.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<p class="hint" id=${`${id}-hint`}>${opts.hint}</p>` : nothing}
      ${error ? html`<p class="error" id=${`${id}-error`}>${error}</p>` : nothing}
      <input
        id=${id}
        part="input"
        class=${opts.narrow ? 'narrow' : ''}
        type=${opts.type ?? 'text'}
        .value=${value}
        autocomplete=${opts.autocomplete ?? 'off'}
        inputmode=${opts.inputmode ?? nothing}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') void this.#next();
        }}
      />
    </div>`;
  }

  // ——— the activity, before any question ———

  #activityCard() {
    const a = this.data!;
    const m = this.m;
    const phase = a.registration.phase;
    const std = this.#price(false, 1);
    const kp = this.#price(true, 1);
    const started = a.sessionsToCome > 0 && a.sessionsToCome < a.sessions.length;
    const full = a.placesLeft <= 0;
    const reserved = a.reservedPlaces > 0 && a.reservedPlacesLeft > 0;
    let how: TemplateResult;
    if (phase === 'first-come')
      how = html`${full ? html`<p>${m.full}</p>` : html`<p>${m.placesLeft(a.placesLeft)}</p>`}
        ${reserved ? html`<p>${m.reservedLeft(a.reservedPlacesLeft)}</p>` : nothing}
        <p>${m.firstCome}</p>
        ${a.registration.closesAt ? html`<p>${m.closesAt(this.#date(a.registration.closesAt))}</p>` : nothing}`;
    else if (phase === 'lottery')
      how = html`<p>${m.lottery(this.#date(a.registration.drawAt ?? a.registration.closesAt ?? a.registration.opensAt))}</p>
        <p>${m.lotteryFair}</p>
        ${a.registration.closesAt ? html`<p>${m.closesAt(this.#date(a.registration.closesAt))}</p>` : nothing}
        ${reserved ? html`<p>${m.reservedLeft(a.reservedPlacesLeft)}</p>` : nothing}`;
    else if (phase === 'not-open')
      how = html`<p>${m.notOpen(this.#date(a.registration.opensAt, true))}</p>
        ${reserved ? html`<p>${m.reservedLeft(a.reservedPlacesLeft)}</p>` : nothing}
        ${this.#callLine(m.callQuestions(a.organisation.name))}`;
    else if (phase === 'awaiting-draw')
      how = html`<p>${m.awaitingDraw(this.#date(a.registration.drawAt ?? a.registration.closesAt ?? a.registration.opensAt))}</p>
        ${this.#callLine(m.callToJoin(a.organisation.name))}`;
    else how = html`<p>${m.closed}</p>${this.#callLine(m.callToJoin(a.organisation.name))}`;

    return html`${this.#canRegister ? html`<p class="caption">${m.step(1, STEPS.length)}</p>` : nothing}
      ${this.#heading(a.title)}
      ${a.summary ? html`<p class="summary">${a.summary}</p>` : nothing}
      ${a.ageMin != null || a.ageMax != null ? html`<p>${m.ages(a.ageMin, a.ageMax)}</p>` : nothing}
      ${this.#whenWhere()}
      <h3>${m.cost}</h3>
      <div class="box">
        ${std.unitCents === 0
          ? html`<p>${m.free}</p>`
          : html`<p><strong>${m.perChild(this.#money(std.children[0].cents))}</strong></p>
              ${kp.children[0].cents < std.children[0].cents
                ? html`<p><strong>${m.kanspasPrice(this.#money(kp.children[0].cents), this.#money(std.children[0].cents))}</strong></p>`
                : nothing}`}
        ${started ? html`<p>${m.seriesStarted(a.sessionsToCome)}</p>` : nothing}
      </div>
      <h3>${m.how}</h3>
      ${how}
      ${this.#bringList()}
      ${this.#canRegister
        ? html`<button type="button" class="primary" part="button" @click=${() => this.#go('children')}>
            ${phase === 'first-come' && full ? m.startWaitlist : m.start}
          </button>`
        : nothing}`;
  }

  #whenWhere() {
    const a = this.data!;
    const m = this.m;
    const loc = m.locale;
    return html`<h3>${m.when}</h3>
      <ul class="sessions">
        ${a.sessions.map((s) => html`<li>${m.session(formatDate(s.startsAt, loc), formatTime(s.startsAt, loc), formatTime(s.endsAt, loc))}</li>`)}
      </ul>
      <h3>${m.where}</h3>
      <p>${a.location}</p>`;
  }

  #bringList() {
    const a = this.data!;
    return a.whatToBring.length
      ? html`<h3>${this.m.bring}</h3>
          <ul>
            ${a.whatToBring.map((w) => html`<li>${w}</li>`)}
          </ul>`
      : nothing;
  }

  // ——— the questions ———

  #childrenStep() {
    const m = this.m;
    const kids = this.d.children;
    const setChild = (i: number, patch: Partial<Draft['children'][number]>) =>
      this.#update_({ children: kids.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
    return this.#stepFrame(
      m.childrenQ,
      html`<p class="hint">${m.childrenHint}</p>
        ${kids.map(
          (c, i) => html`<fieldset class="child">
            <legend>${m.child(i + 1)}</legend>
            ${this.#field(`child-${i}-firstName`, m.firstName, c.firstName, (v) => setChild(i, { firstName: v }), { autocomplete: 'off' })}
            ${this.#field(`child-${i}-birthYear`, m.birthYear, c.birthYear, (v) => setChild(i, { birthYear: v }), {
              hint: m.birthYearHint,
              inputmode: 'numeric',
              narrow: true,
            })}
            ${kids.length > 1
              ? html`<button
                  type="button"
                  class="secondary small"
                  part="button-secondary"
                  @click=${async () => {
                    this.errors = [];
                    this.#update_({ children: kids.filter((_, j) => j !== i) });
                    await this.#focus_('[data-heading]');
                  }}
                >
                  ${m.removeChild(c.firstName.trim() || m.childRef(i + 1))}
                </button>`
              : nothing}
          </fieldset>`,
        )}
        ${kids.length < MAX_CHILDREN
          ? html`<button
              type="button"
              class="secondary"
              part="button-secondary"
              @click=${async () => {
                this.#update_({ children: [...kids, { firstName: '', birthYear: '' }] });
                await this.#focus_(`#child-${kids.length}-firstName`);
              }}
            >
              ${m.addChild}
            </button>`
          : nothing}`,
    );
  }

  #contactStep() {
    const m = this.m;
    const c = this.d.contact;
    const set = (patch: Partial<Draft['contact']>) => this.#update_({ contact: { ...c, ...patch } });
    return this.#stepFrame(
      m.contactQ,
      html`${this.#field('contact-name', m.yourName, c.name, (v) => set({ name: v }), { autocomplete: 'name' })}
        <fieldset>
          <legend class="hint">${m.reachHint}</legend>
          ${this.#field('contact-phone', m.phone, c.phone, (v) => set({ phone: v }), {
            hint: m.phoneHint,
            type: 'tel',
            autocomplete: 'tel',
          })}
          ${this.#field('contact-email', m.email, c.email, (v) => set({ email: v }), { type: 'email', autocomplete: 'email' })}
        </fieldset>`,
    );
  }

  #kanspasStep() {
    const m = this.m;
    const n = this.d.children.length;
    const p = this.#price(this.d.kanspas, n);
    return this.#stepFrame(
      m.kanspasQ,
      html`<p>${m.kanspasWhat}</p>
        <div class="check">
          <input
            type="checkbox"
            id="kanspas"
            .checked=${this.d.kanspas}
            @change=${(e: Event) => this.#update_({ kanspas: (e.target as HTMLInputElement).checked })}
          />
          <label for="kanspas">${m.kanspasYes}</label>
        </div>
        <p>${m.kanspasTrust}</p>
        <p class="box" role="status"><strong>${m.youPay(this.#money(p.totalCents), n)}</strong></p>`,
    );
  }

  #checkStep() {
    const m = this.m;
    const a = this.data!;
    const c = this.d.contact;
    const n = this.d.children.length;
    const p = this.#price(this.d.kanspas, n);
    const row = (label: string, value: TemplateResult | string, step?: Step) =>
      html`<div class="row">
        <dt>${label}</dt>
        <dd>${value}</dd>
        ${step
          ? html`<dd class="action">
              <button type="button" class="link" @click=${() => this.#change(step)}>
                ${m.change}<span class="vh"> ${label}</span>
              </button>
            </dd>`
          : nothing}
      </div>`;
    return this.#stepFrame(
      m.checkQ,
      html`${this.#noticeBox()}
        <dl class="answers">
          ${row(
            m.children,
            html`${this.d.children.map((ch) => html`<span class="line">${m.childLine(ch.firstName.trim(), ch.birthYear.trim())}</span>`)}`,
            'children',
          )}
          ${row(m.yourName, c.name.trim(), 'contact')} ${row(m.phone, c.phone.trim() || m.notGiven, 'contact')}
          ${row(m.email, c.email.trim() || m.notGiven, 'contact')} ${row(m.kanspas, this.d.kanspas ? m.yes : m.no, 'kanspas')}
          ${row(m.price, m.youPay(this.#money(p.totalCents), n))}
        </dl>
        ${a.registration.phase === 'lottery' && a.registration.drawAt
          ? html`<p>${m.checkLottery(this.#date(a.registration.drawAt))}</p>`
          : a.placesLeft < n
            ? html`<p>${m.checkFull}</p>`
            : nothing}
        ${this.busy ? html`<p role="status">${m.sending}</p>` : nothing}`,
      html`<button type="button" class="primary" part="button" ?disabled=${this.busy} @click=${() => this.#submit()}>
        ${m.submit(this.#names())}
      </button>`,
    );
  }

  /** A calm word when sending failed: what happened, that nothing is lost, and what to do. */
  #noticeBox() {
    const m = this.m;
    if (this.notice === 'network')
      return html`<div class="notice" tabindex="-1" role="alert">
        <h3>${m.networkTitle}</h3>
        <p>${m.networkText}</p>
        ${this.d.pending || this.token
          ? html`<button type="button" class="secondary" part="button-secondary" @click=${() => (this.token ? this.#cancel() : this.#submit(true))}>
              ${m.tryAgain}
            </button>`
          : nothing}
      </div>`;
    if (this.notice === 'server')
      return html`<div class="notice" tabindex="-1" role="alert">
        <p>${m.serverProblem}</p>
        ${this.#callLine(m.callUs(this.data!.organisation.name))}
      </div>`;
    return nothing;
  }

  /** Eligibility is a screen with a next step, not an error. */
  #noticeScreen() {
    const m = this.m;
    const org = this.data!.organisation.name;
    const title = this.notice === 'not-open' ? m.notOpenNow : this.notice === 'not-found' ? m.notFound : m.closedNow;
    return html`${this.#heading(title)} ${this.#callLine(m.callToJoin(org))}`;
  }

  // ——— the result ———

  #resultScreen() {
    const m = this.m;
    const a = this.data!;
    const { created, names, kanspas } = this.result!;
    const list = this.#names(names);
    const link = `${this.#base}/r/${encodeURIComponent(created.token)}`;
    const firstToCome = a.sessions.find((s) => Date.parse(s.startsAt) > this.#now().getTime()) ?? a.sessions[0];
    let title: string;
    let status: TemplateResult;
    if (created.status === 'waitlisted') {
      title = m.waitlistTitle;
      status = html`${created.waitlistPosition ? html`<p>${m.waitlistPosition(created.waitlistPosition)}</p>` : nothing}
        <p>${m.waitlistNext}</p>`;
    } else if (created.status === 'lottery') {
      title = m.lotteryTitle;
      status = html`<p>${m.lotteryNext(this.#date(a.registration.drawAt ?? a.registration.closesAt ?? a.sessions[0].startsAt))}</p>`;
    } else {
      title = m.confirmedTitle(list, names.length);
      status = html`<p>${m.confirmedText}</p>
        ${firstToCome ? html`<p>${m.firstSession(this.#date(firstToCome.startsAt, true))}</p>` : nothing}`;
    }
    return html`${this.#heading(title)}
      <h3>${m.nextTitle}</h3>
      ${status}
      <p>${m.youPay(this.#money(created.price.totalCents), names.length)}</p>
      ${kanspas ? html`<p>${m.kanspasLater}</p>` : nothing}
      ${created.status === 'confirmed'
        ? html`<button type="button" class="secondary" part="button-secondary" @click=${this.#downloadIcs}>${m.addToCalendar}</button>`
        : nothing}
      ${this.#whenWhere()} ${this.#bringList()}
      <h3>${m.keepTitle}</h3>
      <p>${m.keepText}</p>
      <p><a class="private-link" href=${link}>${link}</a></p>
      <h3>${m.questions}</h3>
      ${this.#callLine(m.callUs(a.organisation.name))}`;
  }

  // ——— the family's own view ———

  #viewScreen() {
    const m = this.m;
    const v = this.view!;
    const a = v.activity;
    const names = this.#names(v.children.map((c) => c.firstName));
    if (this.confirmCancel)
      return html`<button type="button" class="link back" @click=${() => ((this.confirmCancel = false), this.#focus_('[data-heading]'))}>${m.back}</button>
        ${this.#noticeBox()} ${this.#heading(m.cancelQ(names))}
        <p>${m.cancelText}</p>
        <div class="actions">
          <button type="button" class="primary danger" part="button" ?disabled=${this.busy} @click=${this.#cancel}>${m.cancelYes}</button>
          <button type="button" class="secondary" part="button-secondary" @click=${() => ((this.confirmCancel = false), this.#focus_('[data-heading]'))}>
            ${m.cancelNo}
          </button>
        </div>`;
    if (v.status === 'cancelled')
      return html`${this.#heading(m.cancelledTitle)}
        <p>${m.cancelledText}</p>
        ${this.#callLine(m.callToJoin(a.organisation.name))}`;
    const status =
      v.status === 'confirmed'
        ? m.confirmedText
        : v.status === 'waitlisted'
          ? v.waitlistPosition
            ? m.waitlistPosition(v.waitlistPosition)
            : m.waitlistTitle
          : v.status === 'lottery'
            ? m.lotteryNext(this.#date(a.registration.drawAt ?? a.sessions[0].startsAt))
            : m.statusOffered;
    return html`${this.#heading(m.viewTitle(a.title))}
      <p><strong>${status}</strong></p>
      <h3>${m.children}</h3>
      <ul>
        ${v.children.map((c) => html`<li>${m.childLine(c.firstName, String(c.birthYear))}</li>`)}
      </ul>
      <p>${m.youPay(this.#money(v.price.totalCents), v.children.length)}</p>
      ${v.status === 'confirmed'
        ? html`<button type="button" class="secondary" part="button-secondary" @click=${this.#downloadIcs}>${m.addToCalendar}</button>`
        : nothing}
      ${this.#whenWhere()} ${this.#bringList()}
      <button
        type="button"
        class="primary"
        part="button"
        @click=${() => {
          this.confirmCancel = true;
          this.notice = undefined;
          void this.#focus_('[data-heading]');
        }}
      >
        ${m.cancel}
      </button>`;
  }

  #help() {
    const m = this.m;
    return html`<div class="help" part="help">
      <button type="button" class="link" aria-expanded=${this.helpOpen ? 'true' : 'false'} aria-controls="help-panel" @click=${this.#toggleHelp}>
        ${m.help}
      </button>
      <div id="help-panel" ?hidden=${!this.helpOpen}>${this.#callLine(m.helpText(this.data!.organisation.name))}</div>
    </div>`;
  }
}
