/** The city's tariff charter: one kanspas discount for every organisation of the city. */
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { dateTime } from '../format.js';
import { problemText, toFieldErrors, type FieldError } from '../ui/errors.js';
import { field } from '../ui/fields.js';
import { errorSummary, notice, Screen } from '../ui/screen.js';

export class Charter extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @state() kanspas = '';
  @state() sibling = '';
  @state() updatedAt = '';
  @state() errors: FieldError[] = [];
  @state() saved = '';
  /** The form shows once the charter is here, so nothing staff type is overwritten by it. */
  @state() loaded = false;
  @state() problem = '';

  override connectedCallback() {
    super.connectedCallback();
    api<{ kanspasDiscountPercent: number; siblingDiscountPercent: number; updatedAt: string }>('GET', '/admin/charter').then((c) => {
      this.kanspas = String(c.kanspasDiscountPercent);
      this.sibling = String(c.siblingDiscountPercent);
      this.updatedAt = c.updatedAt;
      this.loaded = true;
    }, (err) => (this.problem = problemText(err)));
  }

  private async submit(e: Event) {
    e.preventDefault();
    this.saved = '';
    const pct = (v: string) => (/^\d{1,3}$/.test(v.trim()) && Number(v) <= 100 ? Number(v) : null);
    this.errors = [
      ...(pct(this.kanspas) === null ? [{ field: 'f-kanspasDiscountPercent', message: 'Geef een percentage van 0 tot 100.' }] : []),
      ...(pct(this.sibling) === null ? [{ field: 'f-siblingDiscountPercent', message: 'Geef een percentage van 0 tot 100.' }] : []),
    ];
    if (this.errors.length) return this.focusSummary();
    try {
      const c = await api<{ updatedAt: string }>('PUT', '/admin/charter', { kanspasDiscountPercent: pct(this.kanspas), siblingDiscountPercent: pct(this.sibling) });
      this.updatedAt = c.updatedAt;
      this.saved = 'Het tariefcharter is bewaard. Het geldt voor nieuwe inschrijvingen.';
    } catch (err) {
      this.errors = toFieldErrors(err, 'f-kanspasDiscountPercent');
      await this.focusSummary();
    }
  }

  override render() {
    // One heading in every state: it has focus after navigating here, and must stay the same element.
    return html`<div class="narrow">
      ${errorSummary(this.errors)}
      <h1>Tariefcharter van ${this.app.session?.user.city.name ?? 'de stad'}</h1>
      ${this.loaded ? this.form() : this.problem ? html`<p class="field-error">${this.problem}</p>` : html`<p role="status">Laden…</p>`}
    </div>`;
  }

  private form() {
    return html`<form novalidate @submit=${this.submit}>
      <p>Eén regel voor alle clubs en diensten: een gezin met een kansenpas krijgt overal dezelfde korting.</p>
      ${notice(this.saved)}
      ${field({ id: 'f-kanspasDiscountPercent', label: 'Korting met kansenpas, in procent', hint: 'Bijvoorbeeld 80: een les van 10 euro kost dan 2 euro.', inputmode: 'numeric', width: 'short', value: this.kanspas, errors: this.errors, onInput: (v) => (this.kanspas = v) })}
      ${field({ id: 'f-siblingDiscountPercent', label: 'Korting voor een broer of zus, in procent', hint: 'Voor het tweede kind en volgende in één inschrijving. 0 als er geen korting is.', inputmode: 'numeric', width: 'short', value: this.sibling, errors: this.errors, onInput: (v) => (this.sibling = v) })}
      <button class="button">Bewaar het tariefcharter</button>
      ${this.updatedAt ? html`<p class="hint">Laatst gewijzigd: ${dateTime(this.updatedAt)}.</p>` : ''}
    </form>`;
  }
}
