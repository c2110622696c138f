/**
 * Referral links: a bridge figure makes a link that unlocks reserved places, and prints it or
 * sends it to a family. Each link works for a number of families until a date.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { dateTime } from '../format.js';
import { problemText, toFieldErrors, type FieldError } from '../ui/errors.js';
import { field, select } from '../ui/fields.js';
import { errorSummary, notice, Screen } from '../ui/screen.js';

export interface ReferralLink {
  code: string;
  url: string;
  activityId: string | null;
  expiresAt: string;
  maxUses: number;
  uses: number;
  note: string | null;
  createdAt: string;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export class Referrals extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() org = '';
  @state() links: ReferralLink[] | null = null;
  @state() activities: { id: string; title: string }[] = [];
  @state() activityId = '';
  @state() until = inDays(30);
  @state() maxUses = '1';
  @state() note = '';
  @state() errors: FieldError[] = [];
  @state() made = '';

  override updated(changed: Map<string, unknown>) {
    if (changed.has('org') && this.org) void this.load();
  }

  private async load() {
    try {
      const base = `/admin/organisations/${encodeURIComponent(this.org)}`;
      this.activities = (await api<{ activities: { id: string; title: string }[] }>('GET', `${base}/activities`)).activities;
      this.links = (await api<{ referralLinks: ReferralLink[] }>('GET', `${base}/referral-links`)).referralLinks;
    } catch (e) {
      this.errors = [{ field: 'f-activityId', message: problemText(e) }];
    }
  }

  private async submit(e: Event) {
    e.preventDefault();
    this.errors = [];
    this.made = '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.until)) this.errors.push({ field: 'f-expiresAt', message: 'Kies tot wanneer de link werkt.' });
    if (!/^\d+$/.test(this.maxUses.trim()) || Number(this.maxUses) < 1) this.errors.push({ field: 'f-maxUses', message: 'Geef hoeveel gezinnen de link mogen gebruiken, minstens 1.' });
    if (this.errors.length) return this.focusSummary();
    try {
      // The link works through the whole chosen day, Belgian time.
      const link = await api<ReferralLink>('POST', `/admin/organisations/${encodeURIComponent(this.org)}/referral-links`, {
        ...(this.activityId ? { activityId: this.activityId } : {}),
        expiresAt: `${this.until}T21:59:59Z`,
        maxUses: Number(this.maxUses),
        ...(this.note.trim() ? { note: this.note.trim() } : {}),
      });
      this.made = `De link ${link.code} is klaar.`;
      await this.load();
      (this.querySelector(`#print-${link.code}`) as HTMLElement | null)?.focus();
    } catch (err) {
      this.errors = toFieldErrors(err, 'f-activityId');
      await this.focusSummary();
    }
  }

  override render() {
    const e = this.errors;
    const title = (id: string | null) => (id ? (this.activities.find((a) => a.id === id)?.title ?? 'Eén activiteit') : 'Alle activiteiten');
    return html`${errorSummary(e)}
      <h1>Verwijslinks</h1>
      <p>Met een verwijslink kan een gezin een voorbehouden plaats nemen. Geef de link aan een gezin dat je kent, op papier of in een bericht.</p>
      ${notice(this.made)}
      <form novalidate @submit=${this.submit} class="group">
        <h2>Maak een nieuwe link</h2>
        ${select({ id: 'f-activityId', label: 'Voor welke activiteit?', value: this.activityId, errors: e, options: [['', 'Alle activiteiten'], ...this.activities.map((a) => [a.id, a.title] as [string, string])], onChange: (v) => (this.activityId = v) })}
        ${field({ id: 'f-expiresAt', label: 'De link werkt tot en met', type: 'date', width: 'medium', value: this.until, errors: e, onInput: (v) => (this.until = v) })}
        ${field({ id: 'f-maxUses', label: 'Voor hoeveel gezinnen?', inputmode: 'numeric', width: 'short', value: this.maxUses, errors: e, onInput: (v) => (this.maxUses = v) })}
        ${field({ id: 'f-note', label: 'Notitie voor jezelf', optional: true, hint: 'Families zien dit niet. Schrijf geen gevoelige gegevens.', value: this.note, errors: e, onInput: (v) => (this.note = v) })}
        <button class="button">Maak de link</button>
      </form>
      <h2>Links</h2>
      ${this.links === null
        ? html`<p role="status">Links laden…</p>`
        : this.links.length === 0
          ? html`<p>Er zijn nog geen links.</p>`
          : html`<table class="table">
              <caption class="visually-hidden">Verwijslinks</caption>
              <thead>
                <tr><th scope="col">Code</th><th scope="col">Activiteit</th><th scope="col">Gebruikt</th><th scope="col">Werkt tot</th><th scope="col">Notitie</th><th scope="col">Doen</th></tr>
              </thead>
              <tbody>
                ${this.links.map(
                  (l) => html`<tr>
                    <th scope="row">${l.code}</th>
                    <td>${title(l.activityId)}</td>
                    <td>${l.uses} van ${l.maxUses}</td>
                    <td>${dateTime(l.expiresAt)}</td>
                    <td>${l.note ?? nothing}</td>
                    <td><a id="print-${l.code}" href="#/referrals/${l.code}">Print<span class="visually-hidden"> link ${l.code}</span></a></td>
                  </tr>`,
                )}
              </tbody>
            </table>`}`;
  }
}

/** A page to print and hand to a family: the address in large letters and what to do, in plain words. */
export class ReferralPrint extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() org = '';
  @property() code = '';
  @state() link: ReferralLink | null = null;
  @state() problem = '';

  override updated(changed: Map<string, unknown>) {
    if ((changed.has('org') || changed.has('code')) && this.org && this.code)
      api<{ referralLinks: ReferralLink[] }>('GET', `/admin/organisations/${encodeURIComponent(this.org)}/referral-links`)
        .then((r) => {
          this.link = r.referralLinks.find((l) => l.code === this.code) ?? null;
          if (!this.link) this.problem = 'Deze link bestaat niet (meer).';
        })
        .catch((e) => (this.problem = problemText(e)));
  }

  override render() {
    const l = this.link;
    const organisation = this.app.organisation;
    return html`<p class="no-print"><a href="#/referrals" class="back">Terug naar de verwijslinks</a></p>
      <h1>Schrijf je kind in</h1>
      ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing}
      ${l
        ? html`<div class="print-page">
            <p class="lead">Er is een plaats voor jouw kind${organisation ? ` bij ${organisation.name}` : ''}.</p>
            <ol class="steps">
              <li>Open deze link op je telefoon of computer:</li>
            </ol>
            <p class="big-url">${l.url}</p>
            <ol class="steps" start="2">
              <li>Kies de activiteit.</li>
              <li>Vul de naam en het geboortejaar van je kind in.</li>
              <li>Je krijgt meteen een bevestiging.</li>
            </ol>
            <p>Je code is <strong class="code-word">${l.code}</strong>. De link werkt tot ${dateTime(l.expiresAt)}.</p>
            ${organisation ? html`<p>Hulp nodig? Bel ${organisation.name}: <strong>${organisation.phone}</strong>.</p>` : nothing}
            <button type="button" class="button no-print" @click=${() => window.print()}>Print deze pagina</button>
          </div>`
        : nothing}`;
  }
}
