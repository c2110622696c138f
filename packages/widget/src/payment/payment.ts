/**
 * How a family pays, in plain words: the amount and by when, each way the club takes (online,
 * a transfer with its details to copy and the bank-app code beside them, the desk), and what to
 * do when paying is hard. A waiting family reads that it pays nothing while it waits.
 *
 * It travels with the family's own view (a lazy chunk), fetched with the confirmation too: the
 * Dutch registration file does not carry it. The bank-app code is an SVG the Instap server draws
 * (`/registrations/{token}/payment-qr.svg`), so no code generator ships in the widget; the
 * details beside it always suffice.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Payment } from '@instap/core/schemas';
import { enc, post, uuid } from '../api.js';
import type { InstapElement } from '../element.js';
import type { Messages, More } from '../i18n/index.js';
import { Texts } from '../i18n/texts.js';
import { btn, callLine, date, focusOn, loading, money, tel } from '../ui.js';


type X = Messages & More;
/** The ways of paying a family can act on, in the order they are shown. */
type Copyable = 'iban' | 'name' | 'amount' | 'reference';

interface Who {
  /** The registration's private token: the online payment and the bank-app code hang on it. */
  token: string;
  organisation: { name: string; phone: string };
  /** Language of the organisation's own texts (the desk's hours). */
  language: string;
  children: number;
  /** Without a payment (an answer kept from before payments): the registration's status and price. */
  status: string;
  priceCents: number;
}

/** The few rules the payment block adds, adopted next to the element's own styles. */
const CSS = `.pay h4{font-size:1.05em;margin:1.25em 0 .5em}.way{border-top:1px solid #d1d5db;margin-top:1em}.pay dd strong{word-spacing:.15em}.row [role=status]{display:block;font-weight:700}.qr img{display:block;max-width:100%;height:auto;background:#fff;margin-bottom:.5em}`;
let sheet: CSSStyleSheet | undefined;
function adopt(root: ShadowRoot) {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (!root.querySelector('style[data-pay]')) Object.assign(root.appendChild(document.createElement('style')), { textContent: CSS }).dataset.pay = '';
}

/** "BE68539007547034" → "BE68 5390 0754 7034": how it is printed on a bank card, and where a narrow screen wraps it. */
export const groups = (iban: string) => iban.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/** Numbers, IBANs and codes read left to right, also inside Arabic text. */
const ltr = (text: string) => html`<bdi dir="ltr">${text}</bdi>`;
/** An amount inside a sentence: isolated left to right (LRI … PDI) where the text runs right to left. */
const amount = (x: X, cents: number) => (x.dir == 'rtl' ? `\u2066${money(x, cents)}\u2069` : money(x, cents));

/** Where "Betaal nu online" sends the family: Mollie's checkout (tests look instead of leaving). */
export const checkout = { go: (url: string) => location.assign(url) };

/** One payment block per element: it owns what was copied last and how the online payment goes. */
export class PaymentBox {
  /** The detail whose copy button was pressed last, and what its live region says. */
  copied?: Copyable;
  said = '';
  online: 'idle' | 'busy' | 'failed' = 'idle';
  #key = uuid();
  #texts: Texts;

  constructor(private host: InstapElement) {
    this.#texts = new Texts(host);
    adopt(host.renderRoot as ShadowRoot);
  }

