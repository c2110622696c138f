/**
 * The payments of one activity: totals (due, paid, still open, past the last day, to refund)
 * and one row per family. "Betaald aan de balie" opens the amount still due, prefilled; "Bevestig"
 * books it: two clicks. A waiver asks why; a refund due is marked when the money went back.
 */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { activityPaymentsSchema } from '@instap/core';
import { api, idempotencyKey } from '../api.js';
import { dateTime, euro, fromLocalInput, parseEuro, centsToInput, toLocalInput, METHOD_NL, PAYMENT_NL, STATUS_NL } from '../format.js';
import { ActivityListScreen } from '../ui/activity-list-screen.js';
import { problemText } from '../ui/errors.js';
import { field, select } from '../ui/fields.js';
import { notice } from '../ui/screen.js';

type ActivityPayments = ReturnType<typeof activityPaymentsSchema.parse>;
type Row = ActivityPayments['registrations'][number];
type Part = { amount: string; date: string };
type Action = { kind: 'record' | 'waive' | 'plan'; id: string; amount: string; method: 'desk' | 'transfer' | 'third-party'; note: string; parts: Part[]; error: string; key: string };

/** "2026-04-15" → that day at 18:00 in Brussels, far from midnight, so the family reads the same day. */
const dayToInstant = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? fromLocalInput(`${d}T18:00`) : null);
const dayAfter = (days: number) => toLocalInput(new Date(Date.now() + days * 86_400_000).toISOString()).slice(0, 10);

const FILTERS: [string, string, (r: Row) => boolean][] = [
  ['', 'Alle gezinnen', () => true],
  ['open', 'Nog te betalen', (r) => r.payment.status === 'open' || r.payment.status === 'partly-paid'],
  ['past-due', 'Te laat: bellen', (r) => r.pastDue],
  ['paid', 'Betaald of kwijtgescholden', (r) => r.payment.status === 'paid' || r.payment.status === 'waived'],
  ['refund-due', 'Terug te betalen', (r) => r.payment.status === 'refund-due'],
];

export class PaymentsScreen extends ActivityListScreen<Row> {
  @state() totals: ActivityPayments['totals'] | null = null;
  @state() filter = '';
  @state() action: Action | null = null;
  @state() message = '';
  @state() busy = false;

  protected list(id: string) {
    return {
      path: `/admin/activities/${id}/payments`,
      rows: (b: ActivityPayments) => ((this.totals = b.totals), b.registrations),
    };
  }

  private open(kind: Action['kind'], r: Row) {
    const left = r.payment.amountCents - r.payment.paidCents;
    this.message = '';
    // A plan starts as two halves, a month apart.
    const half = Math.floor(left / 2);
    const parts = [
      { amount: centsToInput(left - half), date: dayAfter(14) },
      { amount: centsToInput(half), date: dayAfter(44) },
    ];
    this.action = { kind, id: r.registrationId, amount: centsToInput(left), method: 'desk', note: '', parts, error: '', key: idempotencyKey() };
    void this.updateComplete.then(() => (this.querySelector(kind === 'record' ? '#pay-confirm' : kind === 'plan' ? '#plan-0-amount' : '#pay-note') as HTMLElement | null)?.focus());
  }

  private async confirm(r: Row) {
    const a = this.action!;
    const cents = parseEuro(a.amount);
    if (a.kind === 'record' && (cents === null || cents <= 0)) return void (this.action = { ...a, error: 'Geef een bedrag in euro, meer dan 0, zoals 40 of 12,50.' });
    if (a.kind === 'waive' && !a.note.trim()) return void (this.action = { ...a, error: 'Schrijf waarom, voor je collega’s.' });
    const instalments = a.parts.map((p) => ({ amountCents: parseEuro(p.amount) ?? 0, dueAt: dayToInstant(p.date) ?? '' }));
    if (a.kind === 'plan' && instalments.some((i) => i.amountCents <= 0 || !i.dueAt)) return void (this.action = { ...a, error: 'Geef elk deel een bedrag in euro en een datum.' });
    this.busy = true;
    try {
      if (a.kind === 'plan') await api('PUT', `/admin/registrations/${r.registrationId}/payments/plan`, { instalments });
      else if (a.kind === 'record')
        await api('POST', `/admin/registrations/${r.registrationId}/payments`, { amountCents: cents, method: a.method, ...(a.note.trim() ? { note: a.note.trim() } : {}) }, { 'idempotency-key': a.key });
      else await api('POST', `/admin/registrations/${r.registrationId}/payments/waive`, { note: a.note.trim() });
      this.message =
        a.kind === 'record'
          ? `${euro(cents!)} van ${r.contactName} is geboekt (${METHOD_NL[a.method]?.toLowerCase()}).`
          : a.kind === 'plan'
            ? `${r.contactName} betaalt in ${a.parts.length} delen. Het gezin ziet elk deel op zijn pagina.`
            : `De betaling van ${r.contactName} is kwijtgescholden.`;
      this.action = null;
      await this.load();
    } catch (e) {
      this.action = { ...a, error: problemText(e) };
    } finally {
      this.busy = false;
    }
  }

