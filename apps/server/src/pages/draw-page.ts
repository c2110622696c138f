import { LANGUAGES, type Language, type PublishedDraw } from '@instap/core';
import { html } from 'hono/html';
import { DRAW_TEXTS, type DrawTexts } from './draw-texts.js';
import { instapFrame } from './layout.js';

/** The languages in the order families meet them on the page; every one is a link with its own name. */
const ORDER: Language[] = ['nl', 'fr', 'en', 'tr', 'uk', 'ar'];

export function drawLanguage(requested: string | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(requested ?? '') ? (requested as Language) : 'nl';
}

const when = (t: DrawTexts, iso: string | null) =>
  iso ? new Intl.DateTimeFormat(t.locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso)) : t.notPlanned;

/** Codes and numbers read left to right, also in an Arabic sentence. */
const code = (value: string) => html`<code dir="ltr">${value}</code>`;

/**
 * `/loting/{id}?lang=…`: the public page of a draw, in plain words. Before the draw it shows the
 * fingerprint (commitment) of the secret seed and says why nobody can steer the order; after the
 * draw it shows the seed and the order by code, without names and without who has a kanspas.
 * The algorithm lives in a closed "for whoever wants to check" part. Every text an organisation
 * wrote (the title) goes through `html`, which escapes it.
 */
export function drawPage(d: PublishedDraw, origin: string, language: Language = 'nl') {
  const t = DRAW_TEXTS[language];
  const api = `${origin}/api/v1/activities/${d.activityId}/draw`;
  return instapFrame(
    t.heading(d.title),
    html`
          <nav class="languages" aria-label="${t.languages}">
            <ul>
              ${ORDER.map((l) =>
                l === language
                  ? html`<li><span lang="${l}" aria-current="page">${DRAW_TEXTS[l].name}</span></li>`
                  : html`<li><a href="?lang=${l}" lang="${l}" hreflang="${l}">${DRAW_TEXTS[l].name}</a></li>`,
              )}
            </ul>
          </nav>
          <h1>${t.heading(d.title)}</h1>
          ${t.intro.map((p) => html`<p>${p}</p>`)}
          <p><strong>${t.when}:</strong> <bdi>${when(t, d.drawAt)}</bdi>${d.drawnAt ? html` · ${t.drawnAt} <bdi>${when(t, d.drawnAt)}</bdi>` : ''}</p>
          <h2>${t.secretHeading}</h2>
          ${d.seed === undefined
            ? html`<p>${t.beforeLead}</p>
                <p class="value">${code(d.commitment)}</p>
                ${t.before.map((p) => html`<p>${p}</p>`)}
                <p><strong>${t.notYet}</strong></p>`
            : html`<p>${t.afterLead}</p>
                <p class="value">${code(d.seed)}</p>
                <p>${t.afterMatches}</p>
                <p class="value">${code(d.commitment)}</p>
                <p>${t.afterCheck}</p>`}
          ${d.drawnAt ? order(d, t) : ''}
          <details>
            <summary>${t.checkSummary}</summary>
            <ul>
              <li>${t.check.commitment}</li>
              <li>${t.check.code}</li>
              <li>${t.check.closing}${d.closingValue ? html` ${code(d.closingValue)}` : ''}</li>
              <li>${t.check.ticket}</li>
              <li>${t.check.allocation}</li>
            </ul>
            <p>${t.check.data} <a href="${api}" dir="ltr">${api}</a></p>
            <p>${t.check.tool} <code dir="ltr">pnpm verify-draw ${api}</code></p>
            <p>${t.check.rule}</p>
            <p lang="en" dir="ltr" class="rule">${d.rule}</p>
          </details>`,
    {
      widget: false,
      width: '48rem',
      lang: language,
      dir: t.dir,
      style: `code { word-break: break-all; overflow-wrap: anywhere; font-size: .9em; unicode-bidi: isolate; }
          .value code { font-size: 1em; }
          main { overflow-wrap: anywhere; }
          h1 { font-size: 1.75em; line-height: 1.25; }
          .languages ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; }
          .languages a, .languages span { display: inline-block; padding: .25rem 0; min-height: 24px; }
          .scroll { overflow-x: auto; }
          .scroll:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #ffdd00; outline-offset: 2px; box-shadow: 0 0 0 6px #0b0c0c; }
          table { border-collapse: collapse; width: 100%; font-size: .95em; }
          th, td { text-align: start; padding: .4rem; border-bottom: 1px solid #505a5f; vertical-align: top; }
          details { margin-top: 2rem; background: #f3f2f1; padding: 1rem; }
          summary { cursor: pointer; font-weight: bold; padding: .25rem 0; }
          .rule { font-size: .9em; }`,
    },
  );
}

function order(d: PublishedDraw, t: DrawTexts) {
  return html`<h2>${t.orderHeading}</h2>
    ${t.order.map((p) => html`<p>${p}</p>`)}
    ${d.entries.length === 0
      ? html`<p>${t.noEntries}</p>`
      : html`<div class="scroll" role="region" aria-label="${t.tableScroll}" tabindex="0">
          <table>
            <thead>
              <tr><th scope="col">${t.columns.rank}</th><th scope="col">${t.columns.code}</th><th scope="col">${t.columns.children}</th><th scope="col">${t.columns.result}</th></tr>
            </thead>
            <tbody>
              ${[...d.entries]
                .sort((a, b) => a.rank - b.rank)
                .map(
                  (e) => html`<tr>
                    <td><bdi>${e.rank}</bdi></td>
                    <th scope="row">${code(e.id)}</th>
                    <td><bdi>${e.children}</bdi></td>
                    <td>${e.outcome === 'confirmed' ? t.placed : t.waiting(e.waitlistPosition ?? 0)}</td>
                  </tr>`,
                )}
            </tbody>
          </table>
        </div>`}
    <p>${t.reserved}</p>`;
}
