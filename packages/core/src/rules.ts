/**
 * Field rules shared by the widget (checked when the family presses "Doorgaan") and the API
 * (the zod schemas refine with the same functions), so both say the same thing for the same input.
 * Each rule returns a problem code or null; the words for a code live in the widget's catalogues
 * and in the API's error messages.
 */

export const LANGUAGES = ['nl', 'fr', 'en', 'ar', 'tr', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MAX_CHILDREN = 8;
export const MAX_NAME_LENGTH = 80;

export type FieldProblem =
  | 'required'
  | 'too-long'
  | 'not-a-year'
  | 'year-in-future'
  | 'year-too-old'
  | 'phone-format'
  | 'email-format'
  | 'contact-missing';

/** Characters that take no room on screen: zero-width spaces and joiners, word joiner, soft hyphen, BOM, and white space. */
export const INVISIBLE = /[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

export function nameProblem(value: string | undefined | null): FieldProblem | null {
  const v = (value ?? '').trim();
  // Only invisible characters (zero-width spaces, joiners) is no name at all.
  if (!v || !v.replace(INVISIBLE, '')) return 'required';
  if (v.length > MAX_NAME_LENGTH) return 'too-long';
  return null;
}

/** Arabic-Indic and Persian digits ("٢٠١٧", "۲۰۱۷") as 0–9: a family types on its own keyboard. */
export const latinDigits = (value: string) => value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 15));

/** A child's birth year: a whole year, not in the future, not more than 25 years back. */
export function birthYearProblem(value: unknown, now: Date): FieldProblem | null {
  const text = typeof value === 'string' ? latinDigits(value.trim()) : value;
  if (text === '' || text === undefined || text === null) return 'required';
  if (typeof text === 'string' && !/^\d{4}$/.test(text)) return 'not-a-year';
  const year = typeof text === 'number' ? text : Number(text);
  if (!Number.isInteger(year)) return 'not-a-year';
  const thisYear = now.getUTCFullYear();
  if (year > thisYear) return 'year-in-future';
  if (year < thisYear - 25) return 'year-too-old';
  return null;
}

/** Keeps digits and a leading +; what people type ("0470 12 34 56", "+32 470/12.34.56") all passes. */
export function normalisePhone(value: string): string {
  const trimmed = latinDigits(value.trim());
  const digits = trimmed.replace(/[^\d]/g, '');
  return (trimmed.startsWith('+') ? '+' : '') + digits;
}

export function phoneProblem(value: string | undefined | null): FieldProblem | null {
  const v = latinDigits((value ?? '').trim());
  if (!v) return null;
  if (/[^\d+\s()./-]/.test(v)) return 'phone-format';
  const n = normalisePhone(v);
  const digits = n.replace('+', '');
  if (digits.length < 9 || digits.length > 15) return 'phone-format';
  return null;
}

export function emailProblem(value: string | undefined | null): FieldProblem | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (v.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return 'email-format';
  return null;
}

/** One way to reach the family is enough: a phone number or an e-mail address. */
export function contactProblem(contact: { phone?: string | null; email?: string | null }): FieldProblem | null {
  if (!(contact.phone ?? '').trim() && !(contact.email ?? '').trim()) return 'contact-missing';
  return null;
}
