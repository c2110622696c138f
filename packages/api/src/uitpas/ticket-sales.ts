/**
 * UiTPAS API v4 ticket sales, so the organiser is reimbursed for a kansentarief:
 * `GET /tariffs` (the passholder's tariffs for an event and a regular price),
 * `POST /ticket-sales` (register the sale with the chosen tariff), `GET /ticket-sales?eventId=`
 * (find a sale whose answer was lost) and `DELETE /ticket-sales/{ticketSaleId}` (cancel it).
 *
 * Nothing here throws. Every answer is one of: done; `refused` (a 4xx problem UiTPAS will give
 * again, with its problem type's last segment as `code`, e.g. `maximum-reached`); or
 * `unavailable` (timeout, network, 5xx, 429: try later). `uncertain` says a write may have
 * reached UiTPAS anyway, so the caller looks before it sends it again.
 * Prices cross as decimal euros (UiTPAS) and are integer cents on Instap's side.
 */
import { centsToEuros, eurosToCents } from '@instap/core';
import { createUitpasSession, endUserMessage, errorName, isTimeout, problemType, readJson, Unavailable, type UitpasConfig, type UitpasDeps } from './http.js';

export interface UitpasTariff {
  id: string;
  name: string;
  priceCents: number;
  type: string;
  remaining: number;
}

export type UitpasFailure =
  | { ok: false; kind: 'refused'; code: string; status: number; endUserMessage: string | null }
  | { ok: false; kind: 'unavailable'; reason: 'timeout' | 'unavailable'; uncertain: boolean };

export interface UitpasSaleRecord {
  id: string;
  uitpasNumber: string | null;
  tariffId: string | null;
  regularPriceCents: number | null;
}

export interface TicketSalesClient {
  tariffs(q: { uitpasNumber: string; eventId: string; regularPriceCents: number }): Promise<{ ok: true; available: UitpasTariff[]; endUserMessage: string | null } | UitpasFailure>;
  register(s: { uitpasNumber: string; eventId: string; regularPriceCents: number; tariffId: string }): Promise<{ ok: true; ticketSaleId: string; tariffPriceCents: number | null } | UitpasFailure>;
  /** Every sale of the event, page by page (at most `maxPages` × 100). */
  sales(eventId: string, maxPages?: number): Promise<{ ok: true; sales: UitpasSaleRecord[] } | UitpasFailure>;
  /** `gone`: UiTPAS no longer knows the sale (cancelled before): nothing left to cancel. */
  cancel(ticketSaleId: string): Promise<{ ok: true; gone: boolean } | UitpasFailure>;
}

/** `https://api.publiq.be/probs/uitpas/maximum-reached` → `maximum-reached`. */
function problemCode(body: unknown, status: number): string {
  const type = problemType(body);
  const last = type.split('/').filter(Boolean).pop();
  if (last && /^[a-z0-9-]{1,80}$/.test(last)) return last;
  if (status === 403) return 'forbidden';
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not-found';
  return `http-${status}`;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null);

