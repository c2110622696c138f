/** The activities of the organisation, with how full each one is. */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { can } from '../app/session.js';
import { dateTime } from '../format.js';
import { problemText } from '../ui/errors.js';
import { Screen } from '../ui/screen.js';

export interface AdminActivity {
  id: string;
  title: string;
  summary: string;
  location: string;
  kind: string | null;
  ageMin: number | null;
  ageMax: number | null;
  sessions: { startsAt: string; endsAt: string }[];
  capacity: number;
  placesLeft: number;
  reservedPlaces: number;
  reservedPlacesLeft: number;
  reservedUntil: string | null;
  priceCents: number;
  kanspasCents: number | null;
  offerHours: number;
  /** The activity's UiTdatabank event: with it, kanspas sales are registered with UiTPAS. */
  uitdatabankEventId?: string | null;
  withdrawn: boolean;
  whatToBring: string[];
  translations?: Partial<Record<string, { title?: string; summary?: string; location?: string; whatToBring?: string[] }>>;
  registration: { opensAt: string; closesAt: string | null; mode: 'first-come' | 'lottery'; drawAt: string | null; lateJoinUntil: string | null; phase: string };
  counts: { confirmed: number; waitlisted: number; lottery: number; offered: number };
}

const PHASE_NL: Record<string, string> = { 'not-open': 'Nog niet open', 'first-come': 'Open', lottery: 'Open voor loting', 'awaiting-draw': 'Wacht op loting', closed: 'Gesloten' };

export class Activities extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() org = '';
  @state() list: AdminActivity[] | null = null;
  @state() problem = '';

  override updated(changed: Map<string, unknown>) {
    if (changed.has('org') && this.org) void this.load();
  }

  private async load() {
    try {
      const { activities } = await api<{ activities: { id: string }[] }>('GET', `/admin/organisations/${encodeURIComponent(this.org)}/activities`);
      this.list = await Promise.all(activities.map((a) => api<AdminActivity>('GET', `/admin/activities/${a.id}`)));
    } catch (e) {
      this.problem = problemText(e);
    }
  }

  override render() {
    const role = this.app.session!.user.role;
    const staff = can.manageActivities(role);
    return html`<h1>Activiteiten${this.app.organisation ? html` van ${this.app.organisation.name}` : nothing}</h1>
      ${staff ? html`<p><a class="button" href="#/activities/new">Nieuwe activiteit</a></p>` : html`<p>Kies een activiteit om een gezin in te schrijven.</p>`}
      ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing}
      ${this.list === null
        ? html`<p role="status">Activiteiten laden…</p>`
        : this.list.length === 0
          ? html`<p>Er zijn nog geen activiteiten.</p>`
          : html`<table class="table">
              <caption class="visually-hidden">Activiteiten met het aantal inschrijvingen</caption>
              <thead>
                <tr>
                  <th scope="col">Activiteit</th>
                  <th scope="col">Eerste les</th>
                  <th scope="col">Inschrijven</th>
                  <th scope="col" class="num">Vrije plaatsen</th>
                  <th scope="col" class="num">Ingeschreven</th>
                  <th scope="col" class="num">Wachtlijst</th>
                  <th scope="col" class="num">Loting</th>
                  <th scope="col">Doen</th>
                </tr>
              </thead>
              <tbody>
                ${this.list.map(
                  (a) => html`<tr>
                    <th scope="row">${staff ? html`<a href="#/activities/${a.id}">${a.title}</a>` : a.title}${a.withdrawn ? html` <span class="tag">Ingetrokken</span>` : nothing}</th>
                    <td>${dateTime(a.sessions[0]?.startsAt)}</td>
                    <td>${PHASE_NL[a.registration.phase] ?? a.registration.phase}</td>
                    <td class="num">${a.placesLeft} van ${a.capacity}${a.reservedPlacesLeft ? html`<br /><span class="hint">${a.reservedPlacesLeft} voorbehouden</span>` : nothing}</td>
                    <td class="num">${a.counts.confirmed}</td>
                    <td class="num">${a.counts.waitlisted}</td>
                    <td class="num">${a.counts.lottery}</td>
                    <td>
                      <ul class="actions">
                        <li><a href="#/activities/${a.id}/registrations">${staff ? 'Inschrijvingen' : 'Mijn gezinnen'}<span class="visually-hidden"> voor ${a.title}</span></a></li>
                        <li><a href="#/activities/${a.id}/register">Schrijf een gezin in<span class="visually-hidden"> voor ${a.title}</span></a></li>
                        ${staff
                          ? html`<li><a href="#/activities/${a.id}/payments">Betalingen<span class="visually-hidden"> voor ${a.title}</span></a></li>
                              <li><a href="#/activities/${a.id}/waitlist">Wachtlijst<span class="visually-hidden"> voor ${a.title}</span></a></li>
                              <li><a href="#/activities/${a.id}/interest">Interesse<span class="visually-hidden"> voor ${a.title}</span></a></li>
                              ${a.uitdatabankEventId ? html`<li><a href="#/activities/${a.id}/uitpas">UiTPAS<span class="visually-hidden"> voor ${a.title}</span></a></li>` : nothing}
                              ${a.registration.mode === 'lottery' ? html`<li><a href="#/activities/${a.id}/draw">Loting<span class="visually-hidden"> voor ${a.title}</span></a></li>` : nothing}`
                          : nothing}
                      </ul>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`}`;
  }
}
