/** "Wijzig je wachtwoord": for everyone who is signed in. Other sessions end, this one stays. */
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { toFieldErrors, type FieldError } from '../ui/errors.js';
import { field } from '../ui/fields.js';
import { errorSummary, notice, Screen } from '../ui/screen.js';

export class PasswordScreen extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @state() current = '';
  @state() next = '';
  @state() again = '';
  @state() errors: FieldError[] = [];
  @state() done = '';

  private async submit(e: Event) {
    e.preventDefault();
    this.done = '';
    this.errors = [];
    if (!this.current) this.errors.push({ field: 'f-currentPassword', message: 'Vul je huidige wachtwoord in.' });
    if (this.next.length < 12) this.errors.push({ field: 'f-newPassword', message: 'Een wachtwoord heeft minstens 12 tekens.' });
    else if (this.next !== this.again) this.errors.push({ field: 'f-again', message: 'Typ hetzelfde nieuwe wachtwoord nog eens.' });
    if (this.errors.length) return this.focusSummary();
    try {
      await api('POST', '/admin/users/me/password', { currentPassword: this.current, newPassword: this.next });
      this.current = this.next = this.again = '';
      this.done = 'Je wachtwoord is gewijzigd. Op andere toestellen ben je nu afgemeld.';
    } catch (err) {
      this.errors = toFieldErrors(err, 'f-currentPassword');
      await this.focusSummary();
    }
  }

  override render() {
    const e = this.errors;
    return html`<form class="narrow" novalidate @submit=${this.submit}>
      ${errorSummary(e)}
      <h1>Wijzig je wachtwoord</h1>
      ${notice(this.done)}
      <p>Na het wijzigen ben je afgemeld op je andere toestellen.</p>
      ${field({ id: 'f-currentPassword', label: 'Huidig wachtwoord', type: 'password', autocomplete: 'current-password', width: 'medium', value: this.current, errors: e, onInput: (v) => (this.current = v) })}
      ${field({ id: 'f-newPassword', label: 'Nieuw wachtwoord', hint: 'Minstens 12 tekens. Een zin van een paar woorden is goed en makkelijk te onthouden.', type: 'password', autocomplete: 'new-password', width: 'medium', value: this.next, errors: e, onInput: (v) => (this.next = v) })}
      ${field({ id: 'f-again', label: 'Nieuw wachtwoord nog eens', type: 'password', autocomplete: 'new-password', width: 'medium', value: this.again, errors: e, onInput: (v) => (this.again = v) })}
      <button class="button">Wijzig je wachtwoord</button>
    </form>`;
  }
}
