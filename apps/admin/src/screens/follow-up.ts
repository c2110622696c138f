/**
 * Following families up, per organisation: appointment requests, the call list (families who
 * gave only a phone number) and e-mails that did not arrive.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { LANGUAGE_NL, dateTime } from '../format.js';
import { problemText } from '../ui/errors.js';
import { notice, Screen } from '../ui/screen.js';

type Kind = 'appointments' | 'call-list' | 'messages';

interface Appointment {
  id: string;
  status: 'new' | 'contacted' | 'done';
  name: string;
  phone: string | null;
  email: string | null;
  preferred: string;
  language: string;
  question: string | null;
  createdAt: string;
}
interface Message {
  id: string;
  subject: string;
  text: string;
  language: string;
  recipient: { name: string; email: string | null; phone: string | null };
  lastError: string | null;
  createdAt: string;
}

const TITLES: Record<Kind, string> = { appointments: 'Afspraken', 'call-list': 'Bellijst', messages: 'Berichten die niet aankwamen' };
const PREFERRED_NL: Record<string, string> = { morning: 'in de voormiddag', afternoon: 'in de namiddag', evening: "'s avonds", slot: 'op een gekozen moment' };
const APPOINTMENT_NL: Record<Appointment['status'], string> = { new: 'Nieuw', contacted: 'Contact gehad', done: 'Afgerond' };

export class FollowUp extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() org = '';
  @property() kind: Kind = 'appointments';
  @state() appointments: Appointment[] | null = null;
  @state() messages: Message[] | null = null;
  @state() message = '';
  @state() problem = '';

  override updated(changed: Map<string, unknown>) {
    if ((changed.has('org') || changed.has('kind')) && this.org) void this.load();
  }

  private get base() {
    return `/admin/organisations/${encodeURIComponent(this.org)}`;
  }

  private async load() {
    this.problem = '';
    try {
      if (this.kind === 'appointments') this.appointments = (await api<{ appointments: Appointment[] }>('GET', `${this.base}/appointments`)).appointments;
      else if (this.kind === 'call-list') this.messages = (await api<{ calls: Message[] }>('GET', `${this.base}/call-list`)).calls;
      else this.messages = (await api<{ messages: Message[] }>('GET', `${this.base}/messages?status=failed`)).messages;
    } catch (e) {
      this.problem = problemText(e);
    }
  }

  private async act(method: string, path: string, body: unknown, done: string) {
    try {
      await api(method, path, body);
      this.message = done;
      await this.load();
    } catch (e) {
      this.message = problemText(e);
    }
  }

  override render() {
    return html`<h1>${TITLES[this.kind]}</h1>
      ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing} ${notice(this.message)}
      ${this.kind === 'appointments' ? this.renderAppointments() : this.renderMessages()}`;
  }

  private renderAppointments() {
    const list = this.appointments;
    if (!list) return html`<p role="status">Laden…</p>`;
    if (!list.length) return html`<p>Er zijn geen vragen om een afspraak.</p>`;
    return html`<table class="table">
      <caption class="visually-hidden">Vragen om een afspraak</caption>
      <thead><tr><th scope="col">Wie</th><th scope="col">Contact</th><th scope="col">Liefst</th><th scope="col">Vraag</th><th scope="col">Status</th></tr></thead>
      <tbody>
        ${list.map(
          (a) => html`<tr>
            <th scope="row">${a.name}<br /><span class="hint">${LANGUAGE_NL[a.language] ?? a.language} · ${dateTime(a.createdAt)}</span></th>
            <td>${a.phone ?? ''}<br />${a.email ?? ''}</td>
            <td>${PREFERRED_NL[a.preferred] ?? a.preferred}</td>
            <td>${a.question ?? ''}</td>
            <td>
              <label class="visually-hidden" for="status-${a.id}">Status van ${a.name}</label>
              <select id="status-${a.id}" @change=${(e: Event) => this.act('PATCH', `/admin/appointments/${a.id}`, { status: (e.target as HTMLSelectElement).value }, `De status van ${a.name} is bewaard.`)}>
                ${(Object.keys(APPOINTMENT_NL) as Appointment['status'][]).map((s) => html`<option value=${s} ?selected=${s === a.status}>${APPOINTMENT_NL[s]}</option>`)}
              </select>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderMessages() {
    const list = this.messages;
    if (!list) return html`<p role="status">Laden…</p>`;
    if (!list.length) return html`<p>${this.kind === 'call-list' ? 'Niemand hoeft gebeld te worden.' : 'Alle berichten kwamen aan.'}</p>`;
    return html`${list.map(
      (m) => html`<section class="panel" aria-labelledby="m-${m.id}">
        <h2 id="m-${m.id}">${m.recipient.name}: ${m.subject}</h2>
        <p>${m.recipient.phone ? html`<a href="tel:${m.recipient.phone.replace(/\s/g, '')}">${m.recipient.phone}</a>` : nothing} ${m.recipient.email ?? ''} · ${LANGUAGE_NL[m.language] ?? m.language}</p>
        ${m.lastError ? html`<p class="hint">Wat misging: ${m.lastError}</p>` : nothing}
        <details>
          <summary>${this.kind === 'call-list' ? 'Wat zeg je?' : 'Toon het bericht'}</summary>
          <p class="message-text">${m.text}</p>
        </details>
        ${this.kind === 'call-list'
          ? html`<button type="button" class="button button--secondary" @click=${() => this.act('POST', `/admin/messages/${m.id}/called`, undefined, `${m.recipient.name} staat als gebeld.`)}>Ik heb ${m.recipient.name} gebeld</button>`
          : html`<button type="button" class="button button--secondary" @click=${() => this.act('POST', `/admin/messages/${m.id}/retry`, undefined, `Het bericht aan ${m.recipient.name} gaat opnieuw weg.`)}>Stuur opnieuw<span class="visually-hidden"> naar ${m.recipient.name}</span></button>`}
      </section>`,
    )}`;
  }
}
