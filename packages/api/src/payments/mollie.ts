/**
 * Instap's use of Mollie, through the official client (@mollie/api-client): create a payment for
 * what a family still owes, and read a payment's status back (the webhook never carries it).
 * Every failure becomes a `MollieFailure` with a kind the routes can answer plainly; a slow
 * Mollie is cut off after a timeout, so a family's click never hangs on it.
 */
import { createMollieClient, MollieApiError, type Payment } from '@mollie/api-client';
import type { Language } from '@instap/core';

export interface MollieOptions {
  /** The API root; default Mollie's own. Tests point it at the local fake. */
  apiEndpoint?: string;
  /** How long one call may take, in ms (default 10 s). */
  timeoutMs?: number;
}

export type MollieFailureKind = 'unauthorized' | 'refused' | 'not_found' | 'unavailable';

export class MollieFailure extends Error {
  constructor(
    readonly kind: MollieFailureKind,
    message: string,
    readonly status?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** What Instap keeps of a Mollie payment. */
export interface MolliePayment {
  id: string;
  status: 'open' | 'pending' | 'authorized' | 'paid' | 'canceled' | 'expired' | 'failed';
  amountCents: number;
  currency: string;
  checkoutUrl: string | null;
  paidAt: Date | null;
  refundedCents: number;
  chargedBackCents: number;
  metadata: Record<string, unknown> | null;
  mode: 'test' | 'live';
}

export interface CreateInput {
  amountCents: number;
  description: string;
  redirectUrl: string;
  webhookUrl: string;
  metadata: Record<string, string>;
  language?: Language;
  /** Mollie keeps the first answer for a key: a retry creates no second payment. */
  idempotencyKey: string;
}

/** Mollie's checkout speaks these; for the other languages it follows the browser. */
const LOCALES: Partial<Record<Language, string>> = { nl: 'nl_BE', fr: 'fr_BE', en: 'en_GB' };

export const euroString = (cents: number) => (cents / 100).toFixed(2);

export function centsOf(value: string | undefined): number {
  if (!value || !/^-?\d+(\.\d{1,2})?$/.test(value)) return 0;
  const [whole, fraction = ''] = value.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return value.startsWith('-') ? -cents : cents;
}

export interface MollieGateway {
  create(input: CreateInput): Promise<MolliePayment>;
  get(id: string): Promise<MolliePayment>;
}

export function mollieGateway(apiKey: string, options: MollieOptions = {}): MollieGateway {
  const client = createMollieClient({ apiKey, ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}), versionStrings: 'Instap/1.0' });
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    create: (input) =>
      call(timeoutMs, () =>
        client.payments.create({
          amount: { currency: 'EUR', value: euroString(input.amountCents) },
          description: input.description.slice(0, 255),
          redirectUrl: input.redirectUrl,
          webhookUrl: input.webhookUrl,
          metadata: input.metadata,
          ...(input.language && LOCALES[input.language] ? { locale: LOCALES[input.language] as never } : {}),
          idempotencyKey: input.idempotencyKey,
        }),
      ),
    get: (id) => call(timeoutMs, () => client.payments.get(id)),
  };
}

async function call(timeoutMs: number, work: () => Promise<Payment>): Promise<MolliePayment> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MollieFailure('unavailable', `Mollie did not answer within ${timeoutMs / 1000} s.`)), timeoutMs);
  });
  try {
    return toPayment(await Promise.race([work(), timeout]));
  } catch (e) {
    throw asFailure(e);
  } finally {
    clearTimeout(timer);
  }
}

function toPayment(p: Payment): MolliePayment {
  const raw = p as unknown as { amountRefunded?: { value: string }; amountChargedBack?: { value: string }; paidAt?: string; metadata?: unknown; mode: 'test' | 'live' };
  return {
    id: p.id,
    status: p.status as MolliePayment['status'],
    amountCents: centsOf(p.amount.value),
    currency: p.amount.currency,
    checkoutUrl: p.getCheckoutUrl() ?? null,
    paidAt: raw.paidAt ? new Date(raw.paidAt) : null,
    refundedCents: centsOf(raw.amountRefunded?.value),
    chargedBackCents: centsOf(raw.amountChargedBack?.value),
    metadata: raw.metadata && typeof raw.metadata === 'object' ? (raw.metadata as Record<string, unknown>) : null,
    mode: raw.mode,
  };
}

function asFailure(e: unknown): MollieFailure {
  if (e instanceof MollieFailure) return e;
  if (e instanceof MollieApiError) {
    const status = e.statusCode;
    if (status === 401 || status === 403) return new MollieFailure('unauthorized', 'Mollie does not accept the API key.', status);
    if (status === 404) return new MollieFailure('not_found', 'Mollie knows no such payment for this key.', status);
    if (status !== undefined && status >= 400 && status < 500 && status !== 429) return new MollieFailure('refused', `Mollie refused: ${e.message}`, status, e.field);
    return new MollieFailure('unavailable', 'Mollie is not reachable right now.', status);
  }
  return new MollieFailure('unavailable', 'Mollie is not reachable right now.');
}
