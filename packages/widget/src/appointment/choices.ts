import { html, nothing } from 'lit/html.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { FieldError } from '../fields/field.js';

/**
 * One choice from a few (radio buttons), labelled by the step's question. The first radio
 * carries the id the error summary links to. `ownLang` marks each label in its own language
 * (the language question lists "العربية", "Türkçe", …). `live`: the same template serves the next
 * question, so `checked` is compared with the DOM, not with what Lit last wrote.
 */
export function choices(id: string, errors: FieldError[], value: string, onChange: (v: string) => void, options: [string, string][], ownLang = false) {
  const error = errors.find((e) => e.id === `${id}-0`)?.text;
  // Keyed by question: reusing the radios of the previous question would let the browser uncheck
  // the new default while their names change (one checked radio per group).
  return keyed(id, html`<div class="field ${error ? 'invalid' : ''}" role="radiogroup" aria-labelledby="q" aria-describedby=${error ? `${id}-error` : nothing}>
    ${error ? html`<p class="error" id=${`${id}-error`}>${error}</p>` : nothing}
    ${options.map(
      ([v, label], i) => html`<div class="check">
        <input type="radio" name=${id} id=${`${id}-${i}`} .checked=${live(v === value)} @change=${() => onChange(v)} />
        <label for=${`${id}-${i}`} lang=${ownLang ? v : nothing}>${label}</label>
      </div>`,
    )}
  </div>`);
}
