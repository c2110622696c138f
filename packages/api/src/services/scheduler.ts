/**
 * What happens on time, without anyone pressing a button: draws at their time, offers that
 * expire, reserved places released to the waiting list, and interest-list families told that
 * they can register. Every step locks what it changes, so several server processes may run it.
 */
import type { Language } from '@instap/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../context.js';
import type { Db } from '../db/client.js';
import { activities, registrations } from '../db/schema.js';
import { enqueueMessage } from '../messages/outbox.js';
import { ApiError } from '../errors.js';
import { occupancy, toPublicActivity } from './activities.js';
import { dueDraws, runDraw } from './draw.js';
import { notifyInterest } from './interest.js';
import { followUpPayments } from './payment-followup.js';
import { applyRetention } from './retention.js';
import { checkPendingPasses, type UitpasClientFactory } from './uitpas-checks.js';
import { runUitpasSales, type SalesReport, type TicketSalesClientFactory } from './uitpas-sales.js';
import { expireOffers, refillFromWaitlist } from './waitlist.js';

export interface TickReport {
  anonymised: number;
  passes: number;
  draws: number;
  expired: number;
  offered: number;
  told: number;
  /** Payments past due put on the call list, and unpaid registrations cancelled (only where the organisation asked). */
  paymentCalls: number;
  paymentCancellations: number;
  /** UiTPAS ticket sales worked this tick (registered, cancelled, refused, still waiting). */
  sales: SalesReport;
}

export async function tick(db: Db, now: Date, publicOrigin: string, opts: { uitpas?: UitpasClientFactory; uitpasSales?: TicketSalesClientFactory; retentionDays?: number; secretKey?: Buffer } = {}): Promise<TickReport> {
  const ctx = { publicOrigin };
  let draws = 0;
  for (const id of await dueDraws(db, now)) {
    try {
      await runDraw(db, id, now, { ...ctx, secretKey: opts.secretKey });
      draws++;
    } catch (e) {
      // Another process ran it first, or the window was moved: nothing to do. A seed this
      // server cannot open (another INSTAP_SECRET_KEY) must not pass in silence.
      if (!(e instanceof ApiError)) throw e;
      if (e.status >= 500 || e.code === 'draw_seed_mismatch') console.error(`Draw ${id} did not run: ${e.code}`);
    }
  }
  const expired = await expireOffers(db, now, ctx);
  // Released reserved places (and any other free place) go to the waiting list.
  const withWaitlist = await db
    .selectDistinct({ id: registrations.activityId })
    .from(registrations)
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .where(and(eq(registrations.status, 'waitlisted'), isNull(activities.withdrawnAt)));
  let offered = 0;
  for (const { id } of withWaitlist) offered += (await refillFromWaitlist(db, id, now, ctx)).length;
  const told = await notifyInterest(db, now, async (tx, row, rec) => {
    const activity = toPublicActivity(rec, await occupancy(tx, rec.activity.id), now, row.language as Language);
    await enqueueMessage(
      tx,
      {
        kind: 'interest-reopened',
        organisationId: row.organisationId,
        to: { name: row.name, email: row.email, phone: row.phone, language: row.language as 'nl' },
        activity,
        registerUrl: `${publicOrigin}/a/${rec.activity.id}`,
        opensAt: null,
      },
      { now, publicOrigin },
    );
  });
  const passes = await checkPendingPasses(db, now, publicOrigin, { makeClient: opts.uitpas, secretKey: opts.secretKey });
  const payments = await followUpPayments(db, now, ctx);
  const sales = await runUitpasSales(db, now, { makeClient: opts.uitpasSales, secretKey: opts.secretKey });
  const removed = await applyRetention(db, now, opts.retentionDays);
  return { anonymised: removed.registrations, passes, draws, expired, offered, told, paymentCalls: payments.calls, paymentCancellations: payments.cancelled, sales };
}

/** Runs `tick` every `intervalMs` until stopped; a failing tick is logged and tried again next time. */
export function startScheduler(opts: { db: Db; clock: Clock; publicOrigin: string; intervalMs?: number; retentionDays?: number; secretKey?: Buffer }) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  // The next tick is planned when this one ends, so a slow tick never overlaps the next.
  const run = () => {
    running = tick(opts.db, opts.clock(), opts.publicOrigin, { retentionDays: opts.retentionDays, secretKey: opts.secretKey })
      .then(() => undefined)
      .catch((e) => console.error('Scheduler tick failed:', e))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, opts.intervalMs ?? 30_000);
      });
  };
  run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
