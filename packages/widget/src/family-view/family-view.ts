/**
 * The family's own view (`token`): its registration, a waiting-list offer to answer, the draw,
 * the kansenpas check, and cancelling. A chunk of its own: most visitors never need it.
 */
import { html, nothing } from 'lit/html.js';
import type { RegistrationView } from '@instap/core/schemas';
import { call, enc, post, uuid } from '../api.js';
import { formatDate, formatTime } from '../format.js';
import type { Messages, More } from '../i18n/index.js';
import { Texts } from '../i18n/texts.js';
import type { InstapRegistration, Screen } from '../registration/registration.js';
import { calendarButton, payment } from '../registration/later.js';
import { loading, bringList, callLine, date, focusOn, heading, money, whenWhere } from '../ui.js';
import { networkBox, problemBox } from '../ui-more.js';

type Child = RegistrationView['children'][number];

/**
 * UiTPAS's own price and words for one child, where they differ from the club's. The message is
 * UiTPAS's Dutch text, shown as text; the amount reads left to right inside Arabic.
 */
function uitpasNote(m: Messages, x: More, c: Child) {
  const u = c.uitpas;
  if (!u || (u.priceCents === null && !u.message)) return nothing;
  const price = u.priceCents === null ? '' : money(m, u.priceCents);
  return html`<div class="uitpas">
    ${u.priceCents === null ? nothing : html`<p>${x.uitpasPrice(c.firstName, m.dir === 'rtl' ? `\u2066${price}\u2069` : price)}</p>`}
    ${u.message ? html`<p>${x.uitpasSays} <q lang="nl">${u.message}</q></p>` : nothing}
  </div>`;
}

type Answer = 'accept' | 'decline' | 'cancel';
type Notice = 'network' | 'server' | 'offer_expired' | 'offer_used' | 'offer_not_found';

export class FamilyView implements Screen {
  view?: RegistrationView;
  state: 'loading' | 'ready' | 'not-found' | 'failed' = 'loading';
  /** A question before a step that cannot be undone. */
  confirm?: 'cancel' | 'decline';
  notice?: Notice;
  busy = false;
  /** What the family did here, for the heading that follows. */
  answered?: Answer;
  #texts: Texts;
  /** One key per answer: a retry after a lost connection is the same answer, not a second one. */
  #keys: Partial<Record<Answer, string>> = {};
  #retry?: Answer;

  constructor(private r: InstapRegistration) {
    this.#texts = new Texts(r);
    void this.load();
  }

