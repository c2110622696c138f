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

export function notFoundPage() {
  return instapFrame('Niet gevonden', html`<h1>Deze pagina bestaat niet (meer)</h1><p>Kijk de link na, of bel de organisatie.</p>`);
}
