/** What both elements share: the styles, the language (attribute, switch or browser), the server, the clock. */
import { html, type TemplateResult } from 'lit/html.js';
import type { Language } from '@instap/core/rules';
import { scriptOrigin } from './api.js';
import { local } from './storage.js';
import { loadMessages, nl, pickLanguage, type Messages } from './i18n/index.js';
import { styles } from './registration/registration.styles.js';
import { UpdatingElement, type Changed, type PropertyDeclarations } from './updating-element.js';

const LANGUAGE_KEY = 'instap:language';

export class InstapElement extends UpdatingElement {
  static override get styles() {
    return styles;
  }
  static override get properties(): PropertyDeclarations {
    return {
      lang: {},
      apiBase: { attribute: 'api-base' },
      clock: { attribute: false },
      m: { state: true },
    };
  }

  override lang = '';
  apiBase = '';
  clock: () => Date = () => new Date();
  m: Messages = nl;
  /** The family picked a language (attribute or switch): a stored language must not override it. */
  chosen = false;
  /** The language asked for last; `m` follows once its texts have arrived. */
  want: Language = 'nl';
  /** The first draw follows the family's own earlier choice, not the page's `lang`. */
  #remembered = false;
  #ticket = 0;

  get base() {
    return this.apiBase || scriptOrigin;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.chosen) return; // moved on the page: keep the language
    // The family's own pick on an earlier visit (the switch), unless inside another Instap element.
    const mine = !(this as { embedded?: boolean }).embedded && pickLanguage(local((s) => s.getItem(LANGUAGE_KEY)));
    if (mine) {
      this.chosen = this.#remembered = true;
      void this.setLanguage(mine);
    } else if (!this.lang) void this.setLanguage([...navigator.languages, navigator.language].map(pickLanguage).find(Boolean) ?? 'nl');
  }

  protected override willUpdate(changed: Changed) {
    if (changed.has('lang') && this.lang && !this.#remembered) {
      this.chosen = true;
      void this.setLanguage(pickLanguage(this.lang) ?? 'nl');
    }
    this.#remembered = false;
  }

  /** The family picks a language in the switch: it stays their language on this site. */
  choose(lang: Language) {
    this.chosen = true;
    return this.setLanguage(lang).then((ok) => (ok && local((s) => s.setItem(LANGUAGE_KEY, lang)), ok));
  }

  /**
   * Switches language; other catalogues arrive as separate chunks. The last choice wins, even when
   * an earlier catalogue arrives later. A catalogue that does not arrive (a weak connection) leaves
   * the language on show, and the switch says so again. True when the language changed.
   */
  async setLanguage(lang: Language): Promise<boolean> {
    this.want = lang;
    const ticket = ++this.#ticket;
    const m = await loadMessages(lang).catch(() => null);
    if (ticket !== this.#ticket) return false;
    if (m) this.m = m;
    else this.want = this.m.lang as Language;
    return !!m;
  }

  /** The outer box, in the family's language and direction. */
  root(content: unknown): TemplateResult {
    const m = this.m;
    return html`<div class="root" part="root" lang=${m.lang} dir=${m.dir}>${content}</div>`;
  }
}
