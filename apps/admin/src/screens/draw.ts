/**
 * The draw of a lottery activity: the commitment (the fingerprint of the secret seed, public
 * before the draw), after the draw the seed itself, the draw time, "Loot nu" once the window
 * closed, and the result by draw id without names or kanspas, as on the public page.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { API, api, ApiProblem } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { dateTime } from '../format.js';
import { problemText } from '../ui/errors.js';
import { notice, Screen } from '../ui/screen.js';
import type { PublishedDraw } from '@instap/core/schemas';
import type { AdminActivity } from './activities.js';

/** What staff read when the draw cannot run: each 409 says what to do instead. */
const DRAW_PROBLEM: Record<string, string> = {
  window_still_open: 'Het inschrijven is nog open. Loot pas als het gesloten is. Zo krijgt elk gezin dezelfde kans.',
  already_drawn: 'De loting is al gebeurd. Een loting gebeurt maar één keer.',
  not_a_lottery: 'Deze activiteit heeft geen loting. Wie eerst komt, krijgt eerst een plaats.',
  draw_seed_sealed: 'De loting kan nu niet. Het geheime getal is vergrendeld met een sleutel die deze server niet heeft. Vraag wie Instap beheert om de server met dezelfde sleutel te starten.',
  draw_seed_mismatch: 'De loting gaat niet door. Het bewaarde geheime getal past niet bij de vingerafdruk. Neem contact op met wie Instap beheert.',
};

/** A draw id is already short (12 characters): shown whole, as on the public page and in the family's view. */
export const shortId = (id: string) => id;

export class DrawScreen extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() activityId = '';
  @state() activity: AdminActivity | null = null;
  @state() draw: PublishedDraw | null = null;
  @state() problem = '';
  @state() message = '';
  @state() busy = false;

  override updated(changed: Map<string, unknown>) {
    if (changed.has('activityId')) void this.load();
  }

  private async load() {
    try {
      this.activity = await api<AdminActivity>('GET', `/admin/activities/${this.activityId}`);
      if (this.activity.registration.mode === 'lottery') this.draw = await api<PublishedDraw>('GET', `/activities/${this.activityId}/draw`);
    } catch (e) {
      this.problem = problemText(e);
    }
  }

  private async run() {
    this.problem = '';
    this.message = '';
    this.busy = true;
    try {
      this.draw = await api<PublishedDraw>('POST', `/admin/activities/${this.activityId}/draw`);
      this.message = `De loting is gebeurd. ${this.draw.entries.length} gezinnen kregen een plaats in de volgorde. Ze krijgen bericht.`;
    } catch (e) {
      this.problem = e instanceof ApiProblem && DRAW_PROBLEM[e.code] ? DRAW_PROBLEM[e.code]! : problemText(e);
    } finally {
      this.busy = false;
    }
    if (this.problem) await this.focusSummary();
  }

  override render() {
    const a = this.activity;
    const d = this.draw;
    return html`<p><a href="#/activities" class="back">Terug naar de activiteiten</a></p>
      <h1>Loting${a ? html` voor ${a.title}` : nothing}</h1>
      ${this.problem
        ? html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">Er is een probleem</h2>
            <p class="field-error">${this.problem}</p>
          </div>`
        : nothing}
      ${notice(this.message)}
      ${!a
        ? html`<p role="status">Laden…</p>`
        : a.registration.mode !== 'lottery'
          ? html`<p>${DRAW_PROBLEM.not_a_lottery}</p>`
          : d
            ? this.renderDraw(d)
            : nothing}`;
  }

  private renderDraw(d: PublishedDraw) {
    return html`<dl class="facts">
        <dt>Vingerafdruk van het geheime getal (commitment)</dt>
        <dd><code class="seed">${d.commitment}</code></dd>
        <dt>Geheim getal (seed)</dt>
        <dd>${d.seed ? html`<code class="seed">${d.seed}</code>` : 'Blijft geheim tot de loting. Niemand kan het zien, ook jij niet.'}</dd>
        <dt>Moment van de loting</dt>
        <dd>${d.drawAt ? dateTime(d.drawAt) : 'Nog niet gekozen'}</dd>
        <dt>Geloot</dt>
        <dd>${d.drawnAt ? dateTime(d.drawnAt) : 'Nog niet'}</dd>
      </dl>
      <p>
        ${d.seed
          ? 'Iedereen kan nagaan dat het geheime getal bij de vingerafdruk past en dat de volgorde klopt.'
          : 'Het geheime getal ligt vast. Na de loting tonen we het. Dan kan iedereen nagaan dat de volgorde klopt.'}
      </p>
      <p><a href="/loting/${d.activityId}">Bekijk de openbare pagina van de loting</a></p>
      ${d.drawnAt
        ? nothing
        : html`<p>De loting gebeurt vanzelf op het moment van de loting. Wil je niet wachten? Loot dan nu. Dat kan pas als het inschrijven gesloten is.</p>
            <button type="button" class="button" ?disabled=${this.busy} @click=${this.run}>Loot nu</button>`}
      ${d.drawnAt ? this.renderResult(d) : nothing}`;
  }

  private renderResult(d: PublishedDraw) {
    if (!d.entries.length) return html`<h2>Uitslag</h2><p>Er deden geen gezinnen mee.</p>`;
    return html`<h2>Uitslag</h2>
      <table class="table">
        <caption class="visually-hidden">Uitslag van de loting, in volgorde</caption>
        <thead>
          <tr>
            <th scope="col" class="num">Plaats in de loting</th>
            <th scope="col">Inschrijving</th>
            <th scope="col" class="num">Kinderen</th>
            <th scope="col">Uitslag</th>
            <th scope="col" class="num">Wachtlijst</th>
          </tr>
        </thead>
        <tbody>
          ${d.entries.map(
            (e) => html`<tr>
              <td class="num">${e.rank}</td>
              <th scope="row"><code>${shortId(e.id)}</code></th>
              <td class="num">${e.children}</td>
              <td>${e.outcome === 'confirmed' ? 'Ingeschreven' : 'Wachtlijst'}</td>
              <td class="num">${e.waitlistPosition ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p>Wie een kansenpas of doorverwijzing heeft, staat niet in deze lijst. Dat zie je per inschrijving in de lijst van inschrijvingen: zo kijk je na dat een voorbehouden plaats naar het juiste gezin ging.</p>
      <p><a href="${API}/activities/${d.activityId}/draw">De uitslag als JSON</a></p>`;
  }
}