  #update(patch: Partial<PaymentBox>) {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** The Clipboard API where the page allows it (https); otherwise the text is selected, so the phone offers "Kopieer". */
  async copy(what: Copyable, value: string, x: X) {
    try {
      await navigator.clipboard.writeText(value);
      this.#update({ copied: what, said: x.copied });
    } catch {
      const node = this.host.renderRoot.querySelector(`[data-copy=${what}]`);
      const sel = getSelection();
      if (node && sel) {
        const range = document.createRange();
        range.selectNodeContents(node);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      this.#update({ copied: what, said: x.copySelected });
    }
  }

  /** Creates the online payment and goes to its checkout page; one key, so a retry is the same payment. */
  async payOnline(token: string) {
    if (this.online === 'busy') return;
    this.#update({ online: 'busy' });
    const res = await post<{ checkoutUrl: string }>(this.host.base, `/registrations/${enc(token)}/payments`, undefined, this.#key);
    if (res.ok && /^https?:\/\//.test(res.data?.checkoutUrl ?? '')) return checkout.go(res.data.checkoutUrl);
    this.#update({ online: 'failed' });
    await focusOn(this.host, '.pay .notice');
  }

  render(p: Payment | undefined, who: Who): TemplateResult {
    const m = this.host.m;
    const more = this.#texts.get(m.lang);
    if (!more) return loading(m);
    const x: X = { ...m, ...more };
    return html`<div class="pay">
      <h3>${x.payTitle}</h3>
      ${p
        ? this.#body(p, who, x)
        : who.status === 'confirmed' || who.status === 'offered'
          ? html`<p>${x.youPay(money(x, who.priceCents), who.children)}</p>`
          : html`<p>${x.payWait}</p>`}
    </div>`;
  }

  #body(p: Payment, who: Who, x: X) {
    const left = p.amountCents - p.paidCents;
    const waiting = who.status !== 'confirmed';
    switch (p.status) {
      case 'paid':
        return html`<p class="box"><strong>${x.payPaid}</strong></p>`;
      case 'waived':
        return html`<p>${x.payNothing}</p>`;
      case 'refund-due':
        return html`<p>${x.payRefundDue(amount(x, p.refundCents ?? 0))}</p>`;
      case 'refunded':
        return html`<p>${p.refundCents ? x.payRefunded(amount(x, p.refundCents)) : x.payNothing}</p>`;
      case 'not-due':
        // Nothing due: a waiting list, a draw or an offer not taken yet; or it is free.
        return waiting && who.status !== 'cancelled' ? html`<p><strong>${x.payWait}</strong></p><p>${x.payWaitLater}</p>` : html`<p>${x.payNothing}</p>`;
    }
    const h = p.hardship;
    return html`<p class="box">
        <strong>${p.paidCents > 0 ? x.payPartly(amount(x, p.paidCents), amount(x, left)) : x.youPay(amount(x, p.amountCents), who.children)}</strong>
        ${p.dueAt ? html`<br />${x.payBy(date(x, p.dueAt))}` : nothing}
      </p>
      ${p.instalments?.length
        ? html`<p>${x.payPlan}</p>
            <ul>
              ${p.instalments.map((i) => html`<li>${x.payPlanPart(amount(x, i.amountCents), date(x, i.dueAt))}${i.paid ? html` (${x.payPaid})` : nothing}</li>`)}
            </ul>`
        : nothing}
      ${p.methods.length > 1 ? html`<p>${x.payHow} ${x.payChoose}</p>` : nothing} ${p.methods.map((way) => this.#way(way, p, who, x))}
      <h4>${x.payHardTitle}</h4>
      ${h.instalmentsPossible || h.thirdPartyPossible ? html`<p>${x.payHardWays}</p>` : nothing}
      ${callLine(x.payHard, h.phone || who.organisation.phone)}`;
  }

  #way(way: Payment['methods'][number], p: Payment, who: Who, x: X) {
    if (way === 'online' && p.onlineUrl)
      return html`<div class="way">
        <h4>${x.payOnlineTitle}</h4>
        ${this.online === 'failed' ? html`<p class="notice" tabindex="-1" role="alert">${x.payOnlineFailed}</p>` : nothing}
        ${btn(x.payOnline, () => this.payOnline(who.token), 'primary', this.online === 'busy')}
        <p class="hint">${this.online === 'busy' ? x.payOnlineBusy : x.payOnlineHint}</p>
      </div>`;
    if (way === 'desk')
      return html`<div class="way">
        <h4>${x.payDesk}</h4>
        <p>${x.payDeskText}</p>
        ${p.desk?.text ? html`<p lang=${who.language} dir="auto">${p.desk.text}</p>` : nothing}
        ${p.desk ? html`<p>${tel(p.desk.phone)}</p>` : nothing}
      </div>`;
    if (way === 'third-party')
      return html`<div class="way">
        <h4>${x.payThirdTitle}</h4>
        <p>${x.payThirdText}</p>
      </div>`;
    const t = p.transfer;
    if (way !== 'transfer' || !t) return nothing;
    const rows: [Copyable, string, string, string][] = [
      ['iban', x.payIban, groups(t.iban), t.iban.replace(/\s/g, '')],
      ['name', x.payName, t.beneficiary, t.beneficiary],
      ['amount', x.payAmount, money(x, t.amountCents), (t.amountCents / 100).toFixed(2).replace('.', x.locale.startsWith('en') ? '.' : ',')],
      ['reference', x.payReference, t.reference, t.reference],
    ];
    return html`<div class="way">
      <h4>${x.payTransfer}</h4>
      <p>${x.payTransferText}</p>
      <dl>
        ${rows.map(
          ([key, label, shown, copied]) => html`<div class="row">
            <dt>${label}</dt>
            <dd><strong data-copy=${key}>${key == 'name' ? shown : ltr(shown)}</strong></dd>
            <dd class="action">
              ${btn(html`${x.copyText}<span class="vh"> ${label}</span>`, () => this.copy(key, copied, x), 'secondary small')}
              <span role="status">${this.copied === key ? this.said : ''}</span>
            </dd>
          </div>`,
        )}
      </dl>
      <p>${x.payReferenceHint}</p>
      ${t.epc
        ? html`<div class="qr">
            <img src=${`${this.host.base.replace(/\/$/, '')}/api/v1/registrations/${enc(who.token)}/payment-qr.svg`} width="180" height="180" alt=${x.payScanAlt} />
            <p>${x.payScan} ${x.payScanOptional}</p>
          </div>`
        : nothing}
    </div>`;
  }
}

const boxes = new WeakMap<InstapElement, PaymentBox>();

/** The payment block of one element (the confirmation or the family's own view). */
export const paymentBlock = (host: InstapElement, p: Payment | undefined, who: Who) => {
  let box = boxes.get(host);
  if (!box) boxes.set(host, (box = new PaymentBox(host)));
  return box.render(p, who);
};
