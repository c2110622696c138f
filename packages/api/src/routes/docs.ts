/** A readable page of the API contract, built from the OpenAPI document itself (no outside assets). */
import { html } from 'hono/html';

type Doc = { paths?: Record<string, Record<string, { summary?: string; tags?: string[] }>> };

export function docsPage(doc: Doc) {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, summary: op.summary ?? '', tag: op.tags?.[0] ?? '' })),
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Instap API</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c; }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
          code { font-size: .95em; }
        </style>
      </head>
      <body>
        <h1>Instap API</h1>
        <p>The whole contract, with every schema, is in <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).
          Errors answer <code>{ "error": { "code", "message", "issues": [{ "path", "message" }] } }</code>.</p>
        <table>
          <thead><tr><th>Method</th><th>Path</th><th>What</th></tr></thead>
          <tbody>
            ${ops.map((o) => html`<tr><td><code>${o.method}</code></td><td><code>/api/v1${o.path}</code></td><td>${o.summary}</td></tr>`)}
          </tbody>
        </table>
      </body>
    </html>`;
}
