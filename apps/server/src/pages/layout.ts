import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The demo club's page frame: what a small club's own website looks like, with Instap embedded. */
export function clubPage(title: string, content: Html) {
  return html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          :root { --club: #0b5e3b; }
          * { box-sizing: border-box; }
          body { margin: 0; font: 17px/1.55 Georgia, 'Times New Roman', serif; color: #1d1d1b; background: #f6f4ee; }
          header { background: var(--club); color: #fff; padding: 1rem; }
          header .wrap { display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: baseline; justify-content: space-between; }
          header a { color: #fff; }
          header nav a { margin-right: 1rem; }
          .brand { font-size: 1.5rem; font-weight: bold; text-decoration: none; }
          .wrap { max-width: 62rem; margin: 0 auto; }
          main { padding: 1.5rem 1rem 3rem; }
          .intro { max-width: 40rem; }
          .activity { margin: 2.5rem 0; }
          .activity > h2 { font-size: 1.6rem; border-bottom: 3px solid var(--club); padding-bottom: .25rem; }
          footer { background: #e8e4d8; padding: 1.5rem 1rem; font-size: .95rem; }
          instap-registration { --instap-color-primary: var(--club); display: block; max-width: 40rem; }
        </style>
      </head>
      <body>
        <header>
          <div class="wrap">
            <a class="brand" href="/">Sportclub De Leie</a>
            <nav aria-label="Hoofdmenu"><a href="/">Aanbod</a><a href="/#contact">Contact</a><a href="/admin">Voor medewerkers</a></nav>
          </div>
        </header>
        <main class="wrap">${content}</main>
        <footer id="contact">
          <div class="wrap">
            <p><strong>Sportclub De Leie</strong> · Sporthal Lange Munte, Kortrijk · <a href="tel:056001234">056 00 12 34</a></p>
            <p>Vragen over inschrijven of over de kansenpas? Bel ons of kom langs op woensdag tussen 14 en 17 uur.</p>
            <h2>Liever iemand spreken?</h2>
            <instap-appointment organisation="demo"></instap-appointment>
          </div>
        </footer>
        <script type="module" src="/widget/instap.js"></script>
      </body>
    </html>`;
}

/** Instap's own plain frame, for pages that belong to no club in particular. */
export function instapFrame(title: string, content: Html, opts: { widget?: boolean; width?: string; style?: string; lang?: string; dir?: 'ltr' | 'rtl' } = {}) {
  return html`<!doctype html>
    <html lang="${opts.lang ?? 'nl'}"${opts.dir === 'rtl' ? raw(' dir="rtl"') : ''}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <title>${title}</title>
        <style>
          body { margin: 0; font: 18px/1.5 system-ui, sans-serif; color: #0b0c0c; background: #fff; }
          main { max-width: ${opts.width ?? '40rem'}; margin: 0 auto; padding: 1rem; }
          ${raw(opts.style ?? '')}
        </style>
      </head>
      <body>
        <main>${content}</main>
        ${opts.widget === false ? '' : html`<script type="module" src="/widget/instap.js"></script>`}
      </body>
    </html>`;
}
