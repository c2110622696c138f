/**
 * The families registered for one activity: filter by status, search by name, export as CSV,
 * record a kanspas check and cancel on a family's behalf. An intermediary sees only the
 * families they registered (the API cuts the list). Registrations that look like a script's
 * carry a flag (many from one address, the same contact twice, a reserved place on an unchecked
 * kanspas); staff choose them and cancel them in one go.
 */
import { SALE_NL } from './uitpas-sales.js';
import type { SuspicionFlag } from '@instap/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { API, api } from '../api.js';
import { can } from '../app/session.js';
import type { Payment } from '@instap/core';
import { KANSPAS_CHECK_NL, LANGUAGE_NL, PAYMENT_NL, STATUS_NL, euro } from '../format.js';
import { problemText } from '../ui/errors.js';
import { ActivityListScreen } from '../ui/activity-list-screen.js';
import { notice } from '../ui/screen.js';

interface Row {
  id: string;
  status: string;
  waitlistPosition: number | null;
  language: string;
  kanspas: boolean;
  kanspasCheck: string;
  referred: boolean;
  children: { firstName: string; birthYear: number; placeKind: string | null; uitpasSale?: keyof typeof SALE_NL }[];
  contact: { name: string; phone: string | null; email: string | null };
  priceCents: number;
  payment: Payment;
  flags: SuspicionFlag[];
}

/** Each flag in words staff read at a glance (the count where there is one). */
const FLAG_NL: Record<SuspicionFlag['kind'], (n?: number) => string> = {
  'same-address': (n) => `${n} inschrijvingen vanaf één adres`,
  'same-contact': (n) => `Zelfde telefoon of e-mail ${n} keer`,
  'unchecked-reserved': () => 'Voorbehouden plaats, kansenpas niet nagekeken',
};

export class Registrations extends ActivityListScreen<Row> {
  @state() status = '';
  @state() search = '';
  @state() message = '';
  /** The registrations chosen for cancelling together. */
  @state() chosen = new Set<string>();

  protected list(id: string) {
    return { path: `/admin/activities/${id}/registrations`, rows: (b: { registrations: Row[] }) => b.registrations };
  }


  private get visible(): Row[] {
    const q = this.search.trim().toLowerCase();
    return (this.rows ?? []).filter(
      (r) => (!this.status || r.status === this.status || (this.status === 'flagged' && r.flags.length > 0)) && (!q || [r.contact.name, ...r.children.map((c) => c.firstName)].some((n) => n.toLowerCase().includes(q))),
    );
  }

  private async setCheck(r: Row, status: string) {
    try {
      const res = await api<{ priceCents: number }>('PUT', `/admin/registrations/${r.id}/kanspas-check`, { status });
      this.message = `Kansenpas van ${r.contact.name}: ${KANSPAS_CHECK_NL[status]}. De prijs is nu ${euro(res.priceCents)}.`;
      await this.load();
    } catch (e) {
      this.message = problemText(e);
    }
  }

  private async cancel(r: Row) {
    if (!confirm(`Wil je de inschrijving van ${r.contact.name} annuleren? De plaats gaat naar de wachtlijst.`)) return;
    try {
      await api('POST', `/admin/registrations/${r.id}/cancel`);
      this.message = `De inschrijving van ${r.contact.name} is geannuleerd.`;
      await this.load();
    } catch (e) {
      this.message = problemText(e);
    }
  }

  private choose(id: string, on: boolean) {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = next;
  }

  /** Every registration on show that has a flag and is not cancelled yet. */
  private chooseFlagged() {
    this.chosen = new Set(this.visible.filter((r) => r.flags.length && r.status !== 'cancelled').map((r) => r.id));
  }

  private async cancelChosen() {
    const n = this.chosen.size;
    if (!n || !confirm(`Wil je ${n === 1 ? 'deze inschrijving' : `deze ${n} inschrijvingen`} annuleren? De plaatsen gaan naar de wachtlijst.`)) return;
    try {
      const res = await api<{ cancelled: string[]; offered: number }>('POST', `/admin/activities/${this.activityId}/registrations/cancel`, { ids: [...this.chosen] });
      this.message = `${res.cancelled.length} ${res.cancelled.length === 1 ? 'inschrijving' : 'inschrijvingen'} geannuleerd. ${res.offered === 1 ? '1 gezin van de wachtlijst kreeg een plaats aangeboden.' : `${res.offered} gezinnen van de wachtlijst kregen een plaats aangeboden.`}`;
      this.chosen = new Set();
      await this.load();
    } catch (e) {
      this.message = problemText(e);
    }
  }

