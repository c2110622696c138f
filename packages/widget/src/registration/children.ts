/** Step 2, "Wie schrijf je in?": brothers and sisters together, each with a first name and a birth year. */
import { html, nothing } from 'lit/html.js';
import { birthYearProblem, latinDigits, MAX_CHILDREN, nameProblem, type FieldProblem } from '@instap/core/rules';
import type { Draft } from '../draft.js';
import { field, type FieldError } from '../fields/field.js';
import { btn, focusOn, tel } from '../ui.js';
import type { Messages } from '../i18n/index.js';
import type { InstapRegistration } from './registration.js';

/**
 * Outside the activity's ages (counted in the year of the first session): a hint beside the
 * field, never an error and never a block. Families know their child; a person can decide.
 */
function ageNote(r: InstapRegistration, year: string) {
  const a = r.data!;
  if (birthYearProblem(year.trim(), r.clock()) || (a.ageMin == null && a.ageMax == null)) return false;
  const age = +new Date(a.sessions[0]?.startsAt ?? r.clock()).toLocaleString('en', { timeZone: 'Europe/Brussels', year: 'numeric' }) - +latinDigits(year);
  return (a.ageMin != null && age < a.ageMin) || (a.ageMax != null && age > a.ageMax)
    ? html`${r.m.ageHint(a.ageMin, a.ageMax)} ${tel(a.organisation.phone)}`
    : false;
}

const who = (r: InstapRegistration, i: number) => r.m.childRef(r.d.children.length === 1 ? 0 : i + 1);

/** One message per field and per kind of failure, naming the child when there are more. */
export function childProblem(r: InstapRegistration, i: number, f: 'firstName' | 'birthYear', p: FieldProblem): FieldError {
  const m = r.m;
  const w = who(r, i);
  return {
    id: `child-${i}-${f}`,
    text:
      f === 'firstName'
        ? p === 'too-long'
          ? m.firstNameTooLong
          : m.firstNameRequired(w)
        : p === 'required'
          ? m.birthYearRequired(w)
          : p === 'year-in-future'
            ? m.birthYearFuture
            : p === 'year-too-old'
              ? m.birthYearTooOld
              : m.birthYearNotAYear,
  };
}

/** The checks of "Doorgaan": the same core rules as the API. */
export function childErrors(r: InstapRegistration) {
  const out: FieldError[] = [];
  r.d.children.forEach((c, i) => {
    const add = (f: 'firstName' | 'birthYear', p: FieldProblem | null) => p && out.push(childProblem(r, i, f, p));
    add('firstName', nameProblem(c.firstName));
    add('birthYear', birthYearProblem(c.birthYear.trim(), r.clock()));
  });
  return out;
}

/** Step 2, as [question, body]: the step frame draws the rest. */
export function childrenStep(r: InstapRegistration, m: Messages) {
  const kids = r.d.children;
  const setChild = (i: number, patch: Partial<Draft['children'][number]>) => r.set({ children: kids.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  // Adding or removing a child: the list changes, old problems go, focus moves on.
  const later = (children: Draft['children'], focus: string) => {
    r.errors = [];
    r.set({ children });
    return focusOn(r, focus);
  };
  const next = () => r.next();
  return [
    m.childrenQ,
    html`<p class="hint">${m.childrenHint}</p>
      ${kids.map(
        (c, i) => html`<fieldset class="child">
          <legend>${m.childText(i + 1)}</legend>
          ${field(`child-${i}-firstName`, m.firstNameText, c.firstName, r.errors, (v) => setChild(i, { firstName: v }), next)}
          ${field(`child-${i}-birthYear`, m.birthYearText, c.birthYear, r.errors, (v) => setChild(i, { birthYear: v }), next, {
            hint: m.birthYearHint,
            note: ageNote(r, c.birthYear),
            inputmode: 'numeric',
            narrow: true,
          })}
          ${kids.length > 1 ? btn(m.removeChild(c.firstName.trim(), i + 1), () => later(kids.filter((_, j) => j !== i), '[data-heading]'), 'secondary small') : nothing}
        </fieldset>`,
      )}
      ${kids.length < MAX_CHILDREN ? btn(m.addChild, () => later([...kids, { firstName: '', birthYear: '' }], `#child-${kids.length}-firstName`)) : nothing}`,
  ] as const;
}
