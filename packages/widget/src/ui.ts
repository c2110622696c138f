/** Small pieces every screen shares: the heading that takes focus, the phone, dates, money. */
import { html, nothing } from 'lit/html.js';
import type { PublicActivity } from '@instap/core/schemas';
import { normalisePhone } from '@instap/core/rules';
import { formatCents } from '@instap/core/pricing';
import { formatDate, formatTime } from './format.js';
import type { Messages } from './i18n/index.js';

/** The question is the heading; it takes focus when a step opens. An organisation's text carries its own `lang`. */
export const heading = (text: string, lang?: string) =>
  html`<h2 class="heading" id="q" part="heading" tabindex="-1" data-heading lang=${lang ?? nothing} dir=${lang ? 'auto' : nothing}>${text}</h2>`;

/** Shown while data or a chunk is on its way (tests wait for it to go). */
export const loading = (m: Messages) => html`<p role="status" data-loading>${m.loadingText}</p>`;

/** A person to call is never more than one tap away. */
export const tel = (phone: string) => html`<a class="tel" href=${`tel:${normalisePhone(phone)}`}>${phone}</a>`;

/**
 * Every button of the widget: `primary` ("Doorgaan"), `secondary`, or `link` (looks like a link).
 * One template: a club styles the first two through part="button" / part="button-secondary".
 */
export const btn = (label: unknown, click: (e: Event) => unknown, cls = 'secondary', disabled = false) =>
  html`<button type="button" class=${cls} part=${cls[0] == 'l' ? nothing : cls[0] == 'p' ? 'button' : 'button-secondary'} ?disabled=${disabled} @click=${click}>${label}</button>`;

export const callLine = (text: string, phone: string) => html`<p>${text}</p><p>${tel(phone)}</p>`;

/** Moves focus after Lit has drawn the next screen. */
export async function focusOn(host: { updateComplete: Promise<unknown>; renderRoot: ParentNode }, selector = '[data-heading]') {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

export const money = (m: Messages, cents: number) => formatCents(cents, m.locale);

export function date(m: Messages, iso: string, withTime = false) {
  const d = formatDate(iso, m.locale);
  return withTime ? m.dateAt(d, formatTime(iso, m.locale)) : d;
}

export function whenWhere(m: Messages, a: PublicActivity) {
  const loc = m.locale;
  return html`<h3>${m.whenText}</h3>
    <ul>
      ${a.sessions.map((s) => html`<li>${m.sessionText(formatDate(s.startsAt, loc), formatTime(s.startsAt, loc), formatTime(s.endsAt, loc))}</li>`)}
    </ul>
    <h3>${m.whereText}</h3>
    <p lang=${a.language} dir="auto">${a.location}</p>`;
}

export function bringList(m: Messages, a: PublicActivity) {
  return a.whatToBring.length
    ? html`<h3>${m.bringText}</h3>
        <ul lang=${a.language} dir="auto">
          ${a.whatToBring.map((w) => html`<li>${w}</li>`)}
        </ul>`
    : nothing;
}
