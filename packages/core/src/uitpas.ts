/**
 * UiTPAS ticket sales, the pure part: what Instap tells UiTPAS a child's ticket costs, how euros
 * cross the border (UiTPAS speaks decimal euros, Instap integer cents), and the words staff see
 * for each answer of UiTPAS API v4. No I/O here: the API's client and queue use these.
 */
import { percentOf, roundCents, type PriceBreakdown, type TariffCharter } from './pricing.js';

/** A UiTPAS number as the pass check takes it: 13 digits. */
export const UITPAS_NUMBER_PATTERN = /^\d{13}$/;
/** A UiTdatabank event id: a UUID, as UiTdatabank shows it ("5a0967f9-cc06-4c3c-9206-30481a767434"). */
export const UITDATABANK_EVENT_ID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * The regular price of one child's ticket: the standard price Instap would charge that child
 * without kanspas, with the brother-or-sister discount and the prorating of the registration
 * (only the sessions still to come when the family registered). UiTPAS computes its social tariff
 * and the reimbursement from it.
 */
export function uitpasRegularPriceCents(standardCents: number, charter: TariffCharter, price: Pick<PriceBreakdown, 'sessionsTotal' | 'sessionsCounted'>, childIndex: number): number {
  const unit = Math.max(0, standardCents);
  const base = childIndex === 0 ? unit : percentOf(unit, 100 - charter.siblingDiscountPercent);
  if (price.sessionsTotal <= 1) return base;
  return roundCents((base * price.sessionsCounted) / price.sessionsTotal);
}

/** 960 → 9.6: the decimal euros UiTPAS's `regularPrice` and `price` carry. */
export const centsToEuros = (cents: number): number => Math.round(cents) / 100;
/** 9.6 → 960; null for anything that is not a price. */
export function eurosToCents(euros: unknown): number | null {
  if (typeof euros !== 'number' || !Number.isFinite(euros) || euros < 0) return null;
  return Math.round(euros * 100);
}

export type UitpasSaleStatus = 'to-register' | 'registered' | 'to-cancel' | 'cancelled' | 'failed';

/**
 * Why a sale is open or failed: the last segment of UiTPAS's problem type
 * (`https://api.publiq.be/probs/uitpas/maximum-reached` → `maximum-reached`), or one of Instap's
 * own: `no-social-tariff` (UiTPAS offered no kansentarief), `unavailable` (no answer, retried
 * later), `forbidden` and `unauthorized` (the connection's rights), `no-number`.
 */
export function uitpasProblemText(code: string | null | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case 'invalid-uitpas-number':
    case 'invalid-uitpasnumber':
      return 'Dit UiTPAS-nummer bestaat niet.';
    case 'passholder-not-found':
    case 'pass-not-found':
      return 'UiTPAS kent geen pashouder met dit nummer.';
    case 'maximum-reached':
    case 'no-social-tariff':
      return 'Geen kansentarief meer over voor deze pas.';
    case 'social-tariff-expired':
      return 'Het kansenstatuut van deze pas is vervallen.';
    case 'social-tariff-suspended':
      return 'Het kansentarief van deze pas is geschorst.';
    case 'invalid-card':
    case 'invalid-card-status':
    case 'card-blocked':
      return 'Deze UiTPAS-kaart is geblokkeerd of niet actief.';
    case 'passholder-no-active-cardsystems':
      return 'Deze pas hoort bij geen enkele UiTPAS-regio meer.';
    case 'event-not-found':
      return 'UiTPAS kent dit UiTdatabank-event niet. Kijk het event-id van de activiteit na.';
    case 'forbidden':
      return 'De UiTPAS-koppeling mag geen verkopen registreren voor de organisator van dit event.';
    case 'unauthorized':
      return 'UiTPAS weigert de koppeling. Kijk de client-id en het geheim na.';
    case 'unavailable':
      return 'UiTPAS antwoordt niet. Instap probeert het later opnieuw.';
    case 'no-number':
      return 'Geen UiTPAS-nummer voor dit kind.';
    default:
      return `UiTPAS weigerde de verkoop (${code}).`;
  }
}

/** "3 verkopen nog te registreren", "1 verkoop nog te annuleren": what staff see is open. */
export function uitpasOpenSummary(open: { toRegister: number; toCancel: number; failed: number }): string[] {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const out: string[] = [];
  if (open.toRegister) out.push(`${n(open.toRegister, 'verkoop', 'verkopen')} nog te registreren`);
  if (open.toCancel) out.push(`${n(open.toCancel, 'verkoop', 'verkopen')} nog te annuleren`);
  if (open.failed) out.push(`${n(open.failed, 'verkoop', 'verkopen')} geweigerd door UiTPAS`);
  return out;
}
