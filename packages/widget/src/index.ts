/**
 * The file a club loads: `<script type="module" src="https://…/widget/instap.js"></script>`.
 * A page may include it twice (two snippets, a CMS block copied): define only once.
 */
import { InstapAppointment } from './appointment/appointment.js';
import { InstapRegistration } from './registration/registration.js';

for (const [name, element] of [
  ['instap-registration', InstapRegistration],
  ['instap-appointment', InstapAppointment],
] as const)
  if (!customElements.get(name)) customElements.define(name, element);

export { InstapAppointment, InstapRegistration };

declare global {
  interface HTMLElementTagNameMap {
    'instap-registration': InstapRegistration;
    'instap-appointment': InstapAppointment;
  }
}
