/** Registrations: what a family sends, what it gets back, what staff see; and the interest list. */
import { z } from 'zod';
import { MAX_CHILDREN, birthYearProblem, nameProblem } from '../rules.js';
import { publicActivitySchema } from './activities.js';
import { checkReachable, familyPhone, languageSchema, personName } from './common.js';
import { paymentSchema } from './payments.js';
import { UITPAS_NUMBER_PATTERN } from '../uitpas.js';
import { uitpasNoteSchema, uitpasSaleStatusSchema } from './uitpas.js';

// ——— Registrations ———
export const childInputSchema = z.object({
  firstName: z.string().trim().superRefine((v, ctx) => {
    const p = nameProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p === 'required' ? 'Fill in the first name of the child.' : 'A first name has at most 80 letters.', params: { code: p } });
  }),
  birthYear: z.number().int(),
  /** This child's own UiTPAS number (kanspas only, never required); without it the family's number counts for the first child. */
  uitpasNumber: z.string().trim().regex(UITPAS_NUMBER_PATTERN, 'A UiTPAS number has 13 digits.').optional(),
});

export const contactInputSchema = z
  .object({
    name: personName,
    phone: familyPhone,
    email: z.string().trim().max(254).optional(),
  })
  .superRefine(checkReachable);

export const registrationInputSchema = z.object({
  children: z.array(childInputSchema).min(1, 'Add at least one child.').max(MAX_CHILDREN, `At most ${MAX_CHILDREN} children in one registration.`),
  contact: contactInputSchema,
  kanspas: z.boolean().default(false),
  language: languageSchema.default('nl'),
  referralCode: z.string().trim().max(80).optional(),
  uitpasNumber: z.string().trim().regex(UITPAS_NUMBER_PATTERN, 'A UiTPAS number has 13 digits.').optional(),
});

/**
 * Field issues of a registration carry a `FieldProblem` (rules.ts) as their code, so the widget
 * shows its own words for exactly the same problem.
 */
/** Rules that depend on the clock ("a birth year in the future"), checked after the shape. */
export function registrationClockProblems(input: { children: { birthYear: number }[] }, now: Date) {
  const out: { path: (string | number)[]; message: string; code: string }[] = [];
  input.children.forEach((c, i) => {
    const p = birthYearProblem(c.birthYear, now);
    if (p)
      out.push({
        path: ['children', i, 'birthYear'],
        code: p,
        message: p === 'year-in-future' ? 'The birth year cannot be in the future.' : 'Give the year the child was born, like 2016.',
      });
  });
  return out;
}
export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type RegistrationData = z.output<typeof registrationInputSchema>;

export const registrationStatusSchema = z.enum(['lottery', 'confirmed', 'waitlisted', 'offered', 'cancelled']);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;
export const kanspasCheckSchema = z.enum(['none', 'claimed', 'verified', 'not-valid']);
export const kanspasCheckInputSchema = z.object({ status: z.enum(['claimed', 'verified', 'not-valid']) });

// ——— Interest list ("tell me when I can register") ———
export const interestInputSchema = z
  .object({
    name: personName,
    phone: familyPhone,
    email: z.string().trim().max(254).optional(),
    language: languageSchema.default('nl'),
  })
  .superRefine(checkReachable);
export type InterestInput = z.input<typeof interestInputSchema>;

export const priceBreakdownSchema = z.object({
  tariff: z.enum(['standard', 'kanspas']),
  currency: z.literal('EUR'),
  unitCents: z.number().int(),
  sessionsTotal: z.number().int(),
  sessionsCounted: z.number().int(),
  children: z.array(z.object({ baseCents: z.number().int(), siblingDiscountCents: z.number().int(), cents: z.number().int() })),
  totalCents: z.number().int(),
});

export const registrationCreatedSchema = z.object({
  id: z.string(),
  token: z.string(),
  status: registrationStatusSchema,
  waitlistPosition: z.number().int().optional(),
  price: priceBreakdownSchema,
  /** How and by when to pay; `not-due` while the family waits. */
  payment: paymentSchema,
});
export type RegistrationCreated = z.infer<typeof registrationCreatedSchema>;

export const registrationViewSchema = z.object({
  id: z.string(),
  status: registrationStatusSchema,
  waitlistPosition: z.number().int().optional(),
  offerExpiresAt: z.string().nullable(),
  /** An open waiting-list offer: answer it at /offers/{token}/accept or /decline. `expiresAt` is null until staff have phoned a family without e-mail. */
  offer: z.object({ token: z.string(), expiresAt: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  language: languageSchema,
  kanspas: z.boolean(),
  kanspasCheck: kanspasCheckSchema,
  children: z.array(
    z.object({
      firstName: z.string(),
      birthYear: z.number().int(),
      /** UiTPAS's own social tariff and message for this child, only where they differ from the charter. */
      uitpas: uitpasNoteSchema.optional(),
    }),
  ),
  contact: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  price: priceBreakdownSchema,
  payment: paymentSchema,
  activity: publicActivitySchema,
  /** In a lottery: the family's line in the public draw list (12 hex characters of SHA-256 of `id`). */
  drawId: z.string().nullable().optional(),
});
export type RegistrationView = z.infer<typeof registrationViewSchema>;

/**
 * Why staff may want to look twice at a registration (services/admin-registrations.ts):
 * `same-address` many registrations for this activity came from one client address (`count`),
 * `same-contact` this phone or e-mail registered more than once (`count`), `unchecked-reserved`
 * a reserved place held on a kanspas claim that no UiTPAS check confirmed.
 */
export const suspicionFlagSchema = z.object({
  kind: z.enum(['same-address', 'same-contact', 'unchecked-reserved']),
  count: z.number().int().optional(),
});
export type SuspicionFlag = z.infer<typeof suspicionFlagSchema>;

export const adminRegistrationSchema = z.object({
  id: z.string(),
  status: registrationStatusSchema,
  waitlistPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable().describe('Until when an offered place waits; null when a staff member must call first.'),
  createdAt: z.string(),
  language: languageSchema,
  kanspas: z.boolean(),
  kanspasCheck: kanspasCheckSchema,
  referred: z.boolean(),
  children: z.array(
    z.object({
      firstName: z.string(),
      birthYear: z.number().int(),
      placeKind: z.string().nullable(),
      /** Whether this child's kanspas sale is registered with UiTPAS (absent: nothing to register). */
      uitpasSale: uitpasSaleStatusSchema.optional(),
    }),
  ),
  contact: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  priceCents: z.number().int(),
  payment: paymentSchema,
  flags: z.array(suspicionFlagSchema).describe('Reasons to look twice; empty for most families.'),
});
