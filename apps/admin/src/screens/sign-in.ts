/**
 * Sign in with e-mail and password, or ask for a link by e-mail. The password field allows
 * pasting and password managers (WCAG 3.3.8): no puzzle, no paste blocking.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { problemText, toFieldErrors, type FieldError } from '../ui/errors.js';
import { field, radios } from '../ui/fields.js';
import { errorSummary, notice, Screen } from '../ui/screen.js';

export class SignIn extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @state() method: 'password' | 'link' = 'password';
  @state() email = '';
  @state() password = '';
  @state() errors: FieldError[] = [];
  @state() sent = '';
  @state() devLink = '';
  @state() busy = false;

  private check(): FieldError[] {
    const out: FieldError[] = [];
    if (!this.email.trim()) out.push({ field: 'f-email', message: 'Vul je e-mailadres in.' });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email.trim())) out.push({ field: 'f-email', message: 'Geef een e-mailadres zoals naam@club.be.' });
    if (this.method === 'password' && !this.password) out.push({ field: 'f-password', message: 'Vul je wachtwoord in.' });
    return out;
  }

  private async submit(e: Event) {
    e.preventDefault();
    this.errors = this.check();
    this.sent = '';
    if (this.errors.length) return this.focusSummary();
    this.busy = true;
    try {
      if (this.method === 'password') {
        await api('POST', '/session', { email: this.email.trim(), password: this.password });
        await this.app.signedIn();
      } else {
        const r = await api<{ message: string; devLink?: string }>('POST', '/session/link', { email: this.email.trim() });
        this.sent = 'Als dit adres een account heeft, krijg je nu een e-mail met een link. De link werkt één keer, 15 minuten lang.';
        this.devLink = r.devLink ?? '';
      }
    } catch (err) {
      const field = (err as { code?: string }).code === 'invalid_credentials' ? 'f-password' : 'f-email';
      this.errors = toFieldErrors(err, field).map((f) => ({ ...f, message: f.field === field ? problemText(err) : f.message }));
      await this.focusSummary();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const set = (k: 'email' | 'password') => (v: string) => (this[k] = v);
    return html`<form class="narrow" novalidate @submit=${this.submit}>
      ${errorSummary(this.errors)}
      <h1>Aanmelden</h1>
      <p>Voor clubs, diensten van de stad en brugfiguren.</p>
      ${field({ id: 'f-email', label: 'E-mailadres', type: 'email', autocomplete: 'username', value: this.email, errors: this.errors, onInput: set('email') })}
      ${radios({
        id: 'f-method',
        legend: 'Hoe wil je aanmelden?',
        value: this.method,
        errors: this.errors,
        options: [
          ['password', 'Met mijn wachtwoord'],
          ['link', 'Stuur me een link', 'Je krijgt een e-mail met een link om aan te melden.'],
        ],
        onChange: (v) => (this.method = v as 'password' | 'link'),
      })}
      ${this.method === 'password'
        ? field({ id: 'f-password', label: 'Wachtwoord', type: 'password', autocomplete: 'current-password', width: 'medium', value: this.password, errors: this.errors, onInput: set('password') })
        : nothing}
      <button class="button" ?disabled=${this.busy}>${this.method === 'password' ? 'Meld aan' : 'Stuur me een link'}</button>
      ${notice(this.sent)}
      ${this.devLink
        ? html`<p class="dev-note">Ontwikkelserver zonder e-mail: <a href=${this.devLink}>open je aanmeldlink</a>.</p>`
        : nothing}
    </form>`;
  }
}

/** The page a sign-in link opens: it posts the token, so a mail scanner that fetches the link does not use it up. */
export class LinkSignIn extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() token = '';
  @state() problem = '';

  private async use() {
    try {
      await api('POST', '/session/link/redeem', { token: this.token });
      await this.app.signedIn();
    } catch (e) {
      this.problem = problemText(e);
    }
  }

  override render() {
    return html`<div class="narrow">
      <h1>Aanmelden met je link</h1>
      ${this.problem
        ? html`<p class="field-error">${this.problem}</p>
            <p><a href="#/activities">Vraag een nieuwe link</a></p>`
        : html`<p>Druk op de knop om aan te melden. De link werkt één keer.</p>
            <button class="button" @click=${this.use}>Meld me aan</button>`}
    </div>`;
  }
}
