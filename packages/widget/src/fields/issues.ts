/**
 * The API's issues ("contact.email", code "email_format") onto the fields that caused them.
 * Only needed when the server refuses an answer the widget's own checks let through: rare, so
 * a chunk of its own, not in instap.js.
 */
import type { FieldProblem } from '@instap/core/rules';
import type { ApiError } from '../api.js';
import type { Messages } from '../i18n/index.js';
import type { FieldError } from './field.js';
import { problemText } from './contact.js';
import { childProblem } from '../registration/children.js';
import { uitpasError } from '../registration/later.js';
import type { InstapRegistration } from '../registration/registration.js';

type M = Messages;

/**
 * Server issues carry a core `FieldProblem` as `code`. Some routes spell it with underscores
 * ("phone_format", "name_required"); anything else (zod's "invalid_type") falls through to the
 * field's own words in `problemText` (and the children's own).
 */
export const asProblem = (code = '') => code.replace(/_/g, '-').replace(/^name-/, '') as FieldProblem;

/**
 * Issues by path onto fields. `locate` turns a path into the field's id, kind and child; an
 * issue it cannot place means the whole answer is shown as a general problem (null).
 */
export function fromIssues(error: ApiError, locate: (path: string, p: FieldProblem) => FieldError | null): FieldError[] | null {
  const out: FieldError[] = [];
  for (const issue of error.issues ?? []) {
    const e = locate(issue.path, asProblem(issue.code));
    if (!e) return null;
    if (!out.some((o) => o.id === e.id)) out.push(e);
  }
  return out.length ? out : null;
}

/** Paths "name", "phone", "email" (after an optional prefix such as "contact.") onto `${id}-name`. */
export const contactLocator = (m: M, id: string, prefix = '') => (path: string, p: FieldProblem) => {
  const f = path.startsWith(prefix) && path.slice(prefix.length);
  return f === 'name' || f === 'phone' || f === 'email' ? { id: `${id}-${f}`, text: problemText(m, f, p) } : null;
};


/**
 * The server refused a registration. Issues ("children.0.birthYear", code "year-in-future") land
 * on the same fields, in the family's language, and "Doorgaan" then returns to the check;
 * "closed", "not open" and "not found" are screens with a next step. Returns what takes focus.
 */
export function refused(r: InstapRegistration, e: ApiError): string {
  // In the language on show: called again when the family switches language.
  const onFields = () => {
    const contact = contactLocator(r.m, 'contact', 'contact.');
    return (
      e.code === 'validation_failed' &&
      fromIssues(e, (path, p) => {
        const child = /^children\.(\d+)\.(firstName|birthYear)$/.exec(path);
        if (path === 'uitpasNumber') return uitpasError(r.m);
        if (!child) return contact(path, p);
        return +child[1] < r.d.children.length ? childProblem(r, +child[1], child[2] as 'firstName', p) : null;
      })
    );
  };
  const fieldErrors = onFields();
  if (fieldErrors) {
    r.reword = () => onFields() || [];
    r.fromCheck = true;
    const id = fieldErrors[0].id;
    r.set({ step: id.startsWith('child') ? 'children' : id === 'uitpas' ? 'kanspas' : 'contact' });
    r.errors = fieldErrors;
    return '.error-summary';
  }
  const c = e.code;
  // Waiting for the draw is closed to new families too: the same screen, with the interest list.
  r.notice =
    c === 'registration_closed' || c === 'registration_awaiting_draw'
      ? 'closed'
      : c === 'registration_not_open'
        ? 'not-open'
        : c === 'activity_not_found'
          ? 'not-found'
          : c === 'already_registered'
            ? 'already'
            : 'server';
  return r.notice === 'server' || r.notice === 'already' ? '.notice' : '[data-heading]';
}
