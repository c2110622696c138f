/**
 * <instap-console>: the frame around every screen. It holds the session, the organisation being
 * worked on and the route; it moves focus to the new page's heading on every navigation, so
 * keyboard and screen-reader users land where sighted users look.
 */
import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { api, whenSignedOut } from '../api.js';
import { problemText } from '../ui/errors.js';
import { can, loadSession, type Organisation, type Session } from './session.js';
import { parseHash, type Route } from './routes.js';
import { renderScreen } from './screens.js';

const ORG_KEY = 'instap-admin-organisation';

interface NavItem {
  href: string;
  text: string;
  routes: string[];
  show: (s: Session) => boolean;
}

/**
 * Slots for the screens other parts of Instap bring: waiting list and offers, interest list and
 * the draw live per activity (links on the activity's page); appointments, the call list and
 * failed messages per organisation (here).
 */
const NAV: NavItem[] = [
  { href: '#/activities', text: 'Activiteiten', routes: ['activities', 'activity', 'activity-new', 'registrations', 'register', 'draw', 'waitlist', 'interest', 'payments'], show: () => true },
  { href: '#/referrals', text: 'Verwijslinks', routes: ['referrals', 'referral-print'], show: () => true },
  { href: '#/appointments', text: 'Afspraken', routes: ['appointments'], show: (s) => can.manageActivities(s.user.role) },
  { href: '#/call-list', text: 'Bellijst', routes: ['call-list'], show: (s) => can.manageActivities(s.user.role) },
  { href: '#/messages', text: 'Mislukte berichten', routes: ['messages'], show: (s) => can.manageActivities(s.user.role) },
  { href: '#/bank', text: 'Bankbestand', routes: ['bank'], show: (s) => can.manageActivities(s.user.role) },
  { href: '#/payments', text: 'Betalen', routes: ['payment-settings'], show: (s) => can.manageOrganisation(s.user.role) },
  { href: '#/organisation', text: 'Organisatie', routes: ['organisation'], show: (s) => can.manageOrganisation(s.user.role) },
  { href: '#/organisations', text: 'Organisaties', routes: ['organisations'], show: (s) => can.manageOrganisations(s.user.role) },
  { href: '#/users', text: 'Gebruikers', routes: ['users', 'user'], show: (s) => can.manageUsers(s.user.role) },
  { href: '#/charter', text: 'Tariefcharter', routes: ['charter'], show: (s) => can.manageCharter(s.user.role) },
  { href: '#/password', text: 'Mijn wachtwoord', routes: ['password'], show: (s) => can.changeOwnPassword(s.user.role) },
];

export class InstapConsole extends LitElement {
  @state() session: Session | null = null;
  @state() loading = true;
  @state() route: Route = parseHash(location.hash);
  @state() organisations: Organisation[] = [];
  @state() orgSlug = '';
  @state() problem = '';

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    whenSignedOut(() => {
      this.session = null;
    });
    void this.start();
  }

  override disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  private onHash = () => {
    this.route = parseHash(location.hash);
    void this.focusHeading();
  };

  private async start() {
    this.session = await loadSession();
    if (this.session) await this.loadOrganisations();
    this.loading = false;
  }

  /** Called by the sign-in screen. */
  async signedIn() {
    this.session = await loadSession();
    await this.loadOrganisations();
    if (this.route.name === 'link') location.hash = '#/activities';
    void this.focusHeading();
  }

  private async loadOrganisations() {
    try {
      this.organisations = (await api<{ organisations: Organisation[] }>('GET', '/admin/organisations')).organisations;
    } catch (e) {
      this.problem = problemText(e);
    }
    const own = this.session?.user.organisation?.slug;
    const remembered = localStorage.getItem(ORG_KEY) ?? '';
    this.orgSlug = own ?? (this.organisations.some((o) => o.slug === remembered) ? remembered : (this.organisations[0]?.slug ?? ''));
  }

  get organisation(): Organisation | undefined {
    return this.organisations.find((o) => o.slug === this.orgSlug);
  }

  /** After a screen changed the organisation (its websites), show the new values everywhere. */
  async refreshOrganisations() {
    await this.loadOrganisations();
  }

  private async focusHeading() {
    await this.updateComplete;
    const screen = this.querySelector('main > *') as LitElement | null;
    await screen?.updateComplete;
    const h1 = this.querySelector('h1');
    if (h1) {
      document.title = `${h1.textContent?.trim()} · Instap beheer`;
      h1.setAttribute('tabindex', '-1');
      h1.focus();
    }
  }

  private async signOut() {
    try {
      await api('DELETE', '/session');
    } finally {
      this.session = null;
      location.hash = '#/activities';
    }
  }

  private chooseOrganisation(slug: string) {
    this.orgSlug = slug;
    localStorage.setItem(ORG_KEY, slug);
  }

  override render() {
    if (this.loading) return html`<main id="main" class="page"><p role="status">Even geduld…</p></main>`;
    const s = this.session;
    const printing = this.route.name === 'referral-print';
    return html`<header class="top ${printing ? 'no-print' : ''}">
        <span class="brand">Instap beheer</span>
        ${s
          ? html`<span class="who">${s.user.name}${this.organisation && s.user.organisation ? html` · ${this.organisation.name}` : nothing}</span>
              <button class="button button--secondary" @click=${this.signOut}>Afmelden</button>`
          : nothing}
      </header>
      ${s ? this.renderNav(s) : nothing}
      <main id="main" class="page">
        ${this.problem ? html`<p class="field-error">${this.problem}</p>` : nothing}
        ${renderScreen(this, s, this.route)}
      </main>`;
  }

  private renderNav(s: Session) {
    const current = this.route.name;
    return html`<nav class="nav no-print" aria-label="Hoofdmenu">
      <ul>
        ${NAV.filter((n) => n.show(s)).map(
          (n) => html`<li><a href=${n.href} aria-current=${n.routes.includes(current) ? 'page' : 'false'}>${n.text}</a></li>`,
        )}
      </ul>
      ${!s.user.organisation && this.organisations.length > 1
        ? html`<div class="org-picker">
            <label for="org-picker">Organisatie</label>
            <select id="org-picker" @change=${(e: Event) => this.chooseOrganisation((e.target as HTMLSelectElement).value)}>
              ${this.organisations.map((o) => html`<option value=${o.slug} ?selected=${o.slug === this.orgSlug}>${o.name}</option>`)}
            </select>
          </div>`
        : nothing}
    </nav>`;
  }
}
