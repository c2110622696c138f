/** The city's organisations (city admin): the list, and a form to add one. */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api, ApiProblem } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { toFieldErrors, type FieldError } from '../ui/errors.js';
import { field } from '../ui/fields.js';
import { errorSummary, notice, Screen } from '../ui/screen.js';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

export class OrganisationsScreen extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @state() slug = '';
  @state() name = '';
  @state() phone = '';
  @state() email = '';
  @state() origins = '';
  @state() errors: FieldError[] = [];
  @state() made = '';

  private async submit(e: Event) {
    e.preventDefault();
    this.made = '';
    this.errors = [];
    const slug = this.slug.trim();
    if (!this.name.trim()) this.errors.push({ field: 'f-name', message: 'Vul de naam van de organisatie in.' });
    if (!SLUG.test(slug)) this.errors.push({ field: 'f-slug', message: 'Geef een korte naam met kleine letters, cijfers en streepjes, zoals zwemclub-kortrijk.' });
    if (!this.phone.trim()) this.errors.push({ field: 'f-phone', message: 'Geef het telefoonnummer dat families kunnen bellen.' });
    if (this.errors.length) return this.focusSummary();
    try {
      await api('POST', '/admin/organisations', {
        slug,
        name: this.name.trim(),
        phone: this.phone.trim(),
        ...(this.email.trim() ? { email: this.email.trim() } : {}),
        allowedOrigins: this.origins.split('\n').map((l) => l.trim().replace(/\/$/, '')).filter(Boolean),
      });
      this.made = `${this.name.trim()} is toegevoegd. Maak nu een account voor een beheerder van die organisatie.`;
      this.slug = this.name = this.phone = this.email = this.origins = '';
      await this.app.refreshOrganisations();
      // The list lives in the console, not in this screen's state.
      this.requestUpdate();
    } catch (err) {
      // The API names the field but not the reason: say it in words.
      if (err instanceof ApiProblem && err.code === 'slug_taken') this.errors = [{ field: 'f-slug', message: 'Deze korte naam is al in gebruik. Kies een andere.' }];
      else this.errors = toFieldErrors(err, 'f-slug').map((f) => (f.field.startsWith('f-allowedOrigins') ? { ...f, field: 'f-allowedOrigins' } : f));
      await this.focusSummary();
    }
  }

  override render() {
    const e = this.errors;
    const orgs = this.app.organisations;
    return html`${errorSummary(e)}
      <h1>Organisaties</h1>
      ${notice(this.made)}
      ${orgs.length
        ? html`<table class="table">
            <caption class="visually-hidden">Organisaties van de stad</caption>
            <thead><tr><th scope="col">Naam</th><th scope="col">Korte naam</th><th scope="col">Telefoon</th><th scope="col">E-mailadres</th><th scope="col">Websites</th></tr></thead>
            <tbody>
              ${orgs.map(
                (o) => html`<tr>
                  <th scope="row">${o.name}</th>
                  <td>${o.slug}</td>
                  <td>${o.phone}</td>
                  <td>${o.email ?? ''}</td>
                  <td>${o.allowedOrigins.length ? o.allowedOrigins.map((w) => html`${w}<br />`) : nothing}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>Er zijn nog geen organisaties.</p>`}
      <form novalidate @submit=${this.submit} class="group narrow">
        <h2>Nieuwe organisatie</h2>
        ${field({ id: 'f-name', label: 'Naam', value: this.name, errors: e, onInput: (v) => (this.name = v) })}
        ${field({ id: 'f-slug', label: 'Korte naam', hint: 'Kleine letters, cijfers en streepjes, zoals zwemclub-kortrijk. Je kan dit later niet meer wijzigen.', width: 'medium', autocomplete: 'off', value: this.slug, errors: e, onInput: (v) => (this.slug = v) })}
        ${field({ id: 'f-phone', label: 'Telefoonnummer voor families', hint: 'Families zien dit nummer op elk scherm.', type: 'tel', width: 'medium', value: this.phone, errors: e, onInput: (v) => (this.phone = v) })}
        ${field({ id: 'f-email', label: 'E-mailadres', optional: true, type: 'email', value: this.email, errors: e, onInput: (v) => (this.email = v) })}
        ${field({ id: 'f-allowedOrigins', label: 'Websites die de inschrijving mogen tonen', optional: true, multiline: true, rows: 3, hint: 'Eén per regel, zoals https://www.zwemclub.be.', value: this.origins, errors: e, onInput: (v) => (this.origins = v) })}
        <button class="button">Voeg de organisatie toe</button>
      </form>`;
  }
}
