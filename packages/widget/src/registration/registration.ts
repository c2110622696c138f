import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { PublicActivity } from '@instap/core/schemas';
import type { Language } from '@instap/core/rules';
import { getActivity, uuid } from '../api.js';
import { emptyDraft, keepResult, keptResult, loadDraft, saveDraft, type Draft, type Result, type Step } from '../draft.js';
import { errorSummary, type FieldError } from '../fields/field.js';
import { formatList } from '../format.js';
import { InstapElement } from '../element.js';
import type { Changed, PropertyDeclarations } from '../updating-element.js';
import { LANGUAGE_NAMES, loadMore, type Messages, type More } from '../i18n/index.js';
import { btn, callLine, focusOn, heading, loading } from '../ui.js';
import { contactErrors } from '../fields/contact.js';
import { childErrors, childrenStep } from './children.js';
import { activityCard } from './card.js';
import { checkStep, contactStep, kanspasStep, resultScreen, submit, uitpasErrors } from './later.js';

/** Internal reactive state: one shared declaration. */
const state = { state: true };

const STEPS: Step[] = ['activity', 'children', 'contact', 'kanspas', 'check'];
/**
 * The questions after the activity, in STEPS order: each gives its [question, body] and the
 * checks of its "Doorgaan". One frame (back, problems, "Stap n van 5", question, button) draws them all.
 */
const QUESTIONS: [(r: InstapRegistration, m: Messages) => readonly [string, unknown], (r: InstapRegistration) => FieldError[]][] = [
  [childrenStep, childErrors],
  [contactStep, (r) => contactErrors(r.m, r.d.contact, 'contact')],
  [kanspasStep, uitpasErrors],
  [checkStep, () => []],
];
type Notice = 'network' | 'server' | 'closed' | 'not-open' | 'not-found' | 'already';
/** A screen that arrives as its own chunk (the family's own view, the interest list). */
export interface Screen {
  render(): TemplateResult;
}

/**
 * `<instap-registration>`: a family registers its children for one activity, one plain question
 * at a time; or, with `token`, sees its own registration and answers a waiting-list offer.
 *
 * @summary The Instap registration widget.
 *
 * @property activity - id of the activity to register for (attribute `activity`).
 * @property token - private token of an existing registration: shows the family's own view (a lazy chunk).
 * @property lang - language to start in (nl, fr, en, ar, tr, uk); default from `navigator.language`, then Dutch.
 * @property apiBase - origin of the Instap server (attribute `api-base`); default: where the script came from.
 * @property referral - referral code from an intermediary, sent with the registration (attribute `referral`).
 * @property clock - function returning "now" (injected in tests); default `() => new Date()`.
 *
 * @fires instap-help - The family opened "Hulp nodig?". Bubbles, composed; detail `{ activity, step, language }`.
 * @fires instap-registered - A registration was stored. Bubbles, composed; detail `{ id, status, waitlistPosition }` (never the token or contact).
 * @fires instap-appointment-requested - From the appointment flow inside "Hulp nodig?". Bubbles, composed; detail `{ id }`.
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
 * @cssprop --instap-font-size - base font size (default `large`: 18px at the browser's usual setting, and it follows the family's own setting, never the page's).
 * @cssprop --instap-radius - corner radius of buttons, inputs and boxes (default 6px).
 */
export class InstapRegistration extends InstapElement {
  static override get properties(): PropertyDeclarations {
    return {
      activity: {},
      token: {},
      referral: {},
      data: state,
      notice: state,
      result: state,
      loadState: state,
      d: state,
      errors: state,
      busy: state,
      helpOpen: state,
      speaking: state,
      sub: state,
      lateX: state,
    };
  }

  activity = '';
  token = '';
  referral = '';

  // Reactive state, internal. Not `#private`: the lazy screens (family-view/, interest/) use it.
  data?: PublicActivity;
  loadState: 'loading' | 'ready' | 'not-found' | 'failed' = 'loading';
  d: Draft = emptyDraft(uuid());
  errors: FieldError[] = [];
  notice?: Notice;
  busy?: boolean;
  result?: Result;
  helpOpen = false;
  speaking?: boolean;
  /** The lazy screen on show instead of the steps. */
  sub?: Screen;
  /** Set when "Wijzig" was used: "Doorgaan" then returns to the check step. */
  fromCheck?: boolean;
  /** Texts of the screens in `late` (their language is #late). */
  lateX?: More;
  /** The proof-of-work chunk, fetched and started when the check opens (see later.ts). */
  proof?: Promise<typeof import('./proof.js') | void>;
  /** Ends the wait for the browser's 'online' after a lost answer. */
  offline?: AbortController;
  /** Words the server's refusal again, in the language on show (set by a refusal, cleared on the next step). */
  reword?: () => FieldError[];
  /** Settles when the screens of `late` and their texts have arrived (or failed to). */
  lateReady?: Promise<unknown>;
  #late = '';
  #lateChunk?: typeof import('../interest/interest.js');

