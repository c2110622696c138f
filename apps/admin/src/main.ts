/** The console's entry: its styles, and every element, defined once. */
import './ui/styles.css';
import { InstapConsole } from './app/console.js';
import { Activities } from './screens/activities.js';
import { ActivityFormScreen } from './screens/activity-form/activity-form.js';
import { ActivitySnippet } from './screens/activity-form/snippet.js';
import { Charter } from './screens/charter.js';
import { FollowUp } from './screens/follow-up.js';
import { OrganisationScreen } from './screens/organisation.js';
import { ReferralPrint, Referrals } from './screens/referrals.js';
import { RegisterFamily } from './screens/register-family.js';
import { Registrations } from './screens/registrations.js';
import { LinkSignIn, SignIn } from './screens/sign-in.js';
import { Users } from './screens/users.js';
import { DrawScreen } from './screens/draw.js';
import { InterestScreen } from './screens/interest.js';
import { OrganisationsScreen } from './screens/organisations.js';
import { PasswordScreen } from './screens/password.js';
import { UserEditScreen } from './screens/user-edit.js';
import { WaitlistScreen } from './screens/waitlist.js';
import { BankStatementsScreen } from './screens/bank-statements.js';
import { PaymentSettingsScreen } from './screens/payment-settings.js';
import { PaymentsScreen } from './screens/payments.js';
import { UitpasSalesScreen } from './screens/uitpas-sales.js';

const elements: [string, CustomElementConstructor][] = [
  ['instap-console', InstapConsole],
  ['instap-sign-in', SignIn],
  ['instap-link-sign-in', LinkSignIn],
  ['instap-activities', Activities],
  ['instap-activity-form', ActivityFormScreen],
  ['instap-activity-snippet', ActivitySnippet],
  ['instap-registrations', Registrations],
  ['instap-register-family', RegisterFamily],
  ['instap-referrals', Referrals],
  ['instap-referral-print', ReferralPrint],
  ['instap-users', Users],
  ['instap-charter', Charter],
  ['instap-organisation', OrganisationScreen],
  ['instap-follow-up', FollowUp],
  ['instap-draw', DrawScreen],
  ['instap-waitlist', WaitlistScreen],
  ['instap-interest', InterestScreen],
  ['instap-uitpas-sales', UitpasSalesScreen],
  ['instap-organisations', OrganisationsScreen],
  ['instap-user-edit', UserEditScreen],
  ['instap-password', PasswordScreen],
  ['instap-payments', PaymentsScreen],
  ['instap-payment-settings', PaymentSettingsScreen],
  ['instap-bank-statements', BankStatementsScreen],
];
for (const [name, ctor] of elements) if (!customElements.get(name)) customElements.define(name, ctor);
