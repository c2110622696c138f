/**
 * Form fields as templates in the page's own DOM (no shadow root), so a label's `for`, the
 * summary's links and `aria-describedby` all find their field. Label above, hint, then the
 * error in the same words as the summary, then the input.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldError } from './errors.js';

export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  errors: FieldError[];
  onInput: (value: string) => void;
  hint?: string;
  optional?: boolean;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  width?: 'short' | 'medium' | 'long';
  multiline?: boolean;
  rows?: number;
  after?: TemplateResult;
}

export const errorFor = (errors: FieldError[], id: string) => errors.find((e) => e.field === id)?.message;

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export const label = (id: string, text: string, optional?: boolean) =>
  html`<label class="label" for=${id}>${text}${optional ? html` <span class="optional">(niet verplicht)</span>` : nothing}</label>`;

export const hintAndError = (id: string, hint?: string, error?: string) => html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}${error
  ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Fout:</span> ${error}</p>`
  : nothing}`;

export function field(o: FieldOptions): TemplateResult {
  const error = errorFor(o.errors, o.id);
  const input = (e: Event) => o.onInput((e.target as HTMLInputElement).value);
  return html`<div class="field ${error ? 'field--error' : ''}">
    ${label(o.id, o.label, o.optional)} ${hintAndError(o.id, o.hint, error)}
    ${o.multiline
      ? html`<textarea
          id=${o.id}
          name=${o.id}
          rows=${o.rows ?? 4}
          .value=${live(o.value)}
          aria-describedby=${ifDefined(describedBy(o.id, o.hint, error))}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${input}
        ></textarea>`
      : html`<input
          id=${o.id}
          name=${o.id}
          class="input--${o.width ?? 'long'}"
          type=${o.type ?? 'text'}
          .value=${live(o.value)}
          autocomplete=${ifDefined(o.autocomplete)}
          inputmode=${ifDefined(o.inputmode)}
          aria-describedby=${ifDefined(describedBy(o.id, o.hint, error))}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${input}
        />`}
    ${o.after ?? nothing}
  </div>`;
}

export function select(o: { id: string; label: string; value: string; options: [string, string][]; errors: FieldError[]; onChange: (v: string) => void; hint?: string; optional?: boolean }) {
  const error = errorFor(o.errors, o.id);
  return html`<div class="field ${error ? 'field--error' : ''}">
    ${label(o.id, o.label, o.optional)} ${hintAndError(o.id, o.hint, error)}
    <select id=${o.id} name=${o.id} aria-describedby=${ifDefined(describedBy(o.id, o.hint, error))} @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}>
      ${o.options.map(([v, text]) => html`<option value=${v} ?selected=${v === o.value}>${text}</option>`)}
    </select>
  </div>`;
}

export function checkbox(o: { id: string; label: string; checked: boolean; errors: FieldError[]; onChange: (v: boolean) => void; hint?: string }) {
  const error = errorFor(o.errors, o.id);
  return html`<div class="field ${error ? 'field--error' : ''}">
    ${hintAndError(o.id, o.hint, error)}
    <div class="checkbox">
      <input
        type="checkbox"
        id=${o.id}
        name=${o.id}
        .checked=${live(o.checked)}
        aria-describedby=${ifDefined(describedBy(o.id, o.hint, error))}
        @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
      />
      <label for=${o.id}>${o.label}</label>
    </div>
  </div>`;
}

export function radios(o: { id: string; legend: string; value: string; options: [string, string, string?][]; errors: FieldError[]; onChange: (v: string) => void }) {
  const error = errorFor(o.errors, o.id);
  return html`<fieldset class="field ${error ? 'field--error' : ''}" aria-describedby=${ifDefined(error ? `${o.id}-error` : undefined)}>
    <legend class="label">${o.legend}</legend>
    ${hintAndError(o.id, undefined, error)}
    ${o.options.map(
      ([v, text, hint], i) => html`<div class="radio">
        <input type="radio" id=${i === 0 ? o.id : `${o.id}-${v}`} name=${o.id} value=${v} .checked=${live(v === o.value)} @change=${() => o.onChange(v)} />
        <label for=${i === 0 ? o.id : `${o.id}-${v}`}>${text}${hint ? html`<span class="hint">${hint}</span>` : nothing}</label>
      </div>`,
    )}
  </fieldset>`;
}
