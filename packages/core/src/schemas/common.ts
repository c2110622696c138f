/** Pieces every part of the contract uses: languages, instants, slugs, the error shape, how to reach a person. */
import { z } from 'zod';
import { LANGUAGES, MAX_NAME_LENGTH, contactProblem, emailProblem, latinDigits, nameProblem, phoneProblem } from '../rules.js';

export const languageSchema = z.enum(LANGUAGES);
export const instant = z.iso.datetime({ offset: true });
export const slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'Use lower-case letters, digits and hyphens (2 to 60).');

// ——— Text ———
/**
 * No text in Instap holds control characters (NUL and the other C0/C1 codes, except tab, line
 * feed and carriage return) or bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): they break storage and exports, and an override can make a name or a link read
 * as something else to staff. Marks such as U+200F (right-to-left mark) stay allowed: Arabic
 * keyboards type them.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

export type TextProblem = 'control_character' | 'bidi_control';

export function textProblem(value: string): TextProblem | null {
  if (CONTROL_CHARACTER.test(value)) return 'control_character';
  if (BIDI_CONTROL.test(value)) return 'bidi_control';
  return null;
}

export const TEXT_PROBLEM_MESSAGE: Record<TextProblem, string> = {
  control_character: 'This text holds an invisible control character. Type it again without copying it from elsewhere.',
  bidi_control: 'This text holds an invisible character that changes the reading direction. Type it again without it.',
};

/** A zod check for any text field: refuses control characters and bidi overrides, with a code. */
export function checkText(value: string, ctx: z.RefinementCtx) {
  const p = textProblem(value);
  if (p) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGE[p], params: { code: p } });
}

/** Text of at most `max` characters, trimmed, without control characters or bidi overrides. */
export const plainText = (max: number) => z.string().trim().max(max).superRefine(checkText);

// ——— Errors ———
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A family's phone number as typed, with digits from an Arabic or Persian keyboard read as 0–9. */
export const familyPhone = z.string().trim().overwrite(latinDigits).max(40).superRefine(checkText).optional();

/** How to reach a family: a name, and a phone number or an e-mail address (one is enough). */
export const personName = z.string().trim().superRefine((v, ctx) => {
  checkText(v, ctx);
  const p = nameProblem(v);
  if (p) ctx.addIssue({ code: 'custom', message: p === 'required' ? 'Fill in your name.' : `A name has at most ${MAX_NAME_LENGTH} letters.`, params: { code: p } });
});

export function checkReachable(c: { phone?: string; email?: string }, ctx: z.RefinementCtx) {
  if (contactProblem(c)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give a phone number or an e-mail address. One is enough.', params: { code: 'contact-missing' } });
  if (phoneProblem(c.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give a phone number with 9 to 15 digits, like 0470 12 34 56.', params: { code: 'phone-format' } });
  if (emailProblem(c.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give an e-mail address like naam@voorbeeld.be.', params: { code: 'email-format' } });
}
