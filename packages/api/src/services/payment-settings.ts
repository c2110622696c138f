/**
 * An organisation's payment settings: checked as a whole (an IBAN that passes its mod-97 check,
 * a BIC if given, a beneficiary when transfers are on, a Mollie key of the right shape when
 * online is on), with the Mollie key sealed under INSTAP_SECRET_KEY and never shown again.
 */
import { MOLLIE_KEY_PATTERN, type PaymentSettings, type PaymentSettingsData } from '@instap/core';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { paymentSettings } from '../db/schema-payments.js';
import { ApiError, validationError, type Issue } from '../errors.js';
import { seal, unseal } from './secrets.js';
import { settingsOf, type EffectiveSettings } from './payments.js';

export function settingsView(s: EffectiveSettings): PaymentSettings {
  return {
    configured: s.configured,
    methods: s.methods,
    iban: s.iban ? s.iban.replace(/(.{4})(?=.)/g, '$1 ') : null,
    bic: s.bic,
    beneficiary: s.beneficiary,
    dueDays: s.dueDays,
    deskInfo: s.deskInfo,
    mollie: { set: Boolean(s.mollieApiKey), mode: s.mollieApiKey ? s.mollieMode : null },
    autoCancel: { enabled: s.autoCancel, daysAfterCall: s.autoCancelDaysAfterCall },
  };
}

/** The organisation's Mollie API key, unsealed; null when it has none (online is then off). */
export async function mollieKeyOf(db: Db | Tx, organisationId: string, secretKey: Buffer | undefined): Promise<string | null> {
  const s = await settingsOf(db, organisationId);
  return s.mollieApiKey ? unseal(s.mollieApiKey, secretKey) : null;
}

export async function savePaymentSettings(db: Db, organisationId: string, input: PaymentSettingsData, now: Date, secretKey: Buffer | undefined): Promise<EffectiveSettings> {
  const issues: Issue[] = [];
  const methods = [...new Set(input.methods)];
  const iban = input.iban ? electronicFormatIBAN(input.iban) ?? '' : null;
  if (iban !== null && !isValidIBAN(iban))
    issues.push({ path: 'iban', code: 'iban_invalid', message: 'This IBAN does not pass its check. Copy it again from the bank statement, like BE68 5390 0754 7034.' });
  if (methods.includes('transfer') && iban === null) issues.push({ path: 'iban', code: 'iban_required', message: 'Give the account number families transfer to.' });
  const bic = input.bic ? input.bic.replace(/\s+/g, '').toUpperCase() : null;
  if (bic !== null && !isValidBIC(bic)) issues.push({ path: 'bic', code: 'bic_invalid', message: 'This BIC is not valid, like GKCCBEBB (8 or 11 letters and digits).' });
  const beneficiary = input.beneficiary?.replace(/\s+/g, ' ').trim() || null;
  if (methods.includes('transfer') && !beneficiary) issues.push({ path: 'beneficiary', code: 'beneficiary_required', message: 'Give the name on the account, as the bank knows it.' });

  const current = await settingsOf(db, organisationId);
  let mollieApiKey = current.mollieApiKey;
  let mollieMode = current.mollieMode;
  if (input.mollieApiKey === null) {
    mollieApiKey = null;
    mollieMode = null;
  } else if (input.mollieApiKey !== undefined) {
    const key = input.mollieApiKey;
    if (!MOLLIE_KEY_PATTERN.test(key)) {
      issues.push({ path: 'mollieApiKey', code: 'mollie_key_format', message: 'A Mollie API key starts with test_ or live_ and has 30 letters and digits after it.' });
    } else {
      if (!secretKey)
        throw new ApiError(409, 'secret_key_not_configured', 'The server has no INSTAP_SECRET_KEY, so it cannot keep a Mollie key safely. Ask whoever runs Instap to set it.');
      mollieApiKey = seal(key, secretKey);
      mollieMode = key.startsWith('live_') ? 'live' : 'test';
    }
  }
  if (methods.includes('online') && !mollieApiKey && !issues.some((i) => i.path === 'mollieApiKey'))
    issues.push({ path: 'mollieApiKey', code: 'mollie_key_required', message: 'Online payments need a Mollie API key.' });
  if (issues.length) throw validationError(issues);

  const values = {
    methods,
    iban,
    bic,
    beneficiary,
    dueDays: input.dueDays,
    deskInfo: input.deskInfo?.trim() || null,
    mollieApiKey,
    mollieMode,
    autoCancel: input.autoCancel.enabled,
    autoCancelDaysAfterCall: input.autoCancel.daysAfterCall,
    updatedAt: now,
  };
  await db.insert(paymentSettings).values({ organisationId, ...values }).onConflictDoUpdate({ target: paymentSettings.organisationId, set: values });
  return settingsOf(db, organisationId);
}
