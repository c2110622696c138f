/** Pieces only the lazy screens use (after the first "Doorgaan"): they stay out of instap.js. */
import { html, nothing } from 'lit';
import type { PublicActivity } from '@instap/core/schemas';
import type { Messages, More } from './i18n/index.js';
import { callLine } from './ui.js';

/** A calm word when the network failed: nothing is lost, try again. */
export const networkBox = (m: Messages & More, retry?: () => void) =>
  html`<div class="notice" tabindex="-1" role="alert">
    <h3>${m.networkTitle}</h3>
    <p>${m.networkText}</p>
    ${retry ? html`<button type="button" class="secondary" part="button-secondary" @click=${retry}>${m.tryAgain}</button>` : nothing}
  </div>`;

/** The server said something we have no words for: say so calmly and give the phone. */
export const problemBox = (text: string, call: string, phone: string) =>
  html`<div class="notice" tabindex="-1" role="alert"><p>${text}</p>${callLine(call, phone)}</div>`;

/** "Zet in je agenda": the .ics builder is a separate chunk, fetched only on a tap. */
export async function downloadIcs(m: Messages, a: PublicActivity, uid: string, base: string, now: Date) {
  const { calendarIcs } = await import('@instap/core/calendar');
  const ics = calendarIcs({
    uid,
    title: a.title,
    location: a.location,
    description: a.whatToBring.length ? `${m.bring}\n${a.whatToBring.join('\n')}` : null,
    sessions: a.sessions,
    domain: new URL(base).host,
    now,
  });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${a.title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40) || 'instap'}.ics`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
