import { html, nothing, type TemplateResult } from 'lit/html.js';

/** A problem, shown in the summary and beside its field. `id` is the input's id in the same shadow root. */
export interface FieldError {
  id: string;
  text: string;
}

export interface FieldOptions {
  hint?: string;
  /** A second hint that is no error, such as "this activity is for ages 6 to 10". */
  note?: TemplateResult | false;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  narrow?: boolean;
}

/**
 * Label, hint, error and control together in one shadow root: `for` and `aria-describedby` are
 * id references and cannot cross a shadow boundary. `control` draws the input (or a textarea)
 * with the error and the ids that describe it.
 */
export function fieldFrame(id: string, label: string, errors: FieldError[], o: FieldOptions, control: (error: string | undefined, described: string | typeof nothing) => TemplateResult) {
  const error = errors.find((e) => e.id === id)?.text;
  // Hint, note, error: each a paragraph with its own id, and each in the control's aria-describedby.
  const said = ([['hint', o.hint], ['note', o.note], ['error', error]] as const).filter((x) => x[1]);
  const described = said.map(([k]) => `${id}-${k}`).join(' ');
  return html`<div class="field ${error ? 'invalid' : ''}">
    <label for=${id}>${label}</label>
    ${said.map(([k, text]) => html`<p class=${k == 'error' ? k : 'hint'} id=${`${id}-${k}`}>${text}</p>`)}
    ${control(error, described || nothing)}
  </div>`;
}

/** A one-line field. Enter means "Doorgaan". */
export function field(
  id: string,
  label: string,
  value: string,
  errors: FieldError[],
  onInput: (v: string) => void,
  onEnter: () => void,
  o: FieldOptions = {},
) {
  return fieldFrame(
    id,
    label,
    errors,
    o,
    (error, described) => html`<input
      id=${id}
      part="input"
      class=${o.narrow ? 'narrow' : ''}
      type=${o.type ?? 'text'}
      .value=${value}
      autocomplete=${o.autocomplete ?? 'off'}
      inputmode=${o.inputmode ?? nothing}
      aria-invalid=${!!error}
      aria-describedby=${described}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && onEnter()}
    />`,
  );
}

/** The summary at the top of a step: it takes focus, and each item moves focus to its field. */
export function errorSummary(title: string, errors: FieldError[], root: ParentNode) {
  if (!errors.length) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-title">
    <h2 id="error-title">${title}</h2>
    <ul>
      ${errors.map(
        (e) =>
          html`<li>
            <a
              href=${`#${e.id}`}
              @click=${(ev: Event) => {
                ev.preventDefault();
                root.querySelector<HTMLElement>(`#${e.id}`)?.focus();
              }}
              >${e.text}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