  #set(patch: Partial<FamilyView>) {
    Object.assign(this, patch);
    this.r.requestUpdate();
  }

  #get() {
    return call<RegistrationView>(this.r.base, `/registrations/${enc(this.r.token)}`);
  }

  async load() {
    this.#set({ state: 'loading' });
    const r = this.r;
    const res = await this.#get();
    if (!res.ok) return this.#set({ state: 'network' in res ? 'failed' : 'not-found' });
    this.#show(res.data);
    if (!r.chosen) void r.setLanguage(res.data.language);
    this.#set({ state: 'ready' });
  }

  #show(v: RegistrationView) {
    this.view = v;
    this.r.data = v.activity;
  }

  async send(kind: Answer) {
    const r = this.r;
    const v = this.view!;
    if (this.busy) return;
    this.#set({ busy: true, notice: undefined });
    const key = (this.#keys[kind] ??= uuid());
    const res = await post<RegistrationView>(
      r.base,
      kind === 'cancel' ? `/registrations/${enc(r.token)}/cancel` : `/offers/${enc(v.offer?.token ?? '')}/${kind}`,
      undefined,
      key,
    );
    this.busy = false;
    if (res.ok) {
      this.#show(res.data);
      this.#set({ confirm: undefined, answered: kind });
      return focusOn(r);
    }
    this.#retry = kind;
    const code = 'network' in res ? 'network' : res.error.code;
    // An offer that is gone is no longer a question: back to the view, with the reason and the phone.
    const gone = code === 'offer_expired' || code === 'offer_used' || code === 'offer_not_found';
    this.#set({ notice: gone || code === 'network' ? (code as Notice) : 'server', ...(gone ? { confirm: undefined } : {}) });
    await focusOn(r, '.notice');
    if (gone) {
      // The offer moved on: show where the registration stands now, under the same notice.
      const now = await this.#get();
      if (now.ok) this.#set({ view: now.data });
    }
  }

  #notice() {
    const x = this.#texts.x!;
    const m = { ...this.r.m, ...x };
    const o = this.view!.activity.organisation;
    const n = this.notice;
    if (n === 'network') return networkBox(m, () => this.send(this.#retry!));
    if (n === 'server') return problemBox(m.serverProblem, m.callUs(o.name), o.phone);
    if (n)
      return html`<div class="notice" tabindex="-1" role="alert">
        ${callLine(n === 'offer_expired' ? x.offerExpired : n === 'offer_used' ? x.offerUsed : x.offerNotFound, o.phone)}
      </div>`;
    return nothing;
  }

  render() {
    const r = this.r;
    const m = r.m;
    const x = this.#texts.get(m.lang);
    if (!x || this.state === 'loading') return loading(m);
    if (this.state === 'not-found') return html`${heading(x.viewNotFound)}<p>${m.notFoundHint}</p>`;
    if (this.state === 'failed')
      return html`${heading(m.loadFailed)}
        <button type="button" class="secondary" part="button-secondary" @click=${() => this.load()}>${m.tryAgain}</button>`;
    const v = this.view!;
    const a = v.activity;
    const o = a.organisation;
    const names = r.names(v.children.map((c) => c.firstName));
    const pay = html`<p>${m.youPay(money(m, v.price.totalCents), v.children.length)}</p>`;
    const ask = (confirm?: 'cancel' | 'decline') => () => (this.#set({ confirm, notice: undefined }), focusOn(r));

    if (this.confirm) {
      const cancel = this.confirm === 'cancel';
      return html`<button type="button" class="link back" @click=${ask()}>${m.backText}</button>
        ${this.#notice()} ${heading(cancel ? x.cancelQ(names) : x.declineQ)}
        <p>${cancel ? x.cancelText : x.declineText}</p>
        <div class="actions">
          <button type="button" class="primary danger" part="button" ?disabled=${this.busy} @click=${() => this.send(this.confirm!)}>
            ${cancel ? x.cancelYes : x.declineYes}
          </button>
          <button type="button" class="secondary" part="button-secondary" @click=${ask()}>${x.cancelNo}</button>
        </div>`;
    }
    if (v.status === 'cancelled')
      return html`${heading(this.answered === 'decline' ? x.declinedTitle : x.cancelledTitle)}
        <p>${x.cancelledText}</p>
        ${v.payment?.status === 'refund-due' || v.payment?.status === 'refunded' ? payment(r, v, r.token, v.children.length) : nothing}
        ${callLine(x.callToJoin(o.name), o.phone)}`;

    const offer = v.status === 'offered' && v.offer;
    if (offer && !this.notice?.startsWith('offer')) {
      const at = offer.expiresAt;
      return html`${this.#notice()} ${heading(x.offerTitle(names))}
        <p><strong>${at ? x.offerBy(formatDate(at, m.locale), formatTime(at, m.locale)) : x.offerCall}</strong></p>
        ${pay}
        <div class="actions">
          <button type="button" class="primary" part="button" ?disabled=${this.busy} @click=${() => this.send('accept')}>${x.offerAccept}</button>
          <button type="button" class="secondary" part="button-secondary" @click=${ask('decline')}>${x.offerDecline}</button>
        </div>
        ${whenWhere(m, a)} ${callLine(x.questionsCall(o.name), o.phone)}`;
    }

    const g = a.registration;
    // The family's line on the public draw page: its code there, never its registration id.
    const drawLine = html`${v.drawId ? html`<p>${x.drawCode} <bdi><code>${v.drawId}</code></bdi></p>` : nothing}
      <p><a href=${`${r.base}/loting/${enc(a.id)}`}>${x.drawLink}</a></p>`;
    return html`${this.#notice()} ${heading(this.answered === 'accept' && v.status === 'confirmed' ? x.acceptedTitle : x.viewTitle(a.title))}
      ${v.status === 'lottery'
        ? html`<p><strong>${m.lotteryText(date(m, g.drawAt ?? g.closesAt ?? a.sessions[0].startsAt))}</strong></p>
            <p>${m.lotteryFair}</p>
            ${drawLine}`
        : html`<p>
            <strong
              >${v.status === 'confirmed'
                ? m.confirmedText
                : v.status === 'waitlisted'
                  ? v.waitlistPosition
                    ? m.waitlistPositionText(v.waitlistPosition)
                    : m.waitlistTitle
                  : x.statusOffered}</strong
            >
          </p>
          ${v.drawId ? drawLine : nothing}`}
      ${v.kanspasCheck === 'not-valid'
        ? html`<div class="box">
            <p>${x.kanspasNotValid(money(m, v.price.totalCents))}</p>
            ${callLine(x.questionsCall(o.name), o.phone)}
          </div>`
        : nothing}
      <h3>${m.childrenText}</h3>
      <ul>
        ${v.children.map((c) => html`<li>${m.childLine(c.firstName, String(c.birthYear))}${uitpasNote(m, x, c)}</li>`)}
      </ul>
      ${payment(r, v, r.token, v.children.length)}
      ${v.status === 'confirmed' ? calendarButton(r, a.id) : nothing} ${whenWhere(m, a)} ${bringList(m, a)}
      <button type="button" class="primary" part="button" @click=${ask('cancel')}>${x.cancelLabel}</button>`;
  }
}
/** The confirmation's payment block comes with this chunk (registration/later.ts). */
export { paymentBlock } from '../payment/payment.js';