export function createTicketSalesClient(config: UitpasConfig, deps: UitpasDeps = {}): TicketSalesClient {
  const session = createUitpasSession(config, deps);
  const { timeoutMs, log } = session;

  /** Runs one operation under the deadline, turning every failure into an answer. */
  async function guarded<T>(what: string, write: boolean, work: (signal: AbortSignal, sent: { value: boolean }) => Promise<T | UitpasFailure>): Promise<T | UitpasFailure> {
    const signal = AbortSignal.timeout(timeoutMs);
    const sent = { value: false };
    try {
      return await work(signal, sent);
    } catch (error) {
      const timeout = signal.aborted || isTimeout(error);
      log(`uitpas: ${what} ${timeout ? `timed out after ${timeoutMs} ms` : error instanceof Unavailable ? error.message : `failed (${errorName(error)})`}`);
      return { ok: false, kind: 'unavailable', reason: timeout ? 'timeout' : 'unavailable', uncertain: write && sent.value };
    }
  }

  /** A non-2xx answer: refused for a problem UiTPAS will repeat, unavailable for one that may pass. */
  async function failure(res: Response, write: boolean): Promise<UitpasFailure> {
    let body: unknown;
    try {
      body = await readJson(res);
    } catch {
      body = undefined;
    }
    if (res.status >= 500) return { ok: false, kind: 'unavailable', reason: 'unavailable', uncertain: write };
    if (res.status === 429 || res.status === 408) return { ok: false, kind: 'unavailable', reason: 'unavailable', uncertain: false };
    return { ok: false, kind: 'refused', code: problemCode(body, res.status), status: res.status, endUserMessage: endUserMessage(body) };
  }

  return {
    tariffs: (q) =>
      guarded('tariffs', false, async (signal) => {
        const res = await session.request(
          '/tariffs',
          { method: 'GET', query: { regularPrice: String(centsToEuros(q.regularPriceCents)), eventId: q.eventId, uitpasNumber: q.uitpasNumber } },
          signal,
        );
        if (res.status !== 200) return failure(res, false);
        const body = (await readJson(res)) as { available?: unknown } | undefined;
        if (!body || !Array.isArray(body.available)) throw new Unavailable('tariffs answer lacks available[]');
        const available: UitpasTariff[] = [];
        for (const t of body.available as Record<string, unknown>[]) {
          const id = str(t?.id);
          const priceCents = eurosToCents(t?.price);
          if (!id || priceCents === null) continue;
          available.push({ id, name: str(t.name) ?? id, priceCents, type: str(t.type) ?? '', remaining: typeof t.remaining === 'number' ? t.remaining : 1 });
        }
        return { ok: true as const, available, endUserMessage: endUserMessage(body) };
      }),

    register: (s) =>
      guarded('ticket sale', true, async (signal, sent) => {
        const res = await session.request(
          '/ticket-sales',
          { method: 'POST', body: [{ regularPrice: centsToEuros(s.regularPriceCents), tariff: { id: s.tariffId }, eventId: s.eventId, uitpasNumber: s.uitpasNumber }] },
          signal,
          sent,
        );
        if (res.status !== 200 && res.status !== 201) return failure(res, true);
        const body = await readJson(res);
        const first = Array.isArray(body) ? (body[0] as Record<string, unknown> | undefined) : undefined;
        const id = str(first?.id);
        // A 200 without an id: registered, but Instap cannot cancel it later; look it up instead.
        if (!id) return { ok: false as const, kind: 'unavailable' as const, reason: 'unavailable' as const, uncertain: true };
        const tariff = first?.tariff as { price?: unknown } | undefined;
        return { ok: true as const, ticketSaleId: id, tariffPriceCents: eurosToCents(tariff?.price) };
      }),

    sales: (eventId, maxPages = 20) =>
      guarded('ticket sale lookup', false, async (signal) => {
        const out: UitpasSaleRecord[] = [];
        const limit = 100;
        for (let page = 0; page < maxPages; page++) {
          const res = await session.request('/ticket-sales', { method: 'GET', query: { eventId, start: String(page * limit), limit: String(limit) } }, signal);
          if (res.status !== 200) return failure(res, false);
          const body = (await readJson(res)) as { member?: unknown; totalItems?: unknown } | undefined;
          if (!body || !Array.isArray(body.member)) throw new Unavailable('ticket sales answer lacks member[]');
          for (const m of body.member as Record<string, unknown>[]) {
            const id = str(m?.id);
            if (!id) continue;
            out.push({ id, uitpasNumber: str(m.uitpasNumber), tariffId: str((m.tariff as { id?: unknown } | undefined)?.id), regularPriceCents: eurosToCents(m.regularPrice) });
          }
          const total = typeof body.totalItems === 'number' ? body.totalItems : 0;
          if (body.member.length < limit || out.length >= total) break;
        }
        return { ok: true as const, sales: out };
      }),

    cancel: (ticketSaleId) =>
      guarded('ticket sale cancel', true, async (signal) => {
        const res = await session.request(`/ticket-sales/${encodeURIComponent(ticketSaleId)}`, { method: 'DELETE' }, signal);
        if (res.status >= 200 && res.status < 300) {
          await res.body?.cancel().catch(() => {});
          return { ok: true as const, gone: false };
        }
        if (res.status === 404) {
          await res.body?.cancel().catch(() => {});
          return { ok: true as const, gone: true };
        }
        return failure(res, true);
      }),
  };
}
