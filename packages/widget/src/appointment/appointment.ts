import { html } from 'lit/html.js';
import type { AppointmentContext } from '@instap/core/appointments';
import { InstapElement } from '../element.js';
import type { PropertyDeclarations } from '../updating-element.js';
import type { Contact } from '../fields/contact.js';
import type { Screen } from '../registration/registration.js';

/**
 * `<instap-appointment organisation="slug">`: "Hulp nodig? Maak een afspraak". A family leaves a
 * name, a way to reach them, a moment and a language; a person of the organisation calls back.
 * Or, when the organisation books on its own page, that page opens with the name filled in.
 * The flow itself is a chunk of its own, fetched when this element meets the page (or when
 * "Hulp nodig?" opens it inside `<instap-registration>`). The phone stays visible on every step.
 *
 * @summary Ask for an appointment with a person.
 *
 * @property organisation - slug of the organisation (attribute `organisation`).
 * @property lang - language to start in (nl, fr, en, ar, tr, uk); default from `navigator.language`, then Dutch.
 * @property apiBase - origin of the Instap server (attribute `api-base`); default: where the script came from.
 * @property context - where the family got stuck: `{ activityId, step, language }`, sent along for staff.
 * @property prefill - name, phone and e-mail the family already gave (the registration passes them on).
 * @property embedded - set inside `<instap-registration>`: no language switch and no phone line of its own (attribute `embedded`).
 * @property clock - function returning "now" (injected in tests).
 *
 * @fires instap-appointment-requested - The request was stored. Bubbles, composed; detail `{ id }`.
 *
 * @csspart root - the outer box, carries `lang` and `dir`.
 * @csspart heading - the question of every step.
 * @csspart button - the primary button ("Doorgaan", "Vraag een afspraak").
 * @csspart input - text inputs and the question box.
 * @csspart error-summary - the box listing the problems at the top of a step.
 *
 * @cssprop --instap-color-primary - buttons and links (default #0b5cad).
 * @cssprop --instap-color-primary-text - text on primary buttons (default #fff).
 * @cssprop --instap-color-text - body text (default #1b1b1b).
 * @cssprop --instap-color-muted - hints and captions (default #4b5563).
 * @cssprop --instap-color-background - background (default #fff).
 * @cssprop --instap-color-error - errors (default #b3261e).
 * @cssprop --instap-color-focus - the focus outline (default #1b1b1b).
 * @cssprop --instap-font-family - font (default system-ui stack).
 * @cssprop --instap-font-size - base font size (default `large`: 18px at the browser's usual setting, and it follows the family's own setting, never the page's).
 * @cssprop --instap-radius - corner radius (default 6px).
 */
export class InstapAppointment extends InstapElement {
  static override get properties(): PropertyDeclarations {
    return {
      organisation: {},
      context: { attribute: false },
      prefill: { attribute: false },
      embedded: { type: Boolean, reflect: true },
      flow: { state: true },
    };
  }

  organisation = '';
  context?: AppointmentContext;
  prefill?: Contact;
  embedded = false;
  flow?: Screen | false;

  override connectedCallback() {
    super.connectedCallback();
    if (!this.flow) void this.#start();
  }

  async #start() {
    try {
      const { AppointmentFlow } = await import('./flow.js');
      this.flow ||= new AppointmentFlow(this);
    } catch {
      this.flow = false; // the chunk did not arrive: the phone is what is left (see render)
    }
  }

  protected override render() {
    return this.root(this.flow ? this.flow.render() : this.flow === false ? html`<p>${this.m.loadFailed}</p>` : html`<p role="status" data-loading></p>`);
  }
}
