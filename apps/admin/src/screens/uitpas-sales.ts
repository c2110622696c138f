/**
 * The UiTPAS sales of one activity: per kanspas child whether the sale that gets the club
 * reimbursed is registered with UiTPAS, what is still open, and a button to try again now.
 * Nothing here changes a registration: a sale that is open never costs a family its place.
 */
import type { UitpasSale, UitpasSalesView } from '@instap/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { dateTime, euro, STATUS_NL } from '../format.js';
import { problemText } from '../ui/errors.js';
import { notice, Screen } from '../ui/screen.js';
import type { AdminActivity } from './activities.js';

const fieldId = (s: UitpasSale) => `f-uitpas-${s.registrationId}-${s.childPosition}`;

export const SALE_NL: Record<UitpasSale['status'], string> = {
  'to-register': 'Nog te registreren',
  registered: 'Geregistreerd',
  'to-cancel': 'Nog te annuleren',
  cancelled: 'Geannuleerd',
  failed: 'Geweigerd',
  none: 'Niets te registreren',
};

type Tried = { registered: number; cancelled: number; failed: number; waiting: number };

export class UitpasSalesScreen extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() activityId = '';
  @state() activity: AdminActivity | null = null;
  @state() view: UitpasSalesView | null = null;
  @state() problem = '';
  @state() message = '';
  @state() busy = false;
  /** Corrected pass numbers being typed, per child (`registrationId/position`), and their errors. */
  @state() numbers: Record<string, string> = {};
  @state() numberErrors: Record<string, string> = {};

  override updated(changed: Map<string, unknown>) {
    if (changed.has('activityId')) void this.load();
  }

  private async load() {
    try {
      this.activity = await api<AdminActivity>('GET', `/admin/activities/${this.activityId}`);
      this.view = await api<UitpasSalesView>('GET', `/admin/activities/${this.activityId}/uitpas-sales`);
    } catch (e) {
      this.problem = problemText(e);
    }
  }

  private retry = async () => {
    this.busy = true;
    this.problem = '';
    this.message = '';
    try {
      const res = await api<UitpasSalesView & { tried: Tried }>('POST', `/admin/activities/${this.activityId}/uitpas-sales/retry`);
      this.view = res;
      const t = res.tried;
      const done = t.registered + t.cancelled;
      this.message = done ? `Gelukt: ${done} ${done === 1 ? 'verkoop' : 'verkopen'} bijgewerkt bij UiTPAS.` : res.summary.length ? 'Nog niet gelukt. Instap probeert het later zelf opnieuw.' : 'Alles is in orde.';
    } catch (e) {
      this.problem = problemText(e);
    } finally {
      this.busy = false;
    }
  };

  private saveNumber = async (s: UitpasSale) => {
    const key = `${s.registrationId}/${s.childPosition}`;
    const value = (this.numbers[key] ?? '').replace(/\s/g, '');
    this.numberErrors = { ...this.numberErrors, [key]: '' };
    if (!/^\d{13}$/.test(value)) {
      this.numberErrors = { ...this.numberErrors, [key]: 'Een UiTPAS-nummer heeft 13 cijfers.' };
      await this.updateComplete;
      (this.querySelector(`#${CSS.escape(fieldId(s))}`) as HTMLElement | null)?.focus();
      return;
    }
    try {
      this.view = await api<UitpasSalesView>('PUT', `/admin/registrations/${s.registrationId}/children/${s.childPosition}/uitpas-number`, { uitpasNumber: value });
      this.message = `Het nummer van ${s.firstName} is bewaard. Druk op "Probeer opnieuw" om de verkoop nu te registreren.`;
    } catch (e) {
      this.numberErrors = { ...this.numberErrors, [key]: problemText(e) };
    }
  };

  /** A refused or missing number can be corrected, as long as no sale is registered with it. */
  private numberForm(s: UitpasSale) {
    if (s.registrationStatus !== 'confirmed' || !(s.status === 'failed' || (s.status === 'none' && s.problem?.code === 'no-number')) || s.ticketSaleId) return nothing;
    const key = `${s.registrationId}/${s.childPosition}`;
    const id = fieldId(s);
    const error = this.numberErrors[key];
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label class="label" for=${id}>UiTPAS-nummer van ${s.firstName}</label>
      ${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Fout:</span> ${error}</p>` : nothing}
      <input class="input--medium" id=${id} inputmode="numeric" autocomplete="off" aria-describedby=${error ? `${id}-error` : nothing} .value=${this.numbers[key] ?? ''} @input=${(e: Event) => (this.numbers = { ...this.numbers, [key]: (e.target as HTMLInputElement).value })} />
      <button type="button" class="button button--secondary" @click=${() => this.saveNumber(s)}>Bewaar het nummer<span class="visually-hidden"> van ${s.firstName}</span></button>
    </div>`;
  }

  private row(s: UitpasSale) {
    return html`<tr>
      <th scope="row">${s.firstName}<br /><span class="hint">${s.contactName}</span></th>
      <td>${STATUS_NL[s.registrationStatus] ?? s.registrationStatus}</td>
      <td>
        <strong>${SALE_NL[s.status]}</strong>
        ${s.problem ? html`<br /><span class=${s.status === 'failed' ? 'field-error' : 'hint'}>${s.problem.message}</span>` : nothing}
        ${s.nextAttemptAt && s.attempts > 0 ? html`<br /><span class="hint">Volgende poging: ${dateTime(s.nextAttemptAt)}</span>` : nothing}
        ${this.numberForm(s)}
      </td>
      <td class="num">${s.chargedCents !== null ? euro(s.chargedCents) : '–'}</td>
      <td class="num">${s.regularPriceCents !== null ? euro(s.regularPriceCents) : '–'}</td>
      <td>
        ${s.uitpas?.priceCents != null ? html`UiTPAS-prijs: ${euro(s.uitpas.priceCents)}` : nothing}
        ${s.uitpas?.message ? html`<br /><q>${s.uitpas.message}</q>` : nothing}
        ${s.ticketSaleId ? html`<br /><span class="hint">Verkoop <bdi>${s.ticketSaleId}</bdi></span>` : nothing}
      </td>
    </tr>`;
  }

  override render() {
    const a = this.activity;
    const v = this.view;
    const open = v ? v.open.toRegister + v.open.toCancel + v.open.failed : 0;
    return html`<p><a href="#/activities" class="back">Terug naar de activiteiten</a></p>
      <h1>UiTPAS${a ? html` voor ${a.title}` : nothing}</h1>
      ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing}
      ${notice(this.message)}
      ${v === null
        ? html`<p role="status">Laden…</p>`
        : html`<p>
              Een gezin met kansenpas betaalt maar een deel van de prijs. De rest krijgt je club terug via UiTPAS, maar alleen als de verkoop bij UiTPAS geregistreerd
              is. Instap doet dat zelf na elke inschrijving. Een open verkoop kost een gezin nooit zijn plaats.
            </p>
            ${!v.connected
              ? html`<p><strong>Je organisatie is niet gekoppeld aan UiTPAS.</strong> Vraag je beheerder om de koppeling te maken.</p>`
              : !v.uitdatabankEventId
                ? html`<p><strong>Deze activiteit heeft geen event-id uit UiTdatabank.</strong> <a href="#/activities/${this.activityId}">Vul het in bij de activiteit.</a></p>`
                : nothing}
            <h2>Wat nog open is</h2>
            ${v.summary.length ? html`<ul>${v.summary.map((line) => html`<li>${line}</li>`)}</ul>` : html`<p>Niets: elke verkoop is bijgewerkt bij UiTPAS.</p>`}
            ${open ? html`<p><button type="button" class="button" ?disabled=${this.busy} @click=${this.retry}>Probeer opnieuw</button></p>` : nothing}
            <h2>Per kind</h2>
            ${v.sales.length
              ? html`<table class="table">
                  <caption class="visually-hidden">Verkopen met kansentarief, per kind</caption>
                  <thead>
                    <tr>
                      <th scope="col">Kind</th>
                      <th scope="col">Inschrijving</th>
                      <th scope="col">Bij UiTPAS</th>
                      <th scope="col" class="num">Gezin betaalt</th>
                      <th scope="col" class="num">Gewone prijs</th>
                      <th scope="col">Van UiTPAS</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${v.sales.map((s) => this.row(s))}
                  </tbody>
                </table>`
              : html`<p>Nog geen inschrijvingen met kansenpas.</p>`}`}`;
  }
}