  private async refunded(r: Row) {
    if (!confirm(`Heb je ${euro(r.payment.refundCents ?? 0)} teruggestort aan ${r.contactName}?`)) return;
    try {
      await api('POST', `/admin/registrations/${r.registrationId}/payments/refund`, {});
      this.message = `De terugbetaling aan ${r.contactName} is genoteerd.`;
      await this.load();
    } catch (e) {
      this.message = problemText(e);
    }
  }

  override render() {
    const a = this.activity;
    const t = this.totals;
    return html`<p><a href="#/activities" class="back">Terug naar de activiteiten</a></p>
      <h1>Betalingen${a ? html` voor ${a.title}` : nothing}</h1>
      ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing} ${notice(this.message)}
      ${t
        ? html`<dl class="totals">
            <div><dt>Te ontvangen</dt><dd>${euro(t.dueCents)}</dd></div>
            <div><dt>Betaald</dt><dd>${euro(t.paidCents)}</dd></div>
            <div><dt>Nog open</dt><dd>${euro(t.openCents)}</dd></div>
            <div><dt>Te laat</dt><dd>${euro(t.pastDueCents)}</dd></div>
            <div><dt>Terug te betalen</dt><dd>${euro(t.refundDueCents)}</dd></div>
          </dl>`
        : nothing}
      <ul class="actions actions--row">
        <li><a href="#/activities/${this.activityId}/registrations">Inschrijvingen</a></li>
        <li><a href="#/bank">Bankbestand opladen</a></li>
      </ul>
      ${select({ id: 'pay-filter', label: 'Toon', value: this.filter, options: FILTERS.map(([v, text]) => [v, text]), errors: [], onChange: (v) => (this.filter = v) })}
      ${this.rows === null ? html`<p role="status">Betalingen laden…</p>` : this.renderTable()}`;
  }

  private renderTable() {
    const keep = FILTERS.find(([v]) => v === this.filter)![2];
    const rows = this.rows!.filter(keep);
    if (!rows.length) return html`<p role="status">Geen gezinnen${this.filter ? ' die passen bij je keuze' : ''}.</p>`;
    return html`<table class="table">
      <caption class="visually-hidden">Betalingen per gezin</caption>
      <thead>
        <tr>
          <th scope="col">Gezin</th>
          <th scope="col">Betaling</th>
          <th scope="col" class="num">Bedrag</th>
          <th scope="col" class="num">Betaald</th>
          <th scope="col">Betalen tegen</th>
          <th scope="col">Mededeling</th>
          <th scope="col">Doen</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => this.renderRow(r))}
      </tbody>
    </table>`;
  }

