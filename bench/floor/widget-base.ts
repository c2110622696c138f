import { html } from 'lit/html.js';
import { UpdatingElement } from '../../packages/widget/src/updating-element.js';

/** The floor: the smallest useful element on the widget's own base (lit-html and UpdatingElement). */
class InstapFloor extends UpdatingElement {
  static override get styles() {
    return ':host{display:block}';
  }
  static override get properties() {
    return { name: {} };
  }
  name = 'Instap';
  protected override render() {
    return html`<p>Hallo ${this.name}</p>`;
  }
}
if (!customElements.get('instap-floor')) customElements.define('instap-floor', InstapFloor);
