/**
 * Nothing lost: the answers stay in localStorage (one entry per activity) until the
 * registration is sent, so a reload, a dead battery or a closed tab costs nothing. The
 * Idempotency-Key lives with them, so a retry after a network failure never registers twice.
 */
import type { RegistrationCreated } from '@instap/core/schemas';
import type { RegistrationBody } from './api.js';
import { local } from './storage.js';

export type Step = 'activity' | 'children' | 'contact' | 'kanspas' | 'check';

export interface Draft {
  children: { firstName: string; birthYear: string }[];
  contact: { name: string; phone: string; email: string };
  kanspas: boolean;
  /** UiTPAS number as typed; asked only when the organisation checks with UiTPAS (absent in older drafts). */
  uitpas?: string;
  step: Step;
  idempotencyKey: string;
  /** Every body sent under `idempotencyKey` without an answer: the server may hold any of them. */
  sent?: RegistrationBody[];
}

const key = (activityId: string) => `instap:draft:${activityId}`;

export const emptyDraft = (idempotencyKey: string): Draft => ({
  children: [{ firstName: '', birthYear: '' }],
  contact: { name: '', phone: '', email: '' },
  kanspas: false,
  step: 'activity',
  idempotencyKey,
});

export const loadDraft = (activityId: string): Draft | null =>
  local((s) => {
    // JSON.parse(null) is null: nothing stored.
    const d = JSON.parse(s.getItem(key(activityId))!) as Draft | null;
    return d && Array.isArray(d.children) && d.children.length && d.contact && d.idempotencyKey ? d : null;
  }) ?? null;

export const saveDraft = (activityId: string, draft: Draft) => local((s) => s.setItem(key(activityId), JSON.stringify(draft)));

export const clearDraft = (activityId: string) => local((s) => s.removeItem(key(activityId)));

/** What the registration screen shows once the server said yes. */
export interface Result {
  created: RegistrationCreated;
  names: string[];
  kanspas: boolean;
  /** The family changed answers after a lost answer, but the first ones had arrived: those count. */
  unsent?: true;
}

/**
 * The result stays with the browser tab (sessionStorage): a reload, or a phone that drops the tab,
 * still shows it with the private link, instead of an empty form that invites a second registration.
 */
const resultKey = (activityId: string) => `instap:result:${activityId}`;
export const keepResult = (activityId: string, result?: Result) =>
  local((s) => (result ? s.setItem(resultKey(activityId), JSON.stringify(result)) : s.removeItem(resultKey(activityId))), 'sessionStorage');
export const keptResult = (activityId: string): Result | undefined => local((s) => JSON.parse(s.getItem(resultKey(activityId))!) ?? undefined, 'sessionStorage');
