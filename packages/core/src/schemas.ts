/**
 * The API contract, shared by the API (validation and the OpenAPI document), the console and,
 * as types only, the widget. Field names follow DESIGN.md: clubs and scripts depend on them.
 */
import { z } from 'zod';
import {
  LANGUAGES,
  MAX_CHILDREN,
  MAX_NAME_LENGTH,
  birthYearProblem,
  contactProblem,
  emailProblem,
  nameProblem,
  phoneProblem,
} from './rules.js';

export const languageSchema = z.enum(LANGUAGES);
const instant = z.iso.datetime({ offset: true });
const slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'Use lower-case letters, digits and hyphens (2 to 60).');

// ——— Errors ———
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ——— Organisations ———
export const originSchema = z
  .string()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'An origin is a scheme and host, like https://www.club.be');

export const organisationInputSchema = z.object({
  slug,
  name: z.string().trim().min(1).max(120),
  allowedOrigins: z.array(originSchema).max(20).default([]),
  /** Families see this number on every screen: it is required. */
  phone: z.string().trim().min(1, 'Give the phone number families can call.').max(40).refine((v) => !phoneProblem(v), 'Give a phone number with 9 to 15 digits.'),
  email: z.string().trim().max(254).refine((v) => !emailProblem(v), 'Give an e-mail address like info@club.be.').optional(),
  city: slug.optional(),
});
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const organisationSchema = z.object({
  slug: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  allowedOrigins: z.array(z.string()),
  city: z.string(),
});

// ——— Tariff charter ———
export const tariffCharterSchema = z.object({
  kanspasDiscountPercent: z.number().int().min(0).max(100),
  siblingDiscountPercent: z.number().int().min(0).max(100).default(0),
});

// ——— Activities ———
export const registrationModeSchema = z.enum(['first-come', 'lottery']);
export const sessionSchema = z.object({ startsAt: instant, endsAt: instant });

/** The fields of an activity as they are checked, without defaults: a PATCH must not reset what it leaves out. */
const registrationWindowShape = {
  opensAt: instant,
  closesAt: instant.nullable().optional(),
  mode: registrationModeSchema,
  drawAt: instant.nullable().optional(),
};
const activityShape = {
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().max(2000),
  location: z.string().trim().min(1).max(200),
  kind: z.string().trim().max(60).optional(),
  ageMin: z.number().int().min(0).max(99).optional(),
  ageMax: z.number().int().min(0).max(99).optional(),
  sessions: z.array(sessionSchema).min(1).max(200),
  capacity: z.number().int().min(1).max(100000),
  reservedPlaces: z.number().int().min(0),
  reservedUntil: instant.nullable().optional(),
  priceCents: z.number().int().min(0).max(10_000_00),
  kanspasCents: z.number().int().min(0).nullable().optional(),
  registration: z.object(registrationWindowShape),
  lateJoinUntil: instant.nullable().optional(),
  whatToBring: z.array(z.string().trim().min(1).max(200)).max(20),
  offerHours: z.number().int().min(1).max(24 * 14),
};

/** A new activity: what is left out gets its default. */
const activityFields = z.object({
  ...activityShape,
  summary: activityShape.summary.default(''),
  reservedPlaces: activityShape.reservedPlaces.default(0),
  registration: z.object({ ...registrationWindowShape, mode: registrationModeSchema.default('first-come') }),
  whatToBring: activityShape.whatToBring.default([]),
  offerHours: activityShape.offerHours.default(48),
});

type ActivityFields = z.infer<typeof activityFields>;
const t = (s: string) => Date.parse(s);

