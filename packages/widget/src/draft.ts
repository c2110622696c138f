/**
 * Nothing lost: the answers stay in localStorage (one entry per activity) until the
 * registration is sent, so a reload, a dead battery or a closed tab costs nothing. The
 * Idempotency-Key lives with them, so a retry after a network failure never registers twice.
 */
import type { RegistrationBody } from './api.js';

export type Step = 'activity' | 'children' | 'contact' | 'kanspas' | 'check';

export interface Draft {
  children: { firstName: string; birthYear: string }[];
  contact: { name: string; phone: string; email: string };
  kanspas: boolean;
  /** UiTPAS number as typed; asked only when the organisation checks with UiTPAS (absent in older drafts). */
  uitpas?: string;
  step: Step;
  idempotencyKey: string;
  /** The body last sent without an answer: a retry sends exactly this again. */
  pending?: RegistrationBody;
}

const key = (activityId: string) => `instap:draft:${activityId}`;

export const emptyDraft = (idempotencyKey: string): Draft => ({
  children: [{ firstName: '', birthYear: '' }],
  contact: { name: '', phone: '', email: '' },
  kanspas: false,
  step: 'activity',
  idempotencyKey,
});

export function loadDraft(activityId: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(activityId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    return Array.isArray(d.children) && d.children.length && d.contact && d.idempotencyKey ? d : null;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame) or broken JSON: start fresh
  }
}

export function saveDraft(activityId: string, draft: Draft): void {
  try {
    localStorage.setItem(key(activityId), JSON.stringify(draft));
  } catch {
    /* storage full or blocked: the form still works, it only forgets on reload */
  }
}

export function clearDraft(activityId: string): void {
  try {
    localStorage.removeItem(key(activityId));
  } catch {
    /* nothing to clear */
  }
}
