/**
 * Accounts: a city admin manages everyone of the city, an organisation admin its own people.
 * Without a password, a person signs in with a link by e-mail.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { ROLE_NL } from '../format.js';
import { problemText, toFieldErrors, type FieldError } from '../ui/errors.js';
import { field, select } from '../ui/fields.js';
import { errorSummary, notice, Screen } from '../ui/screen.js';

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  organisation: string | null;
  hasPassword: boolean;
  disabled: boolean;
}

export class Users extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @state() users: User[] | null = null;
  @state() name = '';
  @state() email = '';
  @state() newRole = 'organisation-staff';
  @state() organisation = '';
  @state() password = '';
  @state() errors: FieldError[] = [];
  @state() message = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private get cityAdmin() {
    return this.app.session?.user.role === 'city-admin';
  }

  private async load() {
    try {
      this.users = (await api<{ users: User[] }>('GET', '/admin/users')).users;
    } catch (e) {
      this.message = problemText(e);
    }
  }

  private async submit(e: Event) {
    e.preventDefault();
    this.message = '';
    this.errors = [];
    if (!this.name.trim()) this.errors.push({ field: 'f-name', message: 'Vul de naam in.' });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email.trim())) this.errors.push({ field: 'f-email', message: 'Geef een e-mailadres zoals naam@club.be.' });
    if (this.password && this.password.length < 12) this.errors.push({ field: 'f-password', message: 'Een wachtwoord heeft minstens 12 tekens.' });
    if (this.errors.length) return this.focusSummary();
    try {
      await api('POST', '/admin/users', {
        name: this.name.trim(),
        email: this.email.trim(),
        role: this.newRole,
        ...(this.cityAdmin ? { organisation: this.organisation || null } : {}),
        ...(this.password ? { password: this.password } : {}),
      });
      this.message = `Het account van ${this.name.trim()} is klaar.${this.password ? '' : ' Deze persoon meldt aan met een link per e-mail.'}`;
      this.name = this.email = this.password = '';
      await this.load();
    } catch (err) {
      this.errors = toFieldErrors(err, 'f-email');
      await this.focusSummary();
    }
  }

  private async toggle(u: User) {
    try {
      await api('PATCH', `/admin/users/${u.id}`, { disabled: !u.disabled });
      this.message = u.disabled ? `${u.name} kan weer aanmelden.` : `${u.name} kan niet meer aanmelden.`;
      await this.load();
    } catch (e) {
      this.message = problemText(e);
    }
  }

  override render() {
    const e = this.errors;
    const roles = Object.entries(ROLE_NL).filter(([r]) => this.cityAdmin || r !== 'city-admin');
    const orgs = this.app.organisations;
    return html`${errorSummary(e)}
      <h1>Gebruikers</h1>
      ${notice(this.message)}
      ${this.users === null
        ? html`<p role="status">Laden…</p>`
        : html`<table class="table">
            <caption class="visually-hidden">Gebruikers</caption>
            <thead><tr><th scope="col">Naam</th><th scope="col">E-mailadres</th><th scope="col">Rol</th><th scope="col">Organisatie</th><th scope="col">Doen</th></tr></thead>
            <tbody>
              ${this.users.map(
                (u) => html`<tr>
                  <th scope="row">${u.name}${u.disabled ? html` <span class="tag">Uitgezet</span>` : nothing}</th>
                  <td>${u.email}</td>
                  <td>${ROLE_NL[u.role] ?? u.role}</td>
                  <td>${u.organisation ? (orgs.find((o) => o.slug === u.organisation)?.name ?? u.organisation) : 'Hele stad'}</td>
                  <td>
                    ${u.id === this.app.session?.user.id
                      ? html`Dit ben jij<br /><a href="#/password">Wijzig je wachtwoord</a>`
                      : html`<a href="#/users/${u.id}" class="row-link">Wijzig rol of wachtwoord<span class="visually-hidden"> van ${u.name}</span></a><br /><button type="button" class="button button--secondary button--small" @click=${() => this.toggle(u)}>
                          ${u.disabled ? 'Zet weer aan' : 'Zet uit'}<span class="visually-hidden"> voor ${u.name}</span>
                        </button>`}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      <form novalidate @submit=${this.submit} class="group">
        <h2>Nieuwe gebruiker</h2>
        ${field({ id: 'f-name', label: 'Naam', width: 'medium', value: this.name, errors: e, onInput: (v) => (this.name = v) })}
        ${field({ id: 'f-email', label: 'E-mailadres', type: 'email', autocomplete: 'off', value: this.email, errors: e, onInput: (v) => (this.email = v) })}
        ${select({ id: 'f-role', label: 'Rol', hint: 'Een brugfiguur ziet alleen de gezinnen die hij of zij zelf inschreef.', value: this.newRole, options: roles, errors: e, onChange: (v) => (this.newRole = v) })}
        ${this.cityAdmin
          ? select({ id: 'f-organisation', label: 'Organisatie', hint: 'Hele stad: voor stadsbeheerders en brugfiguren die met alle clubs werken.', value: this.organisation, options: [['', 'Hele stad'], ...orgs.map((o) => [o.slug, o.name] as [string, string])], errors: e, onChange: (v) => (this.organisation = v) })
          : nothing}
        ${field({ id: 'f-password', label: 'Wachtwoord', optional: true, hint: 'Minstens 12 tekens. Leeg: de persoon meldt aan met een link per e-mail.', type: 'password', autocomplete: 'new-password', width: 'medium', value: this.password, errors: e, onInput: (v) => (this.password = v) })}
        <button class="button">Maak het account</button>
      </form>`;
  }
}