  #voices = () => this.requestUpdate();

  override connectedCallback() {
    super.connectedCallback();
    // Voices arrive late in some browsers: the read-aloud button follows.
    if ('speechSynthesis' in window) speechSynthesis.addEventListener('voiceschanged', this.#voices);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.hush();
    this.offline?.abort();
    if ('speechSynthesis' in window) speechSynthesis.removeEventListener('voiceschanged', this.#voices);
  }

  /** Stops reading aloud: another step or another language is not what was being read. */
  hush() {
    if (this.speaking) speechSynthesis.cancel(), (this.speaking = false);
  }

  /** "Lees voor" only where the browser can speak this language (or has not said yet which voices it has). */
  get #canSpeak() {
    if (!('speechSynthesis' in window)) return false;
    const voices = speechSynthesis.getVoices();
    return !voices.length || voices.some((v) => v.lang.toLowerCase().startsWith(this.m.lang));
  }

  protected override willUpdate(changed: Changed) {
    super.willUpdate(changed);
    // With a token the family's own view; otherwise the activity.
    if (changed.has(this.token ? 'token' : 'activity') && (this.token || this.activity)) void this.load();
  }

  /** Shows a screen from its own chunk; a chunk that does not arrive is a load failure with "Probeer opnieuw". */
  async open(load: () => Promise<Screen>) {
    this.loadState = 'loading';
    this.sub = undefined;
    try {
      this.sub = await load();
      this.loadState = 'ready';
      // Its texts come in their own chunk: let them arrive, so focus lands on the new heading.
      await loadMore(this.m.lang as Language);
      await new Promise((r) => setTimeout(r));
    } catch {
      this.loadState = 'failed';
    }
    await focusOn(this);
  }

  // ——— data ———

  /** Another language: the activity's own texts follow (the service may have written them in it), and so do the errors on show. */
  override async setLanguage(lang: Language) {
    this.hush();
    const ok = await super.setLanguage(lang);
    const i = STEPS.indexOf(this.d.step);
    if (ok && this.errors.length && i > 0) this.errors = this.reword ? this.reword() : QUESTIONS[i - 1][1](this);
    const id = this.activity;
    if (ok && this.data && !this.token && this.data.language != lang) {
      const res = await getActivity(this.base, id, lang);
      if (res.ok && id == this.activity && this.m.lang == lang) this.data = res.data;
    }
    return ok;
  }

  async load() {
    this.loadState = 'loading';
    this.sub = this.data = this.result = this.notice = undefined;
    this.errors = [];
    // The family's own view is a chunk of its own: most visitors never need it.
    if (this.token) return this.open(async () => new (await import('../family-view/family-view.js')).FamilyView(this));
    const id = this.activity;
    const lang = this.want;
    const res = await getActivity(this.base, id, lang);
    if (id !== this.activity) return;
    if (!res.ok) {
      this.loadState = res.status === 404 ? 'not-found' : 'failed';
      return;
    }
    this.data = res.data;
    const saved = loadDraft(id);
    this.d = saved ?? emptyDraft(uuid());
    if (!this.canRegister) this.d = { ...this.d, step: 'activity' };
    if (saved?.sent) this.notice = 'network';
    this.result = keptResult(id);
    this.loadState = 'ready';
    // Another language was picked while the activity was on its way: its texts follow.
    if (lang != this.want) void this.setLanguage(this.want);
  }

  get canRegister() {
    const p = this.data?.registration.phase;
    return p === 'first-come' || p === 'lottery';
  }

  set(patch: Partial<Draft>) {
    this.d = { ...this.d, ...patch };
    saveDraft(this.activity, this.d);
  }

  /** What the family pays in cents: the server's price as of now for the first child, and for each brother or sister. */
  price(kanspas: boolean, children = this.d.children.length) {
    const p = this.data!.price;
    return kanspas ? p.nowKanspasCents + (children - 1) * p.nowSiblingKanspasCents : p.nowStandardCents + (children - 1) * p.nowSiblingStandardCents;
  }

  /** From the result: another registration for this activity, with its places as they are now, an empty form and a new key. */
  async again() {
    keepResult(this.activity);
    await this.load();
    await focusOn(this);
  }

  names(children = this.d.children.map((c) => c.firstName.trim())) {
    return formatList(children, this.m.locale);
  }

  // ——— navigation ———

  /** To a step; `fromCheck` (a "Wijzig" on the check) makes its "Doorgaan" return to the check. */
  async go(step: Step, fromCheck = false) {
    this.hush();
    this.reword = undefined;
    this.fromCheck = fromCheck;
    this.errors = [];
    this.notice = undefined;
    this.set({ step });
    await focusOn(this);
  }

  async next() {
    const i = STEPS.indexOf(this.d.step);
    const errors = QUESTIONS[i - 1][1](this);
    if (errors.length) {
      this.errors = errors;
      this.reword = undefined;
      return focusOn(this, '.error-summary');
    }
    void this.go(this.fromCheck ? 'check' : STEPS[i + 1]);
  }

  // ——— extras ———

  get #step() {
    return this.token ? 'view' : this.result ? 'result' : this.d.step;
  }