/** Rules across fields: every problem names the field a person has to change. */
export function activityProblems(a: ActivityFields): { path: (string | number)[]; message: string; code: string }[] {
  const out: { path: (string | number)[]; message: string; code: string }[] = [];
  a.sessions.forEach((s, i) => {
    if (t(s.endsAt) <= t(s.startsAt))
      out.push({ path: ['sessions', i, 'endsAt'], code: 'session_ends_before_start', message: 'A session must end after it starts.' });
  });
  const starts = a.sessions.map((s) => t(s.startsAt));
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  if (a.reservedPlaces > a.capacity)
    out.push({ path: ['reservedPlaces'], code: 'reserved_over_capacity', message: 'Reserved places cannot be more than the capacity.' });
  if (a.reservedUntil && t(a.reservedUntil) > last)
    out.push({ path: ['reservedUntil'], code: 'reserved_until_after_last_session', message: 'Release reserved places before the last session starts.' });
  if (a.kanspasCents != null && a.kanspasCents > a.priceCents)
    out.push({ path: ['kanspasCents'], code: 'kanspas_price_too_high', message: 'The kanspas price cannot be higher than the standard price.' });
  if (a.ageMin != null && a.ageMax != null && a.ageMin > a.ageMax)
    out.push({ path: ['ageMax'], code: 'age_range', message: 'The highest age must be at least the lowest age.' });
  const r = a.registration;
  if (r.closesAt && t(r.closesAt) <= t(r.opensAt))
    out.push({ path: ['registration', 'closesAt'], code: 'window_closes_before_open', message: 'Registration must close after it opens.' });
  if (r.mode === 'lottery') {
    if (!r.closesAt)
      out.push({ path: ['registration', 'closesAt'], code: 'lottery_needs_close', message: 'A draw needs the moment its window closes.' });
    if (!r.drawAt)
      out.push({ path: ['registration', 'drawAt'], code: 'lottery_needs_draw_time', message: 'A draw needs a draw time.' });
    else if (r.closesAt && t(r.drawAt) < t(r.closesAt))
      out.push({ path: ['registration', 'drawAt'], code: 'draw_before_window_closes', message: 'The draw cannot be before the window closes.' });
    if (r.drawAt && t(r.drawAt) > last)
      out.push({ path: ['registration', 'drawAt'], code: 'draw_after_last_session', message: 'The draw must be before the last session.' });
  } else if (r.drawAt) {
    out.push({ path: ['registration', 'drawAt'], code: 'draw_without_lottery', message: 'Only a lottery has a draw time.' });
  }
  if (a.lateJoinUntil) {
    if (t(a.lateJoinUntil) < first)
      out.push({ path: ['lateJoinUntil'], code: 'cut_off_before_first_session', message: 'The late-join cut-off cannot be before the first session.' });
    if (t(a.lateJoinUntil) > last)
      out.push({ path: ['lateJoinUntil'], code: 'cut_off_after_last_session', message: 'The late-join cut-off cannot be after the last session starts.' });
  }
  return out;
}

export const activityInputSchema = activityFields.superRefine((a, ctx) => {
  for (const p of activityProblems(a)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message, params: { code: p.code } });
});
export type ActivityInput = z.input<typeof activityInputSchema>;
export type ActivityData = z.output<typeof activityInputSchema>;

/** A PATCH: any field; the merged activity is checked again as a whole. */
export const activityPatchSchema = z
  .object(activityShape)
  .partial()
  .extend({ registration: z.object(registrationWindowShape).partial().optional() });
export type ActivityPatch = z.infer<typeof activityPatchSchema>;
export const activityFieldsSchema = activityFields;

export const phaseSchema = z.enum(['not-open', 'first-come', 'lottery', 'awaiting-draw', 'closed']);

export const publicActivitySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  location: z.string(),
  kind: z.string().nullable(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  sessions: z.array(z.object({ startsAt: z.string(), endsAt: z.string() })),
  sessionsToCome: z.number().int(),
  capacity: z.number().int(),
  placesLeft: z.number().int(),
  reservedPlaces: z.number().int(),
  reservedPlacesLeft: z.number().int(),
  reservedUntil: z.string().nullable(),
  price: z.object({
    standardCents: z.number().int(),
    kanspasCents: z.number().int(),
    currency: z.literal('EUR'),
    /** What a family joining now pays per child (late joiners pay only the sessions to come). */
    nowStandardCents: z.number().int(),
    nowKanspasCents: z.number().int(),
    /** The city's tariff charter, so the widget computes the same price as the API (core `priceFor`). */
    kanspasDiscountPercent: z.number().int(),
    siblingDiscountPercent: z.number().int(),
  }),
  registration: z.object({
    opensAt: z.string(),
    closesAt: z.string().nullable(),
    mode: registrationModeSchema,
    drawAt: z.string().nullable(),
    lateJoinUntil: z.string().nullable(),
    phase: phaseSchema,
  }),
  whatToBring: z.array(z.string()),
  organisation: z.object({
    slug: z.string(),
    name: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    /** The organisation confirms kanspas numbers with UiTPAS, so the widget may ask for one (never required). */
    uitpas: z.boolean(),
  }),
});
export type PublicActivity = z.infer<typeof publicActivitySchema>;

