/**
 * Register a family on its behalf: staff at the desk, or a bridge figure sitting with the family.
 * The family's agreement is a tick the API requires. An intermediary's registration counts as a
 * referral, so the family may take a reserved place.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api, idempotencyKey } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { LANGUAGE_NL, STATUS_NL, euro } from '../format.js';
import { problemText, toFieldErrors, type FieldError } from '../ui/errors.js';
import { checkbox, field, select } from '../ui/fields.js';
import { errorSummary, Screen } from '../ui/screen.js';
import type { AdminActivity } from './activities.js';

interface Child {
  firstName: string;
  birthYear: string;
}
interface Created {
  status: string;
  waitlistPosition?: number;
  price: { totalCents: number };
  familyUrl: string;
}

export class RegisterFamily extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() activityId = '';
  @state() activity: AdminActivity | null = null;
  @state() kids: Child[] = [{ firstName: '', birthYear: '' }];
  @state() name = '';
  @state() phone = '';
  @state() email = '';
  @state() language = 'nl';
  @state() kanspas = false;
  @state() agreed = false;
  @state() errors: FieldError[] = [];
  @state() created: Created | null = null;
  @state() busy = false;
  private key = idempotencyKey();

  override updated(changed: Map<string, unknown>) {
    if (changed.has('activityId'))
      api<AdminActivity>('GET', `/admin/activities/${this.activityId}`)
        .then((a) => (this.activity = a))
        .catch((e) => (this.errors = [{ field: 'f-children-0-firstName', message: problemText(e) }]));
  }

  private check(): FieldError[] {
    const out: FieldError[] = [];
    this.kids.forEach((c, i) => {
      if (!c.firstName.trim()) out.push({ field: `f-children-${i}-firstName`, message: 'Vul de voornaam van het kind in.' });
      if (!/^\d{4}$/.test(c.birthYear.trim())) out.push({ field: `f-children-${i}-birthYear`, message: 'Geef het geboortejaar van het kind, zoals 2016.' });
    });
    if (!this.name.trim()) out.push({ field: 'f-contact-name', message: 'Vul de naam van de ouder in.' });
    if (!this.phone.trim() && !this.email.trim()) out.push({ field: 'f-contact-phone', message: 'Geef een telefoonnummer of een e-mailadres. Eén van de twee is genoeg.' });
    if (!this.agreed) out.push({ field: 'f-familyAgreed', message: 'Vink aan dat het gezin akkoord is.' });
    return out;
  }

  private async submit(e: Event) {
    e.preventDefault();
    this.errors = this.check();
    if (this.errors.length) return this.focusSummary();
    this.busy = true;
    try {
      this.created = await api<Created>(
        'POST',
        `/admin/activities/${this.activityId}/registrations`,
        {
          children: this.kids.map((c) => ({ firstName: c.firstName.trim(), birthYear: Number(c.birthYear) })),
          contact: { name: this.name.trim(), ...(this.phone.trim() ? { phone: this.phone.trim() } : {}), ...(this.email.trim() ? { email: this.email.trim() } : {}) },
          kanspas: this.kanspas,
          language: this.language,
          familyAgreed: this.agreed,
        },
        { 'idempotency-key': this.key },
      );
      await this.updateComplete;
      (this.querySelector('h1') as HTMLElement | null)?.focus();
    } catch (err) {
      this.errors = toFieldErrors(err, 'f-children-0-firstName');
      await this.focusSummary();
    } finally {
      this.busy = false;
    }
  }

  private setChild(i: number, key: keyof Child, v: string) {
    this.kids = this.kids.map((c, j) => (j === i ? { ...c, [key]: v } : c));
  }

  override render() {
    const a = this.activity;
    if (this.created) return this.renderDone();
    const e = this.errors;
    return html`<p><a href="#/activities" class="back">Terug naar de activiteiten</a></p>
      ${errorSummary(e)}
      <h1 tabindex="-1">Schrijf een gezin in${a ? html` voor ${a.title}` : nothing}</h1>
      <form novalidate @submit=${this.submit}>
        ${this.kids.map(
          (c, i) => html`<fieldset class="group">
            <legend><h2>Kind ${i + 1}</h2></legend>
            ${field({ id: `f-children-${i}-firstName`, label: 'Voornaam', width: 'medium', autocomplete: 'off', value: c.firstName, errors: e, onInput: (v) => this.setChild(i, 'firstName', v) })}
            ${field({ id: `f-children-${i}-birthYear`, label: 'Geboortejaar', hint: 'Zoals 2016.', inputmode: 'numeric', width: 'short', value: c.birthYear, errors: e, onInput: (v) => this.setChild(i, 'birthYear', v) })}
            ${this.kids.length > 1 ? html`<button type="button" class="button button--secondary" @click=${() => (this.kids = this.kids.filter((_, j) => j !== i))}>Verwijder kind ${i + 1}</button>` : nothing}
          </fieldset>`,
        )}
        <button type="button" class="button button--secondary" @click=${() => (this.kids = [...this.kids, { firstName: '', birthYear: '' }])}>Voeg een kind toe</button>
        <fieldset class="group">
          <legend><h2>Ouder</h2></legend>
          ${field({ id: 'f-contact-name', label: 'Naam van de ouder', width: 'medium', value: this.name, errors: e, onInput: (v) => (this.name = v) })}
          ${field({ id: 'f-contact-phone', label: 'Telefoonnummer', hint: 'Een telefoonnummer of een e-mailadres. Eén van de twee is genoeg.', type: 'tel', width: 'medium', value: this.phone, errors: e, onInput: (v) => (this.phone = v) })}
          ${field({ id: 'f-contact-email', label: 'E-mailadres', optional: true, type: 'email', value: this.email, errors: e, onInput: (v) => (this.email = v) })}
          ${select({ id: 'f-language', label: 'Taal van het gezin', hint: 'Berichten gaan in deze taal.', value: this.language, options: Object.entries(LANGUAGE_NL), errors: e, onChange: (v) => (this.language = v) })}
          ${checkbox({ id: 'f-kanspas', label: 'Het gezin heeft een kansenpas', hint: 'Dan betaalt het gezin minder.', checked: this.kanspas, errors: e, onChange: (v) => (this.kanspas = v) })}
        </fieldset>
        ${checkbox({ id: 'f-familyAgreed', label: 'Het gezin is akkoord dat ik het inschrijf en deze gegevens doorgeef', checked: this.agreed, errors: e, onChange: (v) => (this.agreed = v) })}
        <button class="button" ?disabled=${this.busy}>Schrijf ${this.kids[0]?.firstName.trim() || 'het gezin'} in</button>
      </form>`;
  }

  private renderDone() {
    const c = this.created!;
    return html`<h1 tabindex="-1">${STATUS_NL[c.status] ?? c.status}${c.waitlistPosition ? ` als nummer ${c.waitlistPosition}` : ''}</h1>
      <div class="panel">
        <p>${this.name} is ${c.status === 'confirmed' ? 'ingeschreven' : c.status === 'waitlisted' ? 'op de wachtlijst gezet' : 'mee in de loting'} voor ${this.activity?.title ?? 'de activiteit'}.</p>
        <p>Prijs: ${euro(c.price.totalCents)}.</p>
      </div>
      <h2>Geef deze link aan het gezin</h2>
      <p>Met deze link ziet het gezin de inschrijving en kan het annuleren.</p>
      <p class="big-url">${c.familyUrl}</p>
      <ul class="actions actions--row">
        <li><a href="#/activities/${this.activityId}/registrations">Bekijk je gezinnen</a></li>
        <li><a href="#/activities">Terug naar de activiteiten</a></li>
      </ul>`;
  }
}
