import type { PublishedDraw } from '@instap/core';
import { html } from 'hono/html';
import { instapFrame } from './layout.js';

const when = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat('nl-BE', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso)) : '–';

/**
 * `/loting/{id}`: the public page of a draw. The seed is shown before the draw; afterwards the
 * order without names, so every family (and anyone else) can check that it was fair.
 */
export function drawPage(d: PublishedDraw, origin: string) {
  return instapFrame(
    `Loting: ${d.title}`,
    html`
          <h1>Loting: ${d.title}</h1>
          <p>Bij deze activiteit telt niet wie eerst is. Iedereen die zich op tijd inschrijft, doet mee aan de loting.</p>
          <p><strong>Loting:</strong> ${when(d.drawAt)}${d.drawnAt ? html` · gedaan op ${when(d.drawnAt)}` : ''}</p>
          <h2>Het zaad van de loting</h2>
          <p>Dit getal ligt vast voor de loting. Niemand kan de volgorde nog kiezen.</p>
          <p><code>${d.seed}</code></p>
          <h2>De regel</h2>
          <p lang="en">${d.rule}</p>
          ${d.drawnAt
            ? html`<h2>De volgorde</h2>
                <p>Je vindt je eigen nummer in je bevestiging. Namen staan hier niet.</p>
                <table>
                  <thead><tr><th>Plaats</th><th>Inschrijving</th><th>Kinderen</th><th>Voorrang</th><th>Resultaat</th></tr></thead>
                  <tbody>
                    ${d.entries.map(
                      (e) => html`<tr>
                        <td>${e.rank}</td>
                        <td><code>${e.id.slice(0, 8)}</code></td>
                        <td>${e.children}</td>
                        <td>${e.priority ? 'ja' : 'nee'}</td>
                        <td>${e.outcome === 'confirmed' ? 'plaats' : `wachtlijst ${e.waitlistPosition}`}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>`
            : html`<p>De loting is nog niet gebeurd.</p>`}
          <p class="note">Zelf nakijken? De gegevens staan op <a href="/api/v1/activities/${d.activityId}/draw">/api/v1/activities/${d.activityId}/draw</a>.
            Reken ze na met <code>pnpm verify-draw ${origin}/api/v1/activities/${d.activityId}/draw</code>.</p>`,
    { widget: false, width: '48rem', style: `code { word-break: break-all; font-size: .9em; }
          table { border-collapse: collapse; width: 100%; font-size: .95em; }
          th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #b1b4b6; }
          .note { background: #f3f2f1; padding: 1rem; }` },
  );
}
