/**
 * Create or change an activity: every setting on one page in titled groups, the readability of
 * the Dutch texts while typing, and — once saved — the snippet and a live preview.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { api } from '../../api.js';
import type { InstapConsole } from '../../app/console.js';
import { go } from '../../app/routes.js';
import { toFieldErrors, type FieldError } from '../../ui/errors.js';
import { field, radios } from '../../ui/fields.js';
import { errorSummary, notice, Screen } from '../../ui/screen.js';
import type { AdminActivity } from '../activities.js';
import { emptyForm, formFrom, originsOf, toBody, TRANSLATION_LANGUAGES, type ActivityForm, type TextsInput, type TranslationLanguage } from './model.js';
import { readabilityHint } from './readability-hint.js';

export class ActivityFormScreen extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() org = '';
  @property() activityId = '';
  @state() form: ActivityForm = emptyForm();
  @state() errors: FieldError[] = [];
  @state() saved = '';
  @state() busy = false;
  @state() loaded = false;
  @state() version = 0;

  override updated(changed: Map<string, unknown>) {
    if ((changed.has('activityId') || changed.has('org')) && !this.loaded) void this.load();
  }

  private async load() {
    const origins = this.app.organisation?.allowedOrigins ?? [];
    if (!this.activityId) {
      this.form = { ...emptyForm(), allowedOrigins: origins.join('\n') };
      this.loaded = true;
      return;
    }
    try {
      this.form = formFrom(await api<AdminActivity>('GET', `/admin/activities/${this.activityId}`), origins);
      this.loaded = true;
    } catch (e) {
      this.errors = toFieldErrors(e, 'f-title');
    }
  }

  private set<K extends keyof ActivityForm>(key: K) {
    return (v: ActivityForm[K]) => (this.form = { ...this.form, [key]: v });
  }

  private setText(l: TranslationLanguage, key: keyof TextsInput, v: string) {
    this.form = { ...this.form, translations: { ...this.form.translations, [l]: { ...this.form.translations[l], [key]: v } } };
  }

  /** One block per language; an open block when staff already wrote something, or the server found a problem in it. */
  private translations(f: ActivityForm, e: FieldError[]) {
    return html`<fieldset class="group">
      <legend><h2>Vertalingen</h2></legend>
      <p class="hint">Families kunnen de inschrijving in hun eigen taal lezen. Laat een veld leeg: dan tonen we de Nederlandse tekst.</p>
      ${TRANSLATION_LANGUAGES.map(([l, nl, own, dir]) => {
        const t = f.translations[l];
        const id = (k: string) => `f-translations-${l}-${k}`;
        const open = Object.values(t).some((v) => v.trim()) || e.some((x) => x.field.startsWith(`f-translations-${l}-`));
        return html`<details class="translation" ?open=${open}>
          <summary>${nl} (${own})</summary>
          <div lang=${l} dir=${dir}>
            ${field({ id: id('title'), label: `Titel in het ${nl}`, optional: true, value: t.title, errors: e, onInput: (v) => this.setText(l, 'title', v) })}
            ${field({ id: id('summary'), label: `Korte uitleg in het ${nl}`, optional: true, multiline: true, value: t.summary, errors: e, onInput: (v) => this.setText(l, 'summary', v) })}
            ${field({ id: id('location'), label: `Plaats in het ${nl}`, optional: true, value: t.location, errors: e, onInput: (v) => this.setText(l, 'location', v) })}
            ${field({ id: id('whatToBring'), label: `Wat meebrengen, in het ${nl}`, optional: true, multiline: true, rows: 3, hint: 'Eén ding per regel.', value: t.whatToBring, errors: e, onInput: (v) => this.setText(l, 'whatToBring', v) })}
          </div>
        </details>`;
      })}
    </fieldset>`;
  }

  private setSession(i: number, key: 'startsAt' | 'endsAt', v: string) {
    this.form = { ...this.form, sessions: this.form.sessions.map((s, j) => (j === i ? { ...s, [key]: v } : s)) };
  }

  private async addSession() {
    this.form = { ...this.form, sessions: [...this.form.sessions, { startsAt: '', endsAt: '' }] };
    await this.updateComplete;
    (this.querySelector(`#f-sessions-${this.form.sessions.length - 1}-startsAt`) as HTMLElement | null)?.focus();
  }

  private async removeSession(i: number) {
    this.form = { ...this.form, sessions: this.form.sessions.filter((_, j) => j !== i) };
    await this.updateComplete;
    (this.querySelector('#add-session') as HTMLElement | null)?.focus();
  }

  private async submit(e: Event) {
    e.preventDefault();
    this.saved = '';
    const { body, errors } = toBody(this.form);
    this.errors = errors;
    if (errors.length) return this.focusSummary();
    this.busy = true;
    try {
      const origins = originsOf(this.form);
      const org = this.app.organisation;
      if (org && origins.join('\n') !== org.allowedOrigins.join('\n') && this.app.session && ['city-admin', 'organisation-admin'].includes(this.app.session.user.role)) {
        await api('PATCH', `/admin/organisations/${encodeURIComponent(org.slug)}`, { allowedOrigins: origins }).catch((err) => {
          throw Object.assign(err, { issues: (err.issues ?? []).map((i: { path: string }) => ({ ...i, path: i.path.replace(/^allowedOrigins.*/, 'allowedOrigins') })) });
        });
        await this.app.refreshOrganisations();
      }
      if (this.activityId) {
        await api('PATCH', `/admin/activities/${this.activityId}`, body);
        this.saved = 'De activiteit is bewaard.';
        this.version++;
      } else {
        const created = await api<AdminActivity>('POST', `/admin/organisations/${encodeURIComponent(this.org)}/activities`, body);
        go(`/activities/${created.id}`);
      }
    } catch (err) {
      this.errors = toFieldErrors(err, 'f-title');
      await this.focusSummary();
    } finally {
      this.busy = false;
    }
  }

  private async withdraw() {
    if (!confirm('Wil je deze activiteit intrekken? Families kunnen zich dan niet meer inschrijven. Bestaande inschrijvingen blijven.')) return;
    await api('DELETE', `/admin/activities/${this.activityId}`);
    go('/activities');
  }

  override render() {
    const f = this.form;
    const e = this.errors;
    const canOrigins = ['city-admin', 'organisation-admin'].includes(this.app.session?.user.role ?? '');
    return html`<p class="no-print"><a href="#/activities" class="back">Terug naar de activiteiten</a></p>
      ${errorSummary(e)}
      <h1>${this.activityId ? `Wijzig ${f.title || 'de activiteit'}` : 'Nieuwe activiteit'}</h1>
      ${notice(this.saved)}
      ${!this.loaded ? html`<p role="status">Laden…</p>` : nothing}
      <form novalidate @submit=${this.submit} ?hidden=${!this.loaded}>
        <fieldset class="group">
          <legend><h2>Wat en waar</h2></legend>
          ${field({ id: 'f-title', label: 'Titel', hint: 'Kort en duidelijk, zoals "Zwemles voor beginners".', value: f.title, errors: e, onInput: this.set('title') })}
          ${field({ id: 'f-summary', label: 'Korte uitleg', optional: true, multiline: true, hint: 'Wat doen de kinderen? Schrijf korte zinnen.', value: f.summary, errors: e, onInput: this.set('summary') })}
          ${readabilityHint(f.title, f.summary)}
          ${field({ id: 'f-location', label: 'Plaats', hint: 'Naam en adres, zoals "Zwembad Lagaeplein, Kortrijk".', value: f.location, errors: e, onInput: this.set('location') })}
          ${field({ id: 'f-kind', label: 'Soort', optional: true, hint: 'Zoals zwemmen, muziek of voetbal.', width: 'medium', value: f.kind, errors: e, onInput: this.set('kind') })}
          <div class="inline">
            ${field({ id: 'f-ageMin', label: 'Vanaf leeftijd', optional: true, inputmode: 'numeric', width: 'short', value: f.ageMin, errors: e, onInput: this.set('ageMin') })}
            ${field({ id: 'f-ageMax', label: 'Tot en met leeftijd', optional: true, inputmode: 'numeric', width: 'short', value: f.ageMax, errors: e, onInput: this.set('ageMax') })}
          </div>
          ${field({ id: 'f-whatToBring', label: 'Wat moeten kinderen meebrengen?', optional: true, multiline: true, rows: 3, hint: 'Eén ding per regel.', value: f.whatToBring, errors: e, onInput: this.set('whatToBring') })}
        </fieldset>

        ${this.translations(f, e)}

        <fieldset class="group" id="f-sessions">
          <legend><h2>Lessen</h2></legend>
          <p class="hint">Datum en uur in Belgische tijd.</p>
          ${f.sessions.map(
            (s, i) => html`<div class="session">
              <h3>Les ${i + 1}</h3>
              <div class="inline">
                ${field({ id: `f-sessions-${i}-startsAt`, label: `Begin van les ${i + 1}`, type: 'datetime-local', width: 'medium', value: s.startsAt, errors: e, onInput: (v) => this.setSession(i, 'startsAt', v) })}
                ${field({ id: `f-sessions-${i}-endsAt`, label: `Einde van les ${i + 1}`, type: 'datetime-local', width: 'medium', value: s.endsAt, errors: e, onInput: (v) => this.setSession(i, 'endsAt', v) })}
              </div>
              ${f.sessions.length > 1 ? html`<button type="button" class="button button--secondary" @click=${() => this.removeSession(i)}>Verwijder les ${i + 1}</button>` : nothing}
            </div>`,
          )}
          <button type="button" id="add-session" class="button button--secondary" @click=${this.addSession}>Voeg een les toe</button>
        </fieldset>

        <fieldset class="group">
          <legend><h2>Plaatsen en prijs</h2></legend>
          ${field({ id: 'f-capacity', label: 'Aantal plaatsen', inputmode: 'numeric', width: 'short', value: f.capacity, errors: e, onInput: this.set('capacity') })}
          ${field({ id: 'f-reservedPlaces', label: 'Voorbehouden plaatsen', hint: 'Voor gezinnen met een kansenpas of een verwijzing van een brugfiguur. 0 als je geen plaatsen voorbehoudt.', inputmode: 'numeric', width: 'short', value: f.reservedPlaces, errors: e, onInput: this.set('reservedPlaces') })}
          ${field({ id: 'f-reservedUntil', label: 'Voorbehouden plaatsen worden vrij op', optional: true, hint: 'Daarna kan iedereen die plaatsen nemen.', type: 'datetime-local', width: 'medium', value: f.reservedUntil, errors: e, onInput: this.set('reservedUntil') })}
          ${field({ id: 'f-priceCents', label: 'Prijs per kind, in euro', inputmode: 'decimal', width: 'short', value: f.price, errors: e, onInput: this.set('price') })}
          ${field({ id: 'f-kanspasCents', label: 'Prijs met kansenpas, in euro', optional: true, hint: 'Leeg: de korting van het tariefcharter van de stad.', inputmode: 'decimal', width: 'short', value: f.kanspasPrice, errors: e, onInput: this.set('kanspasPrice') })}
          ${field({ id: 'f-uitdatabankEventId', label: 'Event-id in UiTdatabank', optional: true, hint: 'Met dit id registreert Instap elke verkoop met kansentarief bij UiTPAS. Zo krijgt je club de korting terugbetaald. Families zien het niet.', width: 'long', value: f.uitdatabankEventId, errors: e, onInput: this.set('uitdatabankEventId') })}
        </fieldset>

        <fieldset class="group">
          <legend><h2>Inschrijven</h2></legend>
          ${field({ id: 'f-registration-opensAt', label: 'Inschrijven opent op', type: 'datetime-local', width: 'medium', value: f.opensAt, errors: e, onInput: this.set('opensAt') })}
          ${field({ id: 'f-registration-closesAt', label: 'Inschrijven sluit op', optional: true, type: 'datetime-local', width: 'medium', value: f.closesAt, errors: e, onInput: this.set('closesAt') })}
          ${radios({
            id: 'f-registration-mode',
            legend: 'Hoe verdeel je de plaatsen?',
            value: f.mode,
            errors: e,
            options: [
              ['first-come', 'Wie eerst komt', 'Een plaats is meteen zeker zolang er plaatsen zijn.'],
              ['lottery', 'Loting', 'Iedereen die zich op tijd inschrijft, heeft evenveel kans. Niemand moet om 9 uur klaarzitten.'],
            ],
            onChange: (v) => this.set('mode')(v as ActivityForm['mode']),
          })}
          ${f.mode === 'lottery'
            ? field({ id: 'f-registration-drawAt', label: 'Moment van de loting', type: 'datetime-local', width: 'medium', value: f.drawAt, errors: e, onInput: this.set('drawAt') })
            : nothing}
          ${field({ id: 'f-lateJoinUntil', label: 'Laat aansluiten kan tot', optional: true, hint: 'Wie later instapt, betaalt alleen de lessen die nog komen.', type: 'datetime-local', width: 'medium', value: f.lateJoinUntil, errors: e, onInput: this.set('lateJoinUntil') })}
        </fieldset>

        ${canOrigins
          ? html`<fieldset class="group">
              <legend><h2>Websites</h2></legend>
              ${field({ id: 'f-allowedOrigins', label: 'Websites die de inschrijving mogen tonen', optional: true, multiline: true, rows: 3, hint: 'Eén per regel, zoals https://www.zwemclub.be. Dit geldt voor alle activiteiten van je organisatie.', value: f.allowedOrigins, errors: e, onInput: this.set('allowedOrigins') })}
            </fieldset>`
          : nothing}

        <div class="button-group">
          <button class="button" ?disabled=${this.busy}>${this.activityId ? 'Bewaar de wijzigingen' : 'Maak de activiteit'}</button>
          ${this.activityId ? html`<button type="button" class="button button--warning" @click=${this.withdraw}>Trek de activiteit in</button>` : nothing}
        </div>
      </form>
      ${this.activityId && this.loaded ? html`<instap-activity-snippet .activityId=${this.activityId} .version=${this.version}></instap-activity-snippet>` : nothing}`;
  }
}
