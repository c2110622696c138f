/** Activities: what staff create, and what families see. */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../rules.js';
import { instant } from './common.js';
import { UITDATABANK_EVENT_ID_PATTERN } from '../uitpas.js';

/** An activity's texts in another language than Dutch; what is left out is shown in Dutch. */
export const activityTextsSchema = z.object({
  title: z.string().trim().min(1).max(120).optional(),
  summary: z.string().trim().max(2000).optional(),
  location: z.string().trim().min(1).max(200).optional(),
  whatToBring: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
});
export type ActivityTexts = z.infer<typeof activityTextsSchema>;
export const OTHER_LANGUAGES = LANGUAGES.filter((l): l is Exclude<Language, 'nl'> => l !== 'nl');
export const translationsSchema = z.partialRecord(z.enum(OTHER_LANGUAGES as [Exclude<Language, 'nl'>, ...Exclude<Language, 'nl'>[]]), activityTextsSchema);
export type Translations = z.infer<typeof translationsSchema>;

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
  /** The same texts in the families' other languages (the Dutch ones above come first). */
  translations: translationsSchema,
  /** The activity's event in UiTdatabank: with it, kanspas sales are registered with UiTPAS (staff only, never public). */
  uitdatabankEventId: z
    .string()
    .trim()
    .regex(UITDATABANK_EVENT_ID_PATTERN, 'A UiTdatabank event id looks like 5a0967f9-cc06-4c3c-9206-30481a767434.')
    .transform((v) => v.toLowerCase())
    .nullable()
    .optional(),
};

/** A new activity: what is left out gets its default. */
const activityFields = z.object({
  ...activityShape,
  summary: activityShape.summary.default(''),
  reservedPlaces: activityShape.reservedPlaces.default(0),
  registration: z.object({ ...registrationWindowShape, mode: registrationModeSchema.default('first-come') }),
  whatToBring: activityShape.whatToBring.default([]),
  offerHours: activityShape.offerHours.default(48),
  translations: activityShape.translations.default({}),
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
  /** The language of title, summary, location and what to bring (`?lang=` picks it; Dutch when there is no translation). */
  language: z.enum(LANGUAGES),
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
    /** What a family joining now pays for its first child (late joiners pay only the sessions to come). */
    nowStandardCents: z.number().int(),
    nowKanspasCents: z.number().int(),
    /** …and for each brother or sister (the charter's sibling discount applied): a family of n children pays first + (n − 1) × this. */
    nowSiblingStandardCents: z.number().int(),
    nowSiblingKanspasCents: z.number().int(),
    /** The city's tariff charter the prices above follow. */
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
  translations: translationsSchema,
  priceCents: z.number().int(),
  kanspasCents: z.number().int().nullable(),
  offerHours: z.number().int(),
  uitdatabankEventId: z.string().nullable(),
  withdrawn: z.boolean(),
  counts: z.object({ confirmed: z.number().int(), waitlisted: z.number().int(), lottery: z.number().int(), offered: z.number().int() }),
});

/**
 * A draw as anyone may see it. Before the draw: the commitment (SHA-256 of the secret seed) and
 * the rule, no entries. After the draw: the seed, the closing value and the order by draw id
 * (never a registration id, never who has a kanspas), so anyone can recompute it.
 */
export const publishedDrawSchema = z.object({
  activityId: z.string(),
  title: z.string(),
  /** SHA-256 of the seed, in hexadecimal: fixed and public from the moment the lottery is set up. */
  commitment: z.string(),
  /** The secret seed, revealed only at the draw. */
  seed: z.string().optional(),
  /** SHA-256 of the sorted draw ids of all entries at the draw; null before the draw (and for rule 1). */
  closingValue: z.string().nullable(),
  /** 2: commit-reveal with the closing value; 1: a draw that ran under the first rule. */
  ruleVersion: z.number().int(),
  rule: z.string(),
  drawAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  capacity: z.number().int(),
  reservedPlaces: z.number().int(),
  reservedUntil: z.string().nullable(),
  entries: z.array(
    z.object({
      /** The draw id: 12 hex characters of SHA-256(registration id). */
      id: z.string(),
      rank: z.number().int(),
      ticket: z.string(),
      children: z.number().int(),
      outcome: z.enum(['confirmed', 'waitlisted']),
      waitlistPosition: z.number().int().nullable(),
    }),
  ),
});
export type PublishedDraw = z.infer<typeof publishedDrawSchema>;
