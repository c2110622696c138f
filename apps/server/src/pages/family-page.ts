import { html } from 'hono/html';
import { instapFrame } from './layout.js';

/**
 * `/r/{token}`: the family's private link (from the confirmation and the messages), and
 * `/a/{id}`: one activity, where referral links point. They work for every organisation, so
 * they carry Instap's plain frame, not a club's.
 */
export function familyPage(p: { token?: string; activity?: string; title?: string; referral?: string }) {
  if (p.token) return instapFrame('Je inschrijving', html`<instap-registration token="${p.token}"></instap-registration>`);
  return instapFrame(
    p.title ?? 'Inschrijven',
    html`<instap-registration activity="${p.activity}"${p.referral ? html` referral="${p.referral}"` : ''}></instap-registration>`,
  );
}

/** When the server cannot answer: a plain page in plain Dutch, never a stack. */
export function problemPage(databaseUnavailable: boolean) {
  return instapFrame(
    'Even niet bereikbaar',
    databaseUnavailable
      ? html`<h1>Instap is even niet bereikbaar</h1><p>Er ging niets verloren. Probeer het over een paar minuten opnieuw, of bel de organisatie.</p>`
      : html`<h1>Er ging iets mis</h1><p>Probeer het over een paar minuten opnieuw, of bel de organisatie.</p>`,
    { widget: false },
  );
}

export function notFoundPage() {
  return instapFrame('Niet gevonden', html`<h1>Deze pagina bestaat niet (meer)</h1><p>Kijk de link na, of bel de organisatie.</p>`);
}
