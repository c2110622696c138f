/**
 * "How can we reach you?": a name, and a phone number or an e-mail address (one is enough).
 * The registration, the interest list and the appointment all ask it with these fields, check
 * it with the same core rules as the API; issues.ts reads the API's issues the same way.
 */
import { html } from 'lit/html.js';
import { contactProblem, emailProblem, latinDigits, nameProblem, phoneProblem, type FieldProblem } from '@instap/core/rules';
import type { Messages } from '../i18n/index.js';
import { field, type FieldError } from './field.js';

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

type ContactField = 'name' | 'phone' | 'email';
type M = Messages;

/** One message per field and per kind of failure. A problem a field does not know gets that field's usual words. */
export function problemText(m: M, f: ContactField, p: FieldProblem): string {
  return f === 'name' ? (p === 'too-long' ? m.nameTooLong : m.nameRequired) : f === 'phone' ? (p === 'contact-missing' ? m.contactMissing : m.phoneFormat) : m.emailFormat;
}

/** The checks of "Doorgaan"; `parts` picks the name, the ways to reach, or both. */
export function contactErrors(m: M, c: Contact, id: string, parts = 3): FieldError[] {
  const out: FieldError[] = [];
  const add = (f: ContactField, p: FieldProblem | null) => p && out.push({ id: `${id}-${f}`, text: problemText(m, f, p) });
  if (parts & 1) add('name', nameProblem(c.name));
  if (parts & 2) {
    add('phone', contactProblem(c) ?? phoneProblem(c.phone));
    add('email', emailProblem(c.email));
  }
  return out;
}

/** The body the API expects: trimmed, and no empty phone or e-mail. */
export function contactBody(c: Contact) {
  return {
    name: c.name.trim(),
    ...(c.phone.trim() ? { phone: latinDigits(c.phone.trim()) } : {}),
    ...(c.email.trim() ? { email: c.email.trim() } : {}),
  };
}

export function nameField(m: M, c: Contact, id: string, errors: FieldError[], set: (c: Contact) => void, next: () => void, label = m.yourName) {
  return field(`${id}-name`, label, c.name, errors, (name) => set({ ...c, name }), next, { autocomplete: 'name' });
}

export function reachFields(m: M, c: Contact, id: string, errors: FieldError[], set: (c: Contact) => void, next: () => void) {
  return html`<fieldset>
    <legend class="hint">${m.reachHint}</legend>
    ${field(`${id}-phone`, m.phoneText, c.phone, errors, (phone) => set({ ...c, phone }), next, { hint: m.phoneHint, type: 'tel', autocomplete: 'tel' })}
    ${field(`${id}-email`, m.emailText, c.email, errors, (email) => set({ ...c, email }), next, { type: 'email', autocomplete: 'email' })}
  </fieldset>`;
}
