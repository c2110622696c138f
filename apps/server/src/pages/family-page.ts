import { html } from 'hono/html';

/** Instap's own plain frame, for pages that belong to no club in particular. */
function instapFrame(title: string, content: ReturnType<typeof html>) {
  return html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <title>${title}</title>
        <style>
          body { margin: 0; font: 18px/1.5 system-ui, sans-serif; color: #0b0c0c; background: #fff; }
          main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        </style>
      </head>
      <body>
        <main>${content}</main>
        <script type="module" src="/widget/instap.js"></script>
      </body>
    </html>`;
}

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
