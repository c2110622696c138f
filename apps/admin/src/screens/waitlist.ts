/**
 * The waiting list of one activity, in order, and the places offered now: until when the family
 * can answer, or that a staff member must call first (a family without e-mail).
 */
import { html, nothing } from 'lit';
import { dateTime } from '../format.js';
import { ActivityListScreen } from '../ui/activity-list-screen.js';

interface Row {
  id: string;
  status: string;
  waitlistPosition: number | null;
  offerExpiresAt?: string | null;
  createdAt: string;
  children: { firstName: string }[];
  contact: { name: string; phone: string | null; email: string | null };
}

const contact = (r: Row) =>
  html`${r.contact.phone ? html`<a href="tel:${r.contact.phone.replace(/\s/g, '')}">${r.contact.phone}</a><br />` : nothing}${r.contact.email ?? ''}`;

export class WaitlistScreen extends ActivityListScreen<Row> {

  protected list(id: string) {
    return { path: `/admin/activities/${id}/registrations`, rows: (b: { registrations: Row[] }) => b.registrations };
  }


  override render() {
    const a = this.activity;
    const rows = this.rows ?? [];
    const waiting = rows.filter((r) => r.status === 'waitlisted').sort((x, y) => (x.waitlistPosition ?? 0) - (y.waitlistPosition ?? 0));
    const offered = rows.filter((r) => r.status === 'offered');
    return html`<p><a href="#/activities" class="back">Terug naar de activiteiten</a></p>
      <h1>Wachtlijst${a ? html` voor ${a.title}` : nothing}</h1>
      ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing}
      ${this.rows === null
        ? html`<p role="status">Laden…</p>`
        : html`<p>Komt er een plaats vrij? Dan krijgt de eerste op de wachtlijst ze aangeboden. Zegt die nee of antwoordt die niet op tijd? Dan gaat ze naar de volgende.</p>
            <h2>Aangeboden plaatsen</h2>
            ${offered.length
              ? html`<table class="table">
                  <caption class="visually-hidden">Gezinnen met een aangeboden plaats</caption>
                  <thead><tr><th scope="col">Gezin</th><th scope="col">Kinderen</th><th scope="col">Contact</th><th scope="col">Antwoorden tot</th></tr></thead>
                  <tbody>
                    ${offered.map(
                      (r) => html`<tr>
                        <th scope="row">${r.contact.name}</th>
                        <td>${r.children.map((c) => c.firstName).join(', ')}</td>
                        <td>${contact(r)}</td>
                        <td>${r.offerExpiresAt ? dateTime(r.offerExpiresAt) : html`<strong>Wacht op telefoon</strong><br /><span class="hint">Bel het gezin. Het heeft geen e-mailadres.</span>`}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>`
              : html`<p>Er zijn nu geen plaatsen aangeboden.</p>`}
            <h2>Op de wachtlijst</h2>
            ${waiting.length
              ? html`<table class="table">
                  <caption class="visually-hidden">Gezinnen op de wachtlijst, in volgorde</caption>
                  <thead><tr><th scope="col" class="num">Nummer</th><th scope="col">Gezin</th><th scope="col">Kinderen</th><th scope="col">Contact</th><th scope="col">Ingeschreven op</th></tr></thead>
                  <tbody>
                    ${waiting.map(
                      (r) => html`<tr>
                        <td class="num">${r.waitlistPosition}</td>
                        <th scope="row">${r.contact.name}</th>
                        <td>${r.children.map((c) => c.firstName).join(', ')}</td>
                        <td>${contact(r)}</td>
                        <td>${dateTime(r.createdAt)}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>`
              : html`<p>Niemand staat op de wachtlijst.</p>`}`}`;
  }
}
