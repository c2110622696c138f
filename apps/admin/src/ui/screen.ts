/**
 * The base of every console screen. Screens render into the page's own DOM, not a shadow root:
 * the console is our own page (no club styles to keep out), and GOV.UK's error summary links,
 * labels and aria references must reach fields across components.
 */
import { html, LitElement, nothing } from 'lit';
import type { FieldError } from './errors.js';

export abstract class Screen extends LitElement {
  protected override createRenderRoot() {
    return this;
  }

  /** Focus the summary after the render that shows it, so a screen reader hears the errors first. */
  protected async focusSummary() {
    await this.updateComplete;
    (this.querySelector('.error-summary') as HTMLElement | null)?.focus();
  }
}

/** A click on a summary link moves focus to the field itself (the hash is the router's). */
function focusField(e: Event, id: string) {
  e.preventDefault();
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

export function errorSummary(errors: FieldError[]) {
  if (!errors.length) return nothing;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">Er is een probleem</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${e.field}" @click=${(ev: Event) => focusField(ev, e.field)}>${e.message}</a></li>`)}
    </ul>
  </div>`;
}

/** A message that something worked, read out without moving focus. */
export const notice = (text: string) => (text ? html`<div class="notice" role="status">${text}</div>` : html`<div role="status"></div>`);
