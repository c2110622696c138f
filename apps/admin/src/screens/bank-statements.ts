/**
 * The bank file: staff upload the CAMT.053 statement their bank exports. Every credit whose
 * structured communication belongs to a family is booked once (the same file twice books
 * nothing new); the rest is listed, and staff put a line on a family by hand.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { activityPaymentsSchema } from '@instap/core';
import { api, upload } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { euro } from '../format.js';
import { problemText } from '../ui/errors.js';
import { hintAndError, label, select } from '../ui/fields.js';
import { notice, Screen } from '../ui/screen.js';

/** One credit of a statement, as `/admin/organisations/{slug}/bank-statements` answers it (routes/bank-statements.ts). */
interface BankLine {
  id: string;
  amountCents: number;
  currency: string;
  bookingDate: string | null;
  debtorName: string | null;
  debtorIban: string | null;
  remittance: string;
  reference: string | null;
  state: 'booked' | 'partly-booked' | 'unmatched' | 'matched';
  reason: 'no-reference' | 'bad-check-digit' | 'unknown-reference' | 'foreign-currency' | 'nothing-due' | 'more-than-due' | null;
  registrationId: string | null;
  bookedCents: number;
  restCents: number;
}
interface ImportResult {
  alreadyUploaded: boolean;
  newLines: number;
  booked: BankLine[];
  toMatch: BankLine[];
  skipped: { debits: number; notBooked: number; reversals: number };
}
type Owing = ReturnType<typeof activityPaymentsSchema.parse>['registrations'][number] & { activity: string };

const REASON_NL: Record<string, string> = {
  'no-reference': 'Geen gestructureerde mededeling',
  'bad-check-digit': 'Mededeling met een tikfout',
  'unknown-reference': 'Mededeling van geen enkel gezin',
  'foreign-currency': 'Niet in euro',
  'nothing-due': 'Het gezin moest niets meer betalen',
  'more-than-due': 'Meer dan wat te betalen was',
};