  override render() {
    const role = this.app.session!.user.role;
    const a = this.activity;
    return html`<p><a href="#/activities" class="back">Terug naar de activiteiten</a></p>
      <h1>Inschrijvingen${a ? html` voor ${a.title}` : nothing}</h1>
      ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing}
      ${notice(this.message)}
      ${a
        ? html`<p>${a.counts.confirmed} ingeschreven, ${a.counts.waitlisted} op de wachtlijst, ${a.counts.lottery} voor de loting. Nog ${a.placesLeft} van ${a.capacity} plaatsen vrij.</p>
            <ul class="actions actions--row">
              <li><a href="${API}/admin/activities/${this.activityId}/registrations?format=csv" download>Download als CSV</a></li>
              <li><a href="#/activities/${this.activityId}/register">Schrijf een gezin in</a></li>
              <li><a href="#/activities/${this.activityId}/payments">Betalingen</a></li>
            </ul>`
        : nothing}
      <div class="filters inline" role="search">
        <div class="field">
          <label class="label" for="filter-status">Toon</label>
          <select id="filter-status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value)}>
            <option value="">Alle inschrijvingen</option>
            <option value="flagged" ?selected=${this.status === 'flagged'}>Alleen wat opvalt</option>
            ${Object.entries(STATUS_NL).map(([v, t]) => html`<option value=${v} ?selected=${v === this.status}>${t}</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="label" for="filter-search">Zoek op naam</label>
          <input id="filter-search" type="search" class="input--medium" .value=${this.search} @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      ${this.rows === null ? html`<p role="status">Inschrijvingen laden…</p>` : this.renderTable(can.checkKanspas(role), can.cancelInBulk(role))}`;
  }

  private renderBulk(rows: Row[]) {
    const flagged = rows.filter((r) => r.flags.length && r.status !== 'cancelled').length;
    return html`<ul class="actions actions--row">
      ${flagged ? html`<li><button type="button" class="button button--secondary" @click=${() => this.chooseFlagged()}>Kies alle ${flagged} die opvallen</button></li>` : nothing}
      <li>
        <button type="button" class="button button--warning" ?disabled=${!this.chosen.size} @click=${() => this.cancelChosen()}>
          Annuleer de gekozen inschrijvingen (${this.chosen.size})
        </button>
      </li>
    </ul>`;
  }

  private renderTable(checks: boolean, bulk: boolean) {
    const rows = this.visible;
    if (!rows.length) return html`<p role="status">Geen inschrijvingen${this.status || this.search ? ' die passen bij je keuze' : ''}.</p>`;
    return html`<p role="status" class="visually-hidden">${rows.length} inschrijvingen</p>
      ${bulk ? this.renderBulk(rows) : nothing}
      <table class="table">
        <caption class="visually-hidden">Inschrijvingen</caption>
        <thead>
          <tr>
            ${bulk ? html`<th scope="col"><span class="visually-hidden">Kies</span></th>` : nothing}
            <th scope="col">Gezin</th>
            <th scope="col">Status</th>
            <th scope="col">Kinderen</th>
            <th scope="col">Contact</th>
            <th scope="col">Taal</th>
            <th scope="col">Kansenpas</th>
            <th scope="col" class="num">Prijs</th>
            <th scope="col">Betaling</th>
            <th scope="col" class="num">Betaald</th>
            <th scope="col">Doen</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              ${bulk ? html`<td>${r.status === 'cancelled' ? nothing : this.renderChoice(r)}</td>` : nothing}
              <th scope="row">
                ${r.contact.name}${r.referred ? html`<br /><span class="tag">Verwezen</span>` : nothing}
                ${r.flags.map((f) => html`<br /><span class="tag tag--flag">${FLAG_NL[f.kind]?.(f.count) ?? f.kind}</span>`)}
              </th>
              <td>${STATUS_NL[r.status] ?? r.status}${r.waitlistPosition ? html` (nummer ${r.waitlistPosition})` : nothing}</td>
              <td>${r.children.map((c) => html`${c.firstName} (${c.birthYear})${c.placeKind === 'reserved' ? ' · voorbehouden plaats' : ''}${c.uitpasSale ? ` · UiTPAS: ${SALE_NL[c.uitpasSale].toLowerCase()}` : ''}<br />`)}</td>
              <td>${r.contact.phone ? html`<a href="tel:${r.contact.phone.replace(/\s/g, '')}">${r.contact.phone}</a><br />` : nothing}${r.contact.email ?? ''}</td>
              <td>${LANGUAGE_NL[r.language] ?? r.language}</td>
              <td>${r.kanspas ? this.renderCheck(r, checks) : 'Nee'}</td>
              <td class="num">${euro(r.priceCents)}</td>
              <td>${PAYMENT_NL[r.payment.status] ?? r.payment.status}<br /><span class="hint"><code>${r.payment.reference}</code></span></td>
              <td class="num">${euro(r.payment.paidCents)}</td>
              <td>${r.status === 'cancelled' ? '' : html`<button type="button" class="button button--secondary button--small" @click=${() => this.cancel(r)}>Annuleer<span class="visually-hidden"> de inschrijving van ${r.contact.name}</span></button>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private renderChoice(r: Row) {
    const id = `choose-${r.id}`;
    return html`<input type="checkbox" class="choose" id=${id} .checked=${this.chosen.has(r.id)} @change=${(e: Event) => this.choose(r.id, (e.target as HTMLInputElement).checked)} />
      <label class="visually-hidden" for=${id}>Kies de inschrijving van ${r.contact.name}</label>`;
  }

  private renderCheck(r: Row, checks: boolean) {
    if (!checks) return KANSPAS_CHECK_NL[r.kanspasCheck] ?? r.kanspasCheck;
    const id = `check-${r.id}`;
    return html`<label class="visually-hidden" for=${id}>Kansenpas van ${r.contact.name}</label>
      <select id=${id} @change=${(e: Event) => this.setCheck(r, (e.target as HTMLSelectElement).value)}>
        ${['claimed', 'verified', 'not-valid'].map((s) => html`<option value=${s} ?selected=${s === r.kanspasCheck}>${KANSPAS_CHECK_NL[s]}</option>`)}
      </select>`;
  }
}
