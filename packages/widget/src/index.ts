/**
 * The file a club loads: `<script type="module" src="https://…/widget/instap.js"></script>`.
 * A page may include it twice (two snippets, a CMS block copied): define only once.
 */
import { InstapRegistration } from './registration/registration.js';

if (!customElements.get('instap-registration')) customElements.define('instap-registration', InstapRegistration);

export { InstapRegistration };

declare global {
  interface HTMLElementTagNameMap {
    'instap-registration': InstapRegistration;
  }
}