  private renderRow(r: Row) {
    const p = r.payment;
    const owes = p.status === 'open' || p.status === 'partly-paid';
    const act = this.action?.id === r.registrationId ? this.action : null;
    const who = html`<span class="visually-hidden"> voor ${r.contactName}</span>`;
    return html`<tr>
        <th scope="row">${r.contactName}<br /><span class="hint">${r.children.join(', ')} · ${STATUS_NL[r.status] ?? r.status}</span></th>
        <td>${PAYMENT_NL[p.status] ?? p.status}${r.pastDue ? html`<br /><span class="tag">Te laat: bellen</span>` : nothing}${p.instalments?.length ? html`<br /><span class="hint">In ${p.instalments.length} delen</span>` : nothing}</td>
        <td class="num">${euro(p.amountCents)}</td>
        <td class="num">${euro(p.paidCents)}${p.status === 'refund-due' ? html`<br /><span class="hint">${euro(p.refundCents ?? 0)} terug</span>` : nothing}</td>
        <td>${p.dueAt ? dateTime(p.dueAt) : ''}</td>
        <td><code>${p.reference}</code></td>
        <td>
          ${owes && !act
            ? html`<div class="button-group">
                <button type="button" class="button button--small" @click=${() => this.open('record', r)}>Betaald aan de balie${who}</button>
                <button type="button" class="button button--secondary button--small" @click=${() => this.open('plan', r)}>In delen${who}</button>
                <button type="button" class="button button--secondary button--small" @click=${() => this.open('waive', r)}>Kwijtschelden${who}</button>
              </div>`
            : nothing}
          ${p.status === 'refund-due' ? html`<button type="button" class="button button--secondary button--small" @click=${() => this.refunded(r)}>Terugbetaald${who}</button>` : nothing}
        </td>
      </tr>
      ${act ? html`<tr class="action-row"><td colspan="7">${this.renderAction(act, r)}</td></tr>` : nothing}`;
  }

  private renderAction(a: Action, r: Row) {
    const set = (patch: Partial<Action>) => (this.action = { ...a, ...patch, error: '' });
    const errorField = a.kind === 'record' ? 'pay-amount' : a.kind === 'plan' ? 'plan-0-amount' : 'pay-note';
    const errors = a.error ? [{ field: errorField, message: a.error }] : [];
    const part = (i: number, patch: Partial<Part>) => set({ parts: a.parts.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
    const labels = { record: `Betaling van ${r.contactName}`, plan: `In delen voor ${r.contactName}`, waive: `Kwijtschelden voor ${r.contactName}` };
    return html`<form class="panel" novalidate aria-label=${labels[a.kind]} @submit=${(e: Event) => (e.preventDefault(), this.confirm(r))}>
      ${a.kind === 'record'
        ? html`<div class="inline">
              ${field({ id: 'pay-amount', label: 'Bedrag in euro', width: 'short', inputmode: 'decimal', value: a.amount, errors, onInput: (v) => set({ amount: v }) })}
              ${select({ id: 'pay-method', label: 'Hoe', value: a.method, options: (['desk', 'transfer', 'third-party'] as const).map((m) => [m, METHOD_NL[m]!]), errors: [], onChange: (v) => set({ method: v as Action['method'] }) })}
            </div>
            ${field({ id: 'pay-note', label: 'Notitie', optional: true, hint: 'Bijvoorbeeld wie betaalde, bij een derde betaler.', value: a.note, errors: [], onInput: (v) => set({ note: v }) })}`
        : a.kind === 'plan'
          ? html`<p>Samen ${euro(r.payment.amountCents - r.payment.paidCents)}. Het gezin ziet elk deel met zijn datum.</p>
              ${a.parts.map(
                (p, i) => html`<fieldset class="inline">
                  <legend class="label">Deel ${i + 1}</legend>
                  ${field({ id: `plan-${i}-amount`, label: `Bedrag van deel ${i + 1} in euro`, width: 'short', inputmode: 'decimal', value: p.amount, errors: i === 0 ? errors : [], onInput: (v) => part(i, { amount: v }) })}
                  ${field({ id: `plan-${i}-date`, label: `Te betalen tegen (deel ${i + 1})`, type: 'date', width: 'short', value: p.date, errors: [], onInput: (v) => part(i, { date: v }) })}
                </fieldset>`,
              )}
              ${a.parts.length < 12 ? html`<p><button type="button" class="button button--secondary button--small" @click=${() => set({ parts: [...a.parts, { amount: '', date: '' }] })}>Nog een deel</button></p>` : nothing}`
          : field({ id: 'pay-note', label: 'Waarom?', hint: 'Voor je collega’s. Het gezin leest dit niet.', value: a.note, errors, onInput: (v) => set({ note: v }) })}
      <div class="button-group">
        <button id="pay-confirm" class="button" ?disabled=${this.busy}>${a.kind === 'record' ? 'Bevestig' : a.kind === 'plan' ? 'Bevestig het plan' : 'Bevestig kwijtschelden'}</button>
        <button type="button" class="button button--secondary" @click=${() => (this.action = null)}>Annuleer</button>
      </div>
    </form>`;
  }
}
