/** Families who asked to hear when they can register, and whether they were told. */
import { html, nothing } from 'lit';
import { dateTime, LANGUAGE_NL } from '../format.js';
import { ActivityListScreen } from '../ui/activity-list-screen.js';

interface Interest {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  language: string;
  createdAt: string;
  notifiedAt: string | null;
}

export class InterestScreen extends ActivityListScreen<Interest> {

  protected list(id: string) {
    return { path: `/admin/activities/${id}/interest`, rows: (b: { interest: Interest[] }) => b.interest };
  }


  override render() {
    const a = this.activity;
    return html`<p><a href="#/activities" class="back">Terug naar de activiteiten</a></p>
      <h1>Interesse${a ? html` voor ${a.title}` : nothing}</h1>
      ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing}
      <p>Deze gezinnen willen weten wanneer ze kunnen inschrijven. Gaat het inschrijven open? Dan krijgen ze vanzelf bericht.</p>
      ${this.rows === null
        ? html`<p role="status">Laden…</p>`
        : this.rows.length === 0
          ? html`<p>Nog geen gezinnen.</p>`
          : html`<table class="table">
              <caption class="visually-hidden">Gezinnen die interesse toonden</caption>
              <thead><tr><th scope="col">Naam</th><th scope="col">Telefoon</th><th scope="col">E-mailadres</th><th scope="col">Taal</th><th scope="col">Sinds</th><th scope="col">Bericht gekregen</th></tr></thead>
              <tbody>
                ${this.rows.map(
                  (r) => html`<tr>
                    <th scope="row">${r.name}</th>
                    <td>${r.phone ? html`<a href="tel:${r.phone.replace(/\s/g, '')}">${r.phone}</a>` : ''}</td>
                    <td>${r.email ?? ''}</td>
                    <td>${LANGUAGE_NL[r.language] ?? r.language}</td>
                    <td>${dateTime(r.createdAt)}</td>
                    <td>${r.notifiedAt ? html`Ja, ${dateTime(r.notifiedAt)}` : 'Nee'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}`;
  }
}
