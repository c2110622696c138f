/** An admin changes one person's role or password. Either change signs that person out everywhere. */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { ROLE_NL } from '../format.js';
import { problemText, toFieldErrors, type FieldError } from '../ui/errors.js';
import { field, select } from '../ui/fields.js';
import { errorSummary, notice, Screen } from '../ui/screen.js';
import type { User } from './users.js';

export class UserEditScreen extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() userId = '';
  @state() user: User | null = null;
  @state() newRole = '';
  @state() password = '';
  @state() errors: FieldError[] = [];
  @state() done = '';
  @state() problem = '';

  override updated(changed: Map<string, unknown>) {
    if (changed.has('userId')) void this.load();
  }

  private async load() {
    try {
      const users = (await api<{ users: User[] }>('GET', '/admin/users')).users;
      this.user = users.find((u) => u.id === this.userId) ?? null;
      if (!this.user) this.problem = 'Deze gebruiker bestaat niet, of je beheert hem niet.';
      else this.newRole = this.user.role;
    } catch (e) {
      this.problem = problemText(e);
    }
  }

  private async submit(e: Event) {
    e.preventDefault();
    const u = this.user!;
    this.done = '';
    this.errors = [];
    if (this.password && this.password.length < 12) this.errors.push({ field: 'f-password', message: 'Een wachtwoord heeft minstens 12 tekens.' });
    if (this.newRole === u.role && !this.password) this.errors.push({ field: 'f-role', message: 'Kies een andere rol of typ een nieuw wachtwoord.' });
    if (this.errors.length) return this.focusSummary();
    try {
      this.user = await api<User>('PATCH', `/admin/users/${u.id}`, { ...(this.newRole !== u.role ? { role: this.newRole } : {}), ...(this.password ? { password: this.password } : {}) });
      this.password = '';
      this.done = `De wijziging is bewaard. ${u.name} moet opnieuw aanmelden.`;
    } catch (err) {
      this.errors = toFieldErrors(err, 'f-role');
      await this.focusSummary();
    }
  }

  override render() {
    const e = this.errors;
    const u = this.user;
    const cityAdmin = this.app.session?.user.role === 'city-admin';
    const roles = Object.entries(ROLE_NL).filter(([r]) => cityAdmin || r !== 'city-admin');
    return html`<p><a href="#/users" class="back">Terug naar de gebruikers</a></p>
      ${errorSummary(e)}
      <h1>Wijzig ${u ? u.name : 'een gebruiker'}</h1>
      ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing}
      ${notice(this.done)}
      ${u
        ? html`<form class="narrow" novalidate @submit=${this.submit}>
            <p>${u.email}</p>
            ${select({ id: 'f-role', label: 'Rol', hint: 'Een brugfiguur ziet alleen de gezinnen die hij of zij zelf inschreef.', value: this.newRole, options: roles, errors: e, onChange: (v) => (this.newRole = v) })}
            ${field({ id: 'f-password', label: 'Nieuw wachtwoord', optional: true, hint: 'Minstens 12 tekens. Geef het wachtwoord persoonlijk door, niet per e-mail.', type: 'password', autocomplete: 'new-password', width: 'medium', value: this.password, errors: e, onInput: (v) => (this.password = v) })}
            <button class="button">Bewaar de wijziging</button>
          </form>`
        : this.problem
          ? nothing
          : html`<p role="status">Laden…</p>`}`;
  }
}
