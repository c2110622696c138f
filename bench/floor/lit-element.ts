import { LitElement, css, html } from 'lit';

/** For comparison: the smallest useful LitElement, built the same way as the widget. */
class InstapFloor extends LitElement {
  static override styles = css`:host{display:block}`;
  static override properties = { name: {} };
  name = 'Instap';
  override render() {
    return html`<p>Hallo ${this.name}</p>`;
  }
}
if (!customElements.get('instap-floor')) customElements.define('instap-floor', InstapFloor);