const day = (d: string | null) => (d ? new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', dateStyle: 'medium' }).format(new Date(d)) : '');

export class BankStatementsScreen extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() org = '';
  @state() file: File | null = null;
  @state() error = '';
  @state() busy = false;
  @state() result: ImportResult | null = null;
  /** Lines still to match (from this upload or earlier ones). */
  @state() open: BankLine[] | null = null;
  /** Every family of the organisation with its payment (names for booked lines, choices for the rest). */
  @state() families: Owing[] = [];
  @state() picked: Record<string, string> = {};
  @state() message = '';

  override updated(changed: Map<string, unknown>) {
    if (changed.has('org') && this.org) void this.load();
  }

  private get slug() {
    return encodeURIComponent(this.org);
  }

  private async load() {
    try {
      this.open = (await api<{ lines: BankLine[] }>('GET', `/admin/organisations/${this.slug}/bank-lines?unmatched=1`)).lines;
      const { activities } = await api<{ activities: { id: string; title: string }[] }>('GET', `/admin/organisations/${this.slug}/activities`);
      const lists = await Promise.all(activities.map((a) => api<ReturnType<typeof activityPaymentsSchema.parse>>('GET', `/admin/activities/${a.id}/payments`).then((p) => p.registrations.map((r) => ({ ...r, activity: a.title })))));
      this.families = lists.flat();
    } catch (e) {
      this.message = problemText(e);
    }
  }

  private async send(e: Event) {
    e.preventDefault();
    this.message = '';
    if (!this.file) {
      this.error = 'Kies het bestand dat je bank gaf (CAMT.053, een .xml-bestand).';
      return void this.updateComplete.then(() => (this.querySelector('#bank-file') as HTMLElement | null)?.focus());
    }
    this.error = '';
    this.busy = true;
    try {
      this.result = await upload<ImportResult>(`/admin/organisations/${this.slug}/bank-statements`, this.file);
      await this.load();
      await this.updateComplete;
      (this.querySelector('#bank-result') as HTMLElement | null)?.focus();
    } catch (err) {
      this.error = problemText(err);
      await this.updateComplete;
      (this.querySelector('#bank-file') as HTMLElement | null)?.focus();
    } finally {
      this.busy = false;
    }
  }

  /** The families with money still due: the choices for a line. */
  private get owing() {
    return this.families.filter((r) => r.payment.status === 'open' || r.payment.status === 'partly-paid');
  }

  private async match(line: BankLine) {
    const registrationId = this.picked[line.id];
    if (!registrationId) return void (this.message = 'Kies eerst het gezin bij deze lijn.');
    const who = this.families.find((o) => o.registrationId === registrationId);
    try {
      const booked = await api<BankLine>('POST', `/admin/organisations/${this.slug}/bank-lines/${line.id}/match`, { registrationId });
      this.message = `${euro(booked.bookedCents)} is geboekt bij ${who?.contactName ?? 'het gezin'}.`;
      await this.load();
    } catch (e) {
      this.message = problemText(e);
    }
  }

  override render() {
    const r = this.result;
    return html`<h1>Bankbestand</h1>
      <p>Download bij je bank de rekeninguittreksels als CAMT.053-bestand (soms "gecodeerde uittreksels" of "ISO 20022"). Laad het hier op. Elke overschrijving met de mededeling van een gezin wordt één keer geboekt. Hetzelfde bestand opnieuw opladen boekt niets dubbel.</p>
      <form novalidate @submit=${this.send}>
        <div class="field ${this.error ? 'field--error' : ''}">
          ${label('bank-file', 'Bestand van je bank')} ${hintAndError('bank-file', 'Een .xml-bestand, hoogstens 2 MB.', this.error)}
          <input
            id="bank-file"
            type="file"
            accept=".xml,application/xml,text/xml"
            aria-describedby=${this.error ? 'bank-file-hint bank-file-error' : 'bank-file-hint'}
            aria-invalid=${this.error ? 'true' : 'false'}
            @change=${(e: Event) => (this.file = (e.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </div>
        <button class="button" ?disabled=${this.busy}>Laad het bestand op</button>
      </form>
      ${this.busy ? html`<p role="status">Het bestand wordt gelezen…</p>` : nothing} ${notice(this.message)}
      ${r
        ? html`<section id="bank-result" tabindex="-1" aria-labelledby="bank-result-title">
            <h2 id="bank-result-title">Resultaat</h2>
            <p>
              ${r.alreadyUploaded ? 'Dit bestand was al opgeladen: er is niets nieuws geboekt. ' : ''}${r.booked.length === 1 ? '1 betaling is geboekt.' : `${r.booked.length} betalingen zijn geboekt.`}
              ${r.toMatch.length === 1 ? '1 lijn moet je zelf koppelen.' : `${r.toMatch.length} lijnen moet je zelf koppelen.`}
            </p>
            ${r.booked.length ? this.renderLines('Geboekt', r.booked, false) : nothing}
          </section>`
        : nothing}
      <h2>Nog te koppelen</h2>
      ${this.open === null ? html`<p role="status">Laden…</p>` : this.open.length ? this.renderLines('Nog te koppelen', this.open, true) : html`<p>Er zijn geen lijnen meer om te koppelen.</p>`}
      <p><a href="#/payments">Betaalgegevens van je organisatie</a></p>`;
  }

  private renderLines(caption: string, lines: BankLine[], toMatch: boolean) {
    return html`<table class="table">
      <caption class="visually-hidden">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">Datum</th>
          <th scope="col">Van</th>
          <th scope="col" class="num">Bedrag</th>
          <th scope="col">Mededeling</th>
          <th scope="col">${toMatch ? 'Koppel aan' : 'Gezin'}</th>
        </tr>
      </thead>
      <tbody>
        ${lines.map((l) => {
          const family = this.families.find((o) => o.registrationId === l.registrationId);
          return html`<tr>
            <td>${day(l.bookingDate)}</td>
            <th scope="row">${l.debtorName ?? 'Onbekend'}${l.debtorIban ? html`<br /><span class="hint">${l.debtorIban}</span>` : nothing}</th>
            <td class="num">${euro(l.amountCents)}${l.restCents && l.restCents !== l.amountCents ? html`<br /><span class="hint">${euro(l.restCents)} over</span>` : nothing}</td>
            <td>${l.reference ? html`<code>${l.reference}</code>` : l.remittance}${l.reason ? html`<br /><span class="tag">${REASON_NL[l.reason] ?? l.reason}</span>` : nothing}</td>
            <td>${toMatch ? this.renderMatch(l) : family ? `${family.contactName} (${family.activity})` : euro(l.bookedCents)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private renderMatch(l: BankLine) {
    if (l.reason === 'foreign-currency') return html`<span class="hint">Niet in euro: boek dit niet in Instap.</span>`;
    const options: [string, string][] = [
      ['', 'Kies een gezin'],
      // The families whose amount left equals this line first: most likely the one.
      ...[...this.owing]
        .sort((a, b) => Number(b.payment.amountCents - b.payment.paidCents === l.restCents) - Number(a.payment.amountCents - a.payment.paidCents === l.restCents))
        .map((o) => [o.registrationId, `${o.contactName}, ${o.activity}: nog ${euro(o.payment.amountCents - o.payment.paidCents)} (${o.payment.reference})`] as [string, string]),
    ];
    return html`${select({ id: `match-${l.id}`, label: `Gezin voor ${euro(l.amountCents)} van ${l.debtorName ?? 'onbekend'}`, value: this.picked[l.id] ?? '', options, errors: [], onChange: (v) => (this.picked = { ...this.picked, [l.id]: v }) })}
      <button type="button" class="button button--small" @click=${() => this.match(l)}>Boek<span class="visually-hidden"> ${euro(l.amountCents)} van ${l.debtorName ?? 'onbekend'}</span></button>`;
  }
}
