/** Pieces the screens after the first "Doorgaan" share with the lazy screens. */
import { html, nothing } from 'lit/html.js';
import type { Messages } from './i18n/index.js';
import { btn, callLine } from './ui.js';

/** A calm word when the network failed: nothing is lost, try again. */
export const networkBox = (m: Messages, retry?: () => void) =>
  html`<div class="notice" tabindex="-1" role="alert">
    <h3>${m.networkTitle}</h3>
    <p>${m.networkText}</p>
    ${retry ? btn(m.tryAgain, retry) : nothing}
  </div>`;

/** The server said something we have no words for: say so calmly and give the phone. */
export const problemBox = (text: string, call: string, phone: string) =>
  html`<div class="notice" tabindex="-1" role="alert"><p>${text}</p>${callLine(call, phone)}</div>`;

/** "Zet in je agenda": the .ics builder and the download are a separate chunk, fetched only on a tap. */
export const downloadIcs = (...args: Parameters<typeof import('./ics.js').downloadIcs>) => import('./ics.js').then((c) => c.downloadIcs(...args));
