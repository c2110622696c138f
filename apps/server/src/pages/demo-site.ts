import type { PublicActivity } from '@instap/core';
import { html } from 'hono/html';
import { clubPage } from './layout.js';

/** `/`: the demo club's own page, embedding the widget exactly as a club would. */
export function demoSite(activities: PublicActivity[], referral?: string) {
  return clubPage(
    'Aanbod voor kinderen · Sportclub De Leie',
    html`<div class="intro">
        <h1>Sporten en spelen bij De Leie</h1>
        <p>Bij ons kan elk kind sporten. Heb je een kansenpas? Dan betaal je veel minder. Vink het gewoon aan bij het inschrijven.</p>
        <p>Lukt het niet online? Bel ons of maak een afspraak. We helpen je graag.</p>
      </div>
      ${activities.length === 0
        ? html`<p>Er is nu geen aanbod. Kom snel terug.</p>`
        : activities.map(
            (a) => html`<section class="activity" aria-labelledby="a-${a.id}">
              <h2 id="a-${a.id}">${a.title}</h2>
              <instap-registration activity="${a.id}"${referral ? html` referral="${referral}"` : ''}></instap-registration>
            </section>`,
          )}`,
  );
}

