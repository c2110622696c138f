/**
 * Money: how a family pays a registration, what staff record, and an organisation's payment
 * settings. Amounts are integer euro cents; instants are ISO 8601 UTC. Paying is never a
 * condition for keeping a place: these are facts to show and follow up, not gates.
 */
import { z } from 'zod';
import { instant } from './common.js';

/** The ways an organisation takes money, as families know them in Flanders. */
export const paymentMethodSchema = z.enum(['desk', 'transfer', 'online', 'third-party']).meta({
  description: '`desk`: at the desk or the first session; `transfer`: a bank transfer with the structured communication; `online`: Mollie (Bancontact, cards); `third-party`: the OCMW, a bridge figure\'s organisation or a fund pays.',
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

export const paymentStatusSchema = z.enum(['not-due', 'open', 'partly-paid', 'paid', 'waived', 'refund-due', 'refunded']).meta({
  description: '`not-due`: nothing to pay now (waiting list, draw, free, cancelled before paying); `open`: nothing paid yet; `partly-paid`; `paid`; `waived`: staff let the family off; `refund-due`: cancelled and money goes back; `refunded`.',
});
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

/** How a money movement entered the ledger: the methods, plus staff's waivers and refunds. */
export const paymentEntryMethodSchema = z.enum(['desk', 'transfer', 'online', 'third-party', 'waiver', 'refund']);
export type PaymentEntryMethod = z.infer<typeof paymentEntryMethodSchema>;

const cents = z.number().int().meta({ description: 'Euro cents.' });

/** Everything a family needs to make a bank transfer, and the same as an EPC QR payload. */
export const transferDetailsSchema = z.object({
  iban: z.string().meta({ description: 'The organisation\'s IBAN, printed in groups of four.', example: 'BE68 5390 0754 7034' }),
  bic: z.string().optional(),
  beneficiary: z.string().meta({ description: 'The account holder, as the bank app asks for it.' }),
  amountCents: cents.meta({ description: 'What is still to pay, in euro cents.' }),
  reference: z.string().meta({ description: 'The structured communication (OGM/VCS).', example: '+++123/4567/89002+++' }),
  epc: z.string().meta({ description: 'The EPC069-12 QR payload text ("scan met je bank-app"); render it as a QR code. Always optional for the family.' }),
});
export type TransferDetails = z.infer<typeof transferDetailsSchema>;

/** One part of an instalment plan. */
export const instalmentSchema = z.object({
  dueAt: instant,
  amountCents: z.number().int().positive(),
});
export type Instalment = z.infer<typeof instalmentSchema>;

export const paymentInstalmentSchema = instalmentSchema.extend({
  /** Covered by what was paid so far (oldest instalment first). */
  paid: z.boolean(),
});

/** At the desk: when and where, and whom to call. */
export const deskInfoSchema = z.object({
  text: z.string().nullable().meta({ description: 'When and where to pay at the desk, as the organisation wrote it (e.g. "Ma–vr 9–12 u, onthaal sporthal").' }),
  phone: z.string().meta({ description: 'The organisation\'s phone number.' }),
});

/** A registration's payment, as the family and staff see it. */
export const paymentSchema = z.object({
  status: paymentStatusSchema,
  amountCents: cents.meta({ description: 'What the registration costs (its price; 0 while not due).' }),
  paidCents: cents.meta({ description: 'Paid so far, refunds taken off.' }),
  dueAt: instant.nullable().meta({ description: 'Pay by this moment; null while nothing is due.' }),
  reference: z.string().meta({ description: 'The structured communication (OGM/VCS), unique per registration.', example: '+++123/4567/89002+++' }),
  methods: z.array(paymentMethodSchema).meta({ description: 'The ways this organisation takes.' }),
  transfer: transferDetailsSchema.optional().meta({ description: 'When the organisation takes transfers and something is left to pay.' }),
  onlineUrl: z.string().optional().meta({
    description: 'When the organisation takes online payments and something is left to pay: POST to this URL (no body, with an Idempotency-Key) to get a Mollie checkout URL to send the family to.',
  }),
  desk: deskInfoSchema.optional().meta({ description: 'When the organisation takes payments at the desk.' }),
  hardship: z.object({
    text: z.string().meta({ description: 'What to do when paying is hard, in Dutch; the screens show their own words in the family\'s language.' }),
    phone: z.string(),
    instalmentsPossible: z.boolean(),
    thirdPartyPossible: z.boolean(),
  }),
  instalments: z.array(paymentInstalmentSchema).optional().meta({ description: 'When staff split the amount in parts.' }),
  refundCents: cents.optional().meta({ description: 'After a cancellation: what goes back to the family (prorated, sessions not yet held).' }),
  waived: z.boolean().meta({ description: 'Staff let the family off (what is left to pay).' }),
});
export type Payment = z.infer<typeof paymentSchema>;

// ——— Payment settings (per organisation) ———
export const MAX_DUE_DAYS = 365;

/** Mollie API keys: `test_` or `live_` followed by 30 letters and digits. */
export const MOLLIE_KEY_PATTERN = /^(test|live)_[A-Za-z0-9]{30}$/;

export const autoCancelSchema = z.object({
  enabled: z.boolean().default(false),
  /** Days after the call was made before an unpaid registration is cancelled. */
  daysAfterCall: z.number().int().min(1).max(90).default(14),
});

export const paymentSettingsInputSchema = z.object({
  methods: z.array(paymentMethodSchema).min(1, 'Choose at least one way to pay.').max(4),
  iban: z.string().trim().max(50).optional().meta({ description: 'Required when `transfer` is on; checked (country, length, mod 97).' }),
  bic: z.string().trim().max(20).optional(),
  beneficiary: z.string().trim().max(70).optional().meta({ description: 'The account holder\'s name (at most 70 characters); required when `transfer` is on.' }),
  dueDays: z.number().int().min(0).max(MAX_DUE_DAYS).default(14).meta({ description: 'How many days a family has to pay after its place is confirmed.' }),
  deskInfo: z.string().trim().max(300).optional().meta({ description: 'When and where to pay at the desk.' }),
  mollieApiKey: z.string().trim().max(100).nullable().optional().meta({
    description: 'Write-only. `test_…` or `live_…`. Omit to keep the stored key; send `null` to remove it. Needs INSTAP_SECRET_KEY on the server.',
  }),
  autoCancel: autoCancelSchema.default({ enabled: false, daysAfterCall: 14 }).meta({
    description: 'Off by default. When on, an unpaid registration past its due date is cancelled only after staff marked the call made and `daysAfterCall` days passed.',
  }),
});
export type PaymentSettingsInput = z.input<typeof paymentSettingsInputSchema>;
export type PaymentSettingsData = z.output<typeof paymentSettingsInputSchema>;

export const paymentSettingsSchema = z.object({
  configured: z.boolean().meta({ description: 'false: the organisation has no settings yet, and these are the defaults (desk only).' }),
  methods: z.array(paymentMethodSchema),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  beneficiary: z.string().nullable(),
  dueDays: z.number().int(),
  deskInfo: z.string().nullable(),
  mollie: z.object({ set: z.boolean(), mode: z.enum(['test', 'live']).nullable() }).meta({ description: 'Whether a Mollie key is stored; the key itself is never shown.' }),
  autoCancel: z.object({ enabled: z.boolean(), daysAfterCall: z.number().int() }),
});
export type PaymentSettings = z.infer<typeof paymentSettingsSchema>;

// ——— Staff's actions on one registration ———
const note = z.string().trim().max(500);
const positiveCents = z.number().int('Give the amount in whole cents.').positive('Give an amount above zero.').max(10_000_000);

export const paymentRecordInputSchema = z.object({
  amountCents: positiveCents,
  method: z.enum(['desk', 'transfer', 'third-party']),
  note: note.optional(),
});
export const paymentWaiveInputSchema = z.object({ note: note.min(1, 'Say why, for the colleagues.') });
export const paymentRefundInputSchema = z.object({
  /** Defaults to the full refund due. */
  amountCents: positiveCents.optional(),
  note: note.optional(),
});
export const paymentPlanInputSchema = z.object({
  instalments: z.array(instalmentSchema).max(12).meta({ description: 'The parts, oldest first; they add up to what is due. An empty list removes the plan.' }),
});

export const paymentEntrySchema = z.object({
  id: z.string(),
  amountCents: cents.meta({ description: 'Negative for a refund.' }),
  method: paymentEntryMethodSchema,
  source: z.string(),
  externalId: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  at: instant,
});
export type PaymentEntry = z.infer<typeof paymentEntrySchema>;

/** A registration's payment with its ledger: what staff see for one family. */
export const staffPaymentSchema = z.object({
  registrationId: z.string(),
  payment: paymentSchema,
  entries: z.array(paymentEntrySchema),
});

// ——— Per activity, for staff ———
export const activityPaymentsSchema = z.object({
  activityId: z.string(),
  totals: z.object({
    dueCents: z.number().int().meta({ description: 'What the confirmed families owe in all.' }),
    paidCents: z.number().int(),
    openCents: z.number().int().meta({ description: 'Still to receive.' }),
    pastDueCents: z.number().int(),
    refundDueCents: z.number().int(),
    counts: z.record(paymentStatusSchema, z.number().int()),
  }),
  registrations: z.array(
    z.object({
      registrationId: z.string(),
      status: z.string().meta({ description: 'The registration status.' }),
      contactName: z.string(),
      children: z.array(z.string()),
      pastDue: z.boolean(),
      payment: paymentSchema,
    }),
  ),
});
