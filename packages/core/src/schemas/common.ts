/** Pieces every part of the contract uses: languages, instants, slugs, the error shape, how to reach a person. */
import { z } from 'zod';
import { LANGUAGES, MAX_NAME_LENGTH, contactProblem, emailProblem, latinDigits, nameProblem, phoneProblem } from '../rules.js';

export const languageSchema = z.enum(LANGUAGES);
export const instant = z.iso.datetime({ offset: true });
export const slug = z
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

/** A family's phone number as typed, with digits from an Arabic or Persian keyboard read as 0–9. */
export const familyPhone = z.string().trim().overwrite(latinDigits).max(40).optional();

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
