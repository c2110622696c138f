/**
 * How the organisation takes money: the ways (desk, transfer, online, third party), the account
 * families transfer to, how many days they have, the desk's hours, and the Mollie key. The key is
 * never shown back: the screen says whether one is set (test or live) and takes a new one.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PaymentMethod, PaymentSettings, PaymentSettingsInput } from '@instap/core';
import { api } from '../api.js';
import type { InstapConsole } from '../app/console.js';
import { METHOD_NL } from '../format.js';
import { problemText, toFieldErrors, type FieldError } from '../ui/errors.js';
import { checkbox, field } from '../ui/fields.js';
import { errorSummary, notice, Screen } from '../ui/screen.js';

const METHODS: PaymentMethod[] = ['desk', 'transfer', 'online', 'third-party'];
const MOLLIE_KEY = /^(test|live)_[A-Za-z0-9]{30}$/;

export class PaymentSettingsScreen extends Screen {
  @property({ attribute: false }) app!: InstapConsole;
  @property() org = '';
  @state() loaded: PaymentSettings | null = null;
  @state() methods = new Set<PaymentMethod>();
  @state() iban = '';
  @state() bic = '';
  @state() beneficiary = '';
  @state() dueDays = '14';
  @state() deskInfo = '';
  /** A new Mollie key typed here; empty keeps the stored one. */
  @state() mollieKey = '';
  @state() removeKey = false;
  @state() errors: FieldError[] = [];
  @state() saved = '';
  @state() problem = '';

  override updated(changed: Map<string, unknown>) {
    if (changed.has('org') && this.org) void this.load();
  }

  private async load() {
    try {
      this.show(await api<PaymentSettings>('GET', `/admin/organisations/${encodeURIComponent(this.org)}/payments`));
    } catch (e) {
      this.problem = problemText(e);
    }
  }

  private show(s: PaymentSettings) {
    this.loaded = s;
    this.methods = new Set(s.methods);
    [this.iban, this.bic, this.beneficiary, this.dueDays, this.deskInfo] = [s.iban ?? '', s.bic ?? '', s.beneficiary ?? '', String(s.dueDays), s.deskInfo ?? ''];
    this.mollieKey = '';
    this.removeKey = false;
  }

  private toggle(m: PaymentMethod, on: boolean) {
    const next = new Set(this.methods);
    if (on) next.add(m);
    else next.delete(m);
    this.methods = next;
  }

  /** The checks staff can see before sending; the server checks the IBAN itself (mod 97) and answers by field. */
  private check(): FieldError[] {
    const e: FieldError[] = [];
    if (!this.methods.size) e.push({ field: 'f-methods', message: 'Kies minstens één manier om te betalen.' });
    if (this.methods.has('transfer') && !this.iban.trim()) e.push({ field: 'f-iban', message: 'Geef het rekeningnummer waarop families overschrijven.' });
    if (this.methods.has('transfer') && !this.beneficiary.trim()) e.push({ field: 'f-beneficiary', message: 'Geef de naam van de rekeninghouder, zoals de bank die kent.' });
    if (!/^\d{1,3}$/.test(this.dueDays.trim()) || Number(this.dueDays) > 365) e.push({ field: 'f-dueDays', message: 'Geef het aantal dagen, van 0 tot 365.' });
    if (this.mollieKey.trim() && !MOLLIE_KEY.test(this.mollieKey.trim())) e.push({ field: 'f-mollieApiKey', message: 'Een Mollie-sleutel begint met test_ of live_ en heeft daarna 30 letters en cijfers.' });
    return e;
  }

  private async submit(ev: Event) {
    ev.preventDefault();
    this.saved = '';
    this.errors = this.check();
    if (this.errors.length) return this.focusSummary();
    const body: PaymentSettingsInput = {
      methods: METHODS.filter((m) => this.methods.has(m)),
      ...(this.iban.trim() ? { iban: this.iban.trim() } : {}),
      ...(this.bic.trim() ? { bic: this.bic.trim() } : {}),
      ...(this.beneficiary.trim() ? { beneficiary: this.beneficiary.trim() } : {}),
      dueDays: Number(this.dueDays),
      ...(this.deskInfo.trim() ? { deskInfo: this.deskInfo.trim() } : {}),
      ...(this.mollieKey.trim() ? { mollieApiKey: this.mollieKey.trim() } : this.removeKey ? { mollieApiKey: null } : {}),
      ...(this.loaded ? { autoCancel: this.loaded.autoCancel } : {}),
    };
    try {
      this.show(await api<PaymentSettings>('PUT', `/admin/organisations/${encodeURIComponent(this.org)}/payments`, body));
      this.saved = 'De betaalgegevens zijn bewaard.';
    } catch (err) {
      this.errors = toFieldErrors(err, 'f-methods').map((f) => (f.field.startsWith('f-methods') ? { ...f, field: 'f-methods' } : f));
      await this.focusSummary();
    }
  }

  override render() {
    const e = this.errors;
    const s = this.loaded;
    const mollie = s?.mollie;
    return html`<form class="narrow" novalidate @submit=${this.submit}>
      ${errorSummary(e)}
      <h1>Betalen</h1>
      ${notice(this.saved)} ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing}
      ${s === null
        ? html`<p role="status">Laden…</p>`
        : html`<p>Families zien op hun bevestiging, hun pagina en in de mail hoe ze betalen. Betalen beslist nooit over een plaats: wie niet betaalt, wordt eerst gebeld.</p>
            ${s.configured ? nothing : html`<p class="panel">Je organisatie heeft nog geen betaalgegevens. Families zien nu alleen de prijs en betalen aan de balie.</p>`}
            <fieldset class="field ${e.some((x) => x.field === 'f-methods') ? 'field--error' : ''}" id="f-methods" tabindex="-1">
              <legend class="label">Hoe kunnen families betalen?</legend>
              ${e.find((x) => x.field === 'f-methods') ? html`<p class="field-error"><span class="visually-hidden">Fout:</span> ${e.find((x) => x.field === 'f-methods')!.message}</p>` : nothing}
              ${METHODS.map((m) => checkbox({ id: `f-method-${m}`, label: METHOD_NL[m]!, checked: this.methods.has(m), errors: [], onChange: (v) => this.toggle(m, v) }))}
            </fieldset>
            <h2>Overschrijving</h2>
            ${field({ id: 'f-iban', label: 'Rekeningnummer (IBAN)', optional: !this.methods.has('transfer'), hint: 'Zoals BE68 5390 0754 7034. Families kopiëren het.', width: 'medium', value: this.iban, errors: e, onInput: (v) => (this.iban = v) })}
            ${field({ id: 'f-bic', label: 'BIC', optional: true, width: 'short', value: this.bic, errors: e, onInput: (v) => (this.bic = v) })}
            ${field({ id: 'f-beneficiary', label: 'Naam van de rekeninghouder', optional: !this.methods.has('transfer'), hint: 'Zoals de bank die kent, hoogstens 70 tekens.', value: this.beneficiary, errors: e, onInput: (v) => (this.beneficiary = v) })}
            ${field({ id: 'f-dueDays', label: 'Aantal dagen om te betalen', hint: 'Vanaf de dag dat een gezin een plaats krijgt.', inputmode: 'numeric', width: 'short', value: this.dueDays, errors: e, onInput: (v) => (this.dueDays = v) })}
            <h2>Balie</h2>
            ${field({ id: 'f-deskInfo', label: 'Wanneer en waar kan men aan de balie betalen?', optional: true, multiline: true, rows: 3, hint: 'Families lezen dit letterlijk. Bijvoorbeeld: elke woensdag van 14 tot 17 uur aan het onthaal.', value: this.deskInfo, errors: e, onInput: (v) => (this.deskInfo = v) })}
            <h2>Online betalen (Mollie)</h2>
            <p id="mollie-state">${mollie?.set ? `Er is een Mollie-sleutel ingesteld (${mollie.mode === 'live' ? 'live: echte betalingen' : 'test: geen echte betalingen'}).` : 'Er is nog geen Mollie-sleutel ingesteld.'}</p>
            ${field({
              id: 'f-mollieApiKey',
              label: mollie?.set ? 'Nieuwe Mollie-sleutel' : 'Mollie-sleutel',
              optional: true,
              type: 'password',
              autocomplete: 'off',
              hint: 'Begin met een testsleutel (test_…). Werkt alles? Vervang ze dan door de live-sleutel. We tonen een bewaarde sleutel nooit opnieuw.',
              value: this.mollieKey,
              errors: e,
              onInput: (v) => (this.mollieKey = v),
            })}
            ${mollie?.set ? checkbox({ id: 'f-removeKey', label: 'Verwijder de bewaarde Mollie-sleutel', checked: this.removeKey, errors: e, onChange: (v) => (this.removeKey = v) }) : nothing}
            <button class="button">Bewaar de betaalgegevens</button>
            <p><a href="#/bank">Bankbestand opladen</a></p>`}
    </form>`;
  }
}
