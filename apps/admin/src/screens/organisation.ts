/** The organisation's own details: the phone families see on every screen, and the websites that may embed the widget. */
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { toFieldErrors, type FieldError } from '../ui/errors.js';
import { field } from '../ui/fields.js';
import { errorSummary, notice, Screen } from '../ui/screen.js';

export class OrganisationScreen extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() org = '';
  @state() name = '';
  @state() phone = '';
  @state() email = '';
  @state() origins = '';
  @state() errors: FieldError[] = [];
  @state() saved = '';

  override updated(changed: Map<string, unknown>) {
    if (changed.has('org')) {
      const o = this.app.organisation;
      if (!o) return;
      [this.name, this.phone, this.email, this.origins] = [o.name, o.phone, o.email ?? '', o.allowedOrigins.join('\n')];
    }
  }

  private async submit(e: Event) {
    e.preventDefault();
    this.saved = '';
    this.errors = [];
    if (!this.name.trim()) this.errors.push({ field: 'f-name', message: 'Vul de naam van de organisatie in.' });
    if (!this.phone.trim()) this.errors.push({ field: 'f-phone', message: 'Geef het telefoonnummer dat families kunnen bellen.' });
    if (this.errors.length) return this.focusSummary();
    try {
      await api('PATCH', `/admin/organisations/${encodeURIComponent(this.org)}`, {
        name: this.name.trim(),
        phone: this.phone.trim(),
        ...(this.email.trim() ? { email: this.email.trim() } : {}),
        allowedOrigins: this.origins.split('\n').map((l) => l.trim().replace(/\/$/, '')).filter(Boolean),
      });
      await this.app.refreshOrganisations();
      this.saved = 'De gegevens zijn bewaard.';
    } catch (err) {
      this.errors = toFieldErrors(err, 'f-name').map((f) => (f.field.startsWith('f-allowedOrigins') ? { ...f, field: 'f-allowedOrigins' } : f));
      await this.focusSummary();
    }
  }

  override render() {
    const e = this.errors;
    return html`<form class="narrow" novalidate @submit=${this.submit}>
      ${errorSummary(e)}
      <h1>Gegevens van je organisatie</h1>
      ${notice(this.saved)}
      ${field({ id: 'f-name', label: 'Naam', value: this.name, errors: e, onInput: (v) => (this.name = v) })}
      ${field({ id: 'f-phone', label: 'Telefoonnummer voor families', hint: 'Families zien dit nummer op elk scherm.', type: 'tel', width: 'medium', value: this.phone, errors: e, onInput: (v) => (this.phone = v) })}
      ${field({ id: 'f-email', label: 'E-mailadres', optional: true, type: 'email', value: this.email, errors: e, onInput: (v) => (this.email = v) })}
      ${field({ id: 'f-allowedOrigins', label: 'Websites die de inschrijving mogen tonen', optional: true, multiline: true, rows: 3, hint: 'Eén per regel, zoals https://www.zwemclub.be.', value: this.origins, errors: e, onInput: (v) => (this.origins = v) })}
      <button class="button">Bewaar de gegevens</button>
    </form>`;
  }
}
