/** Which screen a route shows, with what it needs. Screens get the console itself as `app`. */
import { html } from 'lit';
import type { InstapConsole } from './console.js';
import type { Route } from './routes.js';
import type { Session } from './session.js';

export function renderScreen(app: InstapConsole, s: Session | null, route: Route) {
  if (route.name === 'link' && !s) return html`<instap-link-sign-in .app=${app} .token=${route.query.get('token') ?? ''}></instap-link-sign-in>`;
  if (!s) return html`<instap-sign-in .app=${app}></instap-sign-in>`;
  const org = app.orgSlug;
  const id = route.params.id ?? '';
  switch (route.name) {
    case 'activities':
    case 'link':
      return html`<instap-activities .app=${app} .org=${org}></instap-activities>`;
    case 'activity-new':
      return html`<instap-activity-form .app=${app} .org=${org}></instap-activity-form>`;
    case 'activity':
      return html`<instap-activity-form .app=${app} .org=${org} .activityId=${id}></instap-activity-form>`;
    case 'registrations':
      return html`<instap-registrations .app=${app} .activityId=${id}></instap-registrations>`;
    case 'register':
      return html`<instap-register-family .app=${app} .activityId=${id}></instap-register-family>`;
    case 'draw':
      return html`<instap-draw .app=${app} .activityId=${id}></instap-draw>`;
    case 'waitlist':
      return html`<instap-waitlist .app=${app} .activityId=${id}></instap-waitlist>`;
    case 'uitpas':
      return html`<instap-uitpas-sales .app=${app} .activityId=${id}></instap-uitpas-sales>`;
    case 'interest':
      return html`<instap-interest .app=${app} .activityId=${id}></instap-interest>`;
    case 'payments':
      return html`<instap-payments .app=${app} .activityId=${id}></instap-payments>`;
    case 'payment-settings':
      return html`<instap-payment-settings .app=${app} .org=${org}></instap-payment-settings>`;
    case 'bank':
      return html`<instap-bank-statements .app=${app} .org=${org}></instap-bank-statements>`;
    case 'user':
      return html`<instap-user-edit .app=${app} .userId=${id}></instap-user-edit>`;
    case 'organisations':
      return html`<instap-organisations .app=${app}></instap-organisations>`;
    case 'password':
      return html`<instap-password .app=${app}></instap-password>`;
    case 'referrals':
      return html`<instap-referrals .app=${app} .org=${org}></instap-referrals>`;
    case 'referral-print':
      return html`<instap-referral-print .app=${app} .org=${org} .code=${route.params.code ?? ''}></instap-referral-print>`;
    case 'users':
      return html`<instap-users .app=${app}></instap-users>`;
    case 'charter':
      return html`<instap-charter .app=${app}></instap-charter>`;
    case 'organisation':
      return html`<instap-organisation .app=${app} .org=${org}></instap-organisation>`;
    case 'appointments':
    case 'call-list':
    case 'messages':
      return html`<instap-follow-up .app=${app} .org=${org} .kind=${route.name}></instap-follow-up>`;
    default:
      return html`<h1>Deze pagina bestaat niet</h1>
        <p><a href="#/activities">Ga naar de activiteiten</a></p>`;
  }
}