export const adminActivitySchema = publicActivitySchema.extend({
  priceCents: z.number().int(),
  kanspasCents: z.number().int().nullable(),
  offerHours: z.number().int(),
  withdrawn: z.boolean(),
  counts: z.object({ confirmed: z.number().int(), waitlisted: z.number().int(), lottery: z.number().int(), offered: z.number().int() }),
});

// ——— Registrations ———
export const childInputSchema = z.object({
  firstName: z.string().trim().superRefine((v, ctx) => {
    const p = nameProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p === 'required' ? 'Fill in the first name of the child.' : 'A first name has at most 80 letters.', params: { code: p } });
  }),
  birthYear: z.number().int(),
});

/** How to reach a family: a name, and a phone number or an e-mail address (one is enough). */
export const personName = z.string().trim().superRefine((v, ctx) => {
  const p = nameProblem(v);
  if (p) ctx.addIssue({ code: 'custom', message: p === 'required' ? 'Fill in your name.' : `A name has at most ${MAX_NAME_LENGTH} letters.`, params: { code: p } });
});

export function checkReachable(c: { phone?: string; email?: string }, ctx: z.RefinementCtx) {
  if (contactProblem(c)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give a phone number or an e-mail address. One is enough.', params: { code: 'contact-missing' } });
  if (phoneProblem(c.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give a phone number with 9 to 15 digits, like 0470 12 34 56.', params: { code: 'phone-format' } });
  if (emailProblem(c.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give an e-mail address like naam@voorbeeld.be.', params: { code: 'email-format' } });
}

export const contactInputSchema = z
  .object({
    name: personName,
    phone: z.string().trim().max(40).optional(),
    email: z.string().trim().max(254).optional(),
  })
  .superRefine(checkReachable);

export const registrationInputSchema = z.object({
  children: z.array(childInputSchema).min(1, 'Add at least one child.').max(MAX_CHILDREN, `At most ${MAX_CHILDREN} children in one registration.`),
  contact: contactInputSchema,
  kanspas: z.boolean().default(false),
  language: languageSchema.default('nl'),
  referralCode: z.string().trim().max(80).optional(),
  uitpasNumber: z.string().trim().regex(/^\d{13}$/, 'A UiTPAS number has 13 digits.').optional(),
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
    phone: z.string().trim().max(40).optional(),
    email: z.string().trim().max(254).optional(),
    language: languageSchema.default('nl'),
  })
  .superRefine(checkReachable);
export type InterestInput = z.input<typeof interestInputSchema>;

// ——— Referral links (bridge figures unlock reserved places for a family) ———
export const referralLinkInputSchema = z.object({
  activityId: z.string().uuid().optional(),
  expiresAt: instant,
  maxUses: z.number().int().min(1).max(500).default(1),
  note: z.string().trim().max(200).optional(),
});
export const referralLinkSchema = z.object({
  code: z.string(),
  url: z.string(),
  activityId: z.string().nullable(),
  expiresAt: z.string(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

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
  children: z.array(z.object({ firstName: z.string(), birthYear: z.number().int() })),
  contact: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  price: priceBreakdownSchema,
  activity: publicActivitySchema,
});
export type RegistrationView = z.infer<typeof registrationViewSchema>;

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
  children: z.array(z.object({ firstName: z.string(), birthYear: z.number().int(), placeKind: z.string().nullable() })),
  contact: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  priceCents: z.number().int(),
});