  #toggleHelp() {
    this.helpOpen = !this.helpOpen;
    if (this.helpOpen)
      this.dispatchEvent(
        new CustomEvent('instap-help', { bubbles: true, composed: true, detail: { activity: this.data?.id ?? this.activity, step: this.#step, language: this.m.lang } }),
      );
  }

  // ——— rendering ———

  protected override render() {
    const m = this.m;
    return this.root(html`<div class="toolbar" part="toolbar">
        <label class="lang">
          <span>${m.languageText}</span>
          <select
            @change=${(e: Event) => {
              const s = e.target as HTMLSelectElement;
              // A language whose texts did not arrive: the switch shows the language on screen again.
              void this.choose(s.value as Language).then((ok) => ok || (s.value = this.m.lang));
            }}
          >
            ${Object.entries(LANGUAGE_NAMES).map(([code, name]) => html`<option value=${code} lang=${code} ?selected=${code === m.lang}>${name}</option>`)}
          </select>
        </label>
        ${this.#canSpeak
          ? btn(this.speaking ? m.stopReading : m.readAloudText, () => import('./speak.js').then((c) => c.readAloud(this)), 'secondary small')
          : nothing}
      </div>
      <div class="content">${this.#content()}</div>
      ${this.data ? this.#help() : nothing}`);
  }

  #content(): TemplateResult {
    const m = this.m;
    if (this.sub) return this.sub.render();
    if (this.loadState === 'loading') return loading(m);
    if (this.loadState === 'not-found') return html`${heading(m.notFound)}<p>${m.notFoundHint}</p>`;
    if (this.loadState === 'failed') return html`${heading(m.loadFailed)} ${btn(m.tryAgain, this.load)}`;
    if (this.result) return resultScreen(this);
    // 'closed', 'not-open', 'not-found' are screens of their own; the rest are boxes on the check.
    if (this.notice && !['network', 'server', 'already'].includes(this.notice)) return this.late((c, m) => c.noticeScreen(this, m));
    const i = STEPS.indexOf(this.d.step);
    if (i < 1) return activityCard(this);
    const [title, body] = QUESTIONS[i - 1][0](this, m);
    return html`${btn(m.backText, () => this.go(STEPS[i - 1]), 'link back')} ${errorSummary(m.errorTitle, this.errors, this.renderRoot)}
      <p class="caption">${m.stepText(i + 1, 5)}</p>
      ${heading(title)} ${body}
      ${i > 3 ? btn(m.submitText(this.names()), () => submit(this), 'primary', this.busy) : btn(m.nextText, this.next, 'primary')}`;
  }

  /**
   * Not open yet, closed, waiting for the draw, or closed while sending: no Dutch registration
   * needs these screens, so they come with the interest list (a chunk) and their texts.
   */
  late(draw: (c: typeof import('../interest/interest.js'), m: Messages & More) => TemplateResult) {
    const lang = this.m.lang;
    if (this.#late !== lang) {
      this.#late = lang;
      this.lateReady = Promise.all([import('../interest/interest.js'), loadMore(lang as Language)]).then(
        ([c, x]) => this.#late === lang && ((this.#lateChunk = c), (this.lateX = x)),
        () => ((this.#late = ''), (this.loadState = 'failed')),
      );
    }
    return this.lateX && this.#lateChunk ? draw(this.#lateChunk, { ...this.m, ...this.lateX }) : loading(this.m);
  }

  #help() {
    const m = this.m;
    const a = this.data!;
    return html`<div class="help" part="help">
      <button type="button" class="link" aria-expanded=${this.helpOpen} aria-controls="help-panel" @click=${this.#toggleHelp}>${m.helpText}</button>
      <div id="help-panel" ?hidden=${!this.helpOpen}>
        ${callLine(m.callUs(a.organisation.name), a.organisation.phone)}
        ${this.helpOpen
          ? html`<instap-appointment
              organisation=${a.organisation.slug}
              lang=${m.lang}
              api-base=${this.base}
              .embedded=${true}
              .prefill=${this.d.contact}
              .context=${{ activityId: a.id, step: this.#step, language: m.lang }}
            ></instap-appointment>`
          : nothing}
      </div>
    </div>`;
  }
}
