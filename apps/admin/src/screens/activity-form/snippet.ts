/**
 * What a club pastes into its website, with a copy button, and a live preview of the widget as
 * families will see it (loaded from /widget/instap.js, like on a club's page).
 */
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';

export const snippetFor = (origin: string, id: string) =>
  `<script type="module" src="${origin}/widget/instap.js"></script>\n<instap-registration activity="${id}"></instap-registration>`;

let widgetLoading: Promise<unknown> | null = null;
/** The widget bundle once per page; it defines <instap-registration> only if not yet defined. */
function loadWidget() {
  widgetLoading ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.type = 'module';
    s.src = '/widget/instap.js';
    s.onload = resolve;
    s.onerror = reject;
    document.head.append(s);
  });
  return widgetLoading;
}

export class ActivitySnippet extends LitElement {
  @property() activityId = '';
  @state() copied = '';
  /** Bumped after a save, so the preview fetches the activity again. */
  @property({ type: Number }) version = 0;
  @state() showPreview = true;

  protected override createRenderRoot() {
    return this;
  }

  override firstUpdated() {
    void loadWidget().catch(() => (this.copied = 'De voorvertoning laadt niet. Is de widget gebouwd?'));
  }

  private get code() {
    return snippetFor(location.origin, this.activityId);
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.code);
      this.copied = 'De code staat op je klembord. Plak ze in je website.';
    } catch {
      // No clipboard (an old browser, or no permission): select the code, so Ctrl+C works.
      const code = this.querySelector('#snippet-code');
      if (code) getSelection()?.selectAllChildren(code);
      this.copied = 'Kopiëren lukte niet vanzelf. De code is geselecteerd: druk Ctrl+C.';
    }
  }

  private async preview() {
    this.showPreview = !this.showPreview;
    if (this.showPreview) await loadWidget().catch(() => (this.copied = 'De voorvertoning laadt niet. Is de widget gebouwd?'));
  }

  override render() {
    return html`<section class="snippet" aria-labelledby="snippet-title">
      <h2 id="snippet-title">Zet de inschrijving op je website</h2>
      <p>Kopieer deze code en plak ze op de pagina waar families zich inschrijven. Je website moet in de lijst van websites staan (hieronder).</p>
      <pre class="code"><code id="snippet-code">${this.code}</code></pre>
      <button type="button" class="button button--secondary" @click=${this.copy}>Kopieer de code</button>
      <div role="status" class="copied">${this.copied}</div>
      <h3>Voorvertoning</h3>
      <p>Zo zien families de inschrijving, zoals ze nu bewaard is. Een inschrijving in de voorvertoning telt echt mee.</p>
      <button type="button" class="button button--secondary" aria-expanded=${this.showPreview ? 'true' : 'false'} @click=${this.preview}>
        ${this.showPreview ? 'Verberg de voorvertoning' : 'Toon de voorvertoning'}
      </button>
      ${this.showPreview ? keyed(this.version, html`<div class="preview"><instap-registration activity=${this.activityId}></instap-registration></div>`) : ''}
    </section>`;
  }
}
