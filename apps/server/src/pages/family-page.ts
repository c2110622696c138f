import { html } from 'hono/html';

/**
 * `/r/{token}`: the family's private link (from the confirmation and the messages). It works for
 * every organisation, so it carries Instap's plain frame, not a club's.
 */
export function familyPage(token: string) {
  return html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <title>Je inschrijving</title>
        <style>
          body { margin: 0; font: 18px/1.5 system-ui, sans-serif; color: #0b0c0c; background: #fff; }
          main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        </style>
      </head>
      <body>
        <main>
          <instap-registration token="${token}"></instap-registration>
        </main>
        <script type="module" src="/widget/instap.js"></script>
      </body>
    </html>`;
}
