/** What both elements share: the styles, the language (attribute, switch or browser), the server, the clock. */
import { html, type TemplateResult } from 'lit/html.js';
import type { Language } from '@instap/core/rules';
import { scriptOrigin } from './api.js';
import { loadMessages, nl, pickLanguage, type Messages } from './i18n/index.js';
import { styles } from './registration/registration.styles.js';
import { UpdatingElement, type Changed, type PropertyDeclarations } from './updating-element.js';

export class InstapElement extends UpdatingElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    lang: {},
    apiBase: { attribute: 'api-base' },
    clock: { attribute: false },
    m: { state: true },
  };

  override lang = '';
  apiBase = '';
  clock: () => Date = () => new Date();
  m: Messages = nl;
  /** The family picked a language (attribute or switch): a stored language must not override it. */
  chosen = false;
  #ticket = 0;

  get base() {
    return this.apiBase || scriptOrigin;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!this.lang) void this.setLanguage(pickLanguage(navigator.language) ?? 'nl');
  }

  protected override willUpdate(changed: Changed) {
    if (changed.has('lang') && this.lang) {
      this.chosen = true;
      void this.setLanguage(pickLanguage(this.lang) ?? 'nl');
    }
  }

  /** Switches language; other catalogues arrive as separate chunks. The last choice wins, even when an earlier catalogue arrives later. */
  async setLanguage(lang: Language) {
    const ticket = ++this.#ticket;
    const m = await loadMessages(lang);
    if (ticket === this.#ticket) this.m = m;
  }

  /** The outer box, in the family's language and direction. */
  root(content: unknown): TemplateResult {
    const m = this.m;
    return html`<div class="root" part="root" lang=${m.lang} dir=${m.dir}>${content}</div>`;
  }
}
