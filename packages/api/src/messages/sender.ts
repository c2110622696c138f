/**
 * Delivers the outbox by e-mail. Any number of server processes may run a sender on one
 * PostgreSQL: a batch is claimed with SELECT … FOR UPDATE SKIP LOCKED and marked 'sending' with a
 * lease in one short transaction, so no two processes take the same message; the mail is sent
 * after that commit, never while holding a lock. A process that dies mid-send leaves its
 * messages in 'sending'; once the lease is over, another sender claims them again.
 */
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../context.js';
import type { Db } from '../db/client.js';
import { messages, type MessageRow } from '../db/schema-messages.js';
import { withToken } from './secret-link.js';

/** Minutes to wait after the 1st, 2nd, … failed attempt; the last value repeats. */
export const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360, 720];
export const MAX_ATTEMPTS = 8;
/** Longer than nodemailer's own timeouts (connect 2 min + socket 10 min), so a slow send is not taken twice. */
export const CLAIM_MS = 15 * 60_000;

export function backoffMs(attempts: number): number {
  const i = Math.min(Math.max(attempts, 1), BACKOFF_MINUTES.length) - 1;
  return BACKOFF_MINUTES[i]! * 60_000;
}

/** The part of a nodemailer transport the sender uses (tests may pass their own). */
export type MailTransport = Pick<Transporter, 'sendMail'> & { close?: () => void };

export interface SenderOptions {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  /** The envelope sender, e.g. '"Instap" <no-reply@instap.example>'. */
  from: string;
  batchSize?: number;
  intervalMs?: number;
  maxAttempts?: number;
  claimMs?: number;
  onError?: (err: unknown) => void;
  /** Opens the sealed token of a sign-in link (INSTAP_SECRET_KEY); see secret-link.ts. */
  secretKey?: Buffer;
}

export interface Sender {
  /** Stops the timer and waits for a running batch to finish. */
  stop(): Promise<void>;
  /** Claims and handles one batch now; returns how many messages it claimed (sent or not). */
  runOnce(): Promise<number>;
}

/** A nodemailer transport for SMTP_URL (e.g. smtp://user:pass@mail.example:587), or null: then nothing is sent and the dev mailbox shows the messages. */
export function mailTransportFromEnv(env: NodeJS.ProcessEnv = process.env): Transporter | null {
  const url = env.SMTP_URL?.trim();
  return url ? nodemailer.createTransport(url) : null;
}

/** A recipient the mail server refuses for good (550 no such user): retrying cannot help. */
function isPermanent(err: unknown): boolean {
  const e = err as { responseCode?: number; command?: string; rejected?: unknown[] };
  return typeof e?.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && e.command === 'RCPT TO';
}

const errorText = (err: unknown) => String((err as Error)?.message ?? err).slice(0, 500);

export async function claimBatch(db: Db, now: Date, batchSize: number, claimMs: number): Promise<MessageRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: messages.id })
      .from(messages)
      .where(
        and(
          inArray(messages.channel, ['email', 'staff-email']),
          or(and(eq(messages.status, 'pending'), lte(messages.nextAttemptAt, now)), and(eq(messages.status, 'sending'), lte(messages.claimedUntil, now))),
        ),
      )
      .orderBy(asc(messages.nextAttemptAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(messages)
      .set({ status: 'sending', claimedUntil: new Date(now.getTime() + claimMs), attempts: sql`${messages.attempts} + 1` })
      .where(inArray(messages.id, due.map((d) => d.id)))
      .returning();
  });
}

export function mailFor(m: MessageRow, from: string) {
  return {
    from,
    to: m.recipientName ? { name: m.recipientName, address: m.recipientEmail! } : m.recipientEmail!,
    replyTo: m.replyTo ?? undefined,
    subject: m.subject,
    text: m.text,
    html: m.html ?? undefined,
    // The id lets staff and tests match a delivered mail to its row.
    headers: { 'Content-Language': m.language, 'X-Instap-Message': m.id },
    attachments: m.ics ? [{ filename: m.icsName ?? 'agenda.ics', content: m.ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : [],
  };
}

export function startSender(options: SenderOptions): Sender {
  const { db, clock, transport, from } = options;
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const claimMs = options.claimMs ?? CLAIM_MS;
  const onError = options.onError ?? ((err) => console.error('instap sender:', err));

  async function deliver(m: MessageRow): Promise<void> {
    let mail: ReturnType<typeof mailFor>;
    try {
      mail = mailFor(withToken(m, options.secretKey), from);
    } catch {
      // Sealed by another key (another process without INSTAP_SECRET_KEY, or a changed key): the link cannot be rebuilt.
      await db
        .update(messages)
        .set({ status: 'failed', lastError: 'The sign-in link could not be opened (INSTAP_SECRET_KEY differs); ask for a new link.', claimedUntil: null, nextAttemptAt: null, sealedToken: null })
        .where(and(eq(messages.id, m.id), eq(messages.status, 'sending')));
      return;
    }
    try {
      await transport.sendMail(mail);
      await db
        .update(messages)
        .set({ status: 'sent', sentAt: clock(), claimedUntil: null, lastError: null, sealedToken: null })
        .where(and(eq(messages.id, m.id), eq(messages.status, 'sending')));
    } catch (err) {
      const now = clock();
      const giveUp = m.attempts >= maxAttempts || isPermanent(err);
      await db
        .update(messages)
        .set(
          giveUp
            ? { status: 'failed', lastError: errorText(err), claimedUntil: null, nextAttemptAt: null, sealedToken: null }
            : { status: 'pending', lastError: errorText(err), claimedUntil: null, nextAttemptAt: new Date(now.getTime() + backoffMs(m.attempts)) },
        )
        .where(and(eq(messages.id, m.id), eq(messages.status, 'sending')));
    }
  }

  let running: Promise<number> | null = null;
  const runOnce = (): Promise<number> => {
    // One batch at a time per process; a second call joins the running one.
    running ??= (async () => {
      try {
        const batch = await claimBatch(db, clock(), batchSize, claimMs);
        for (const m of batch) await deliver(m);
        return batch.length;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const intervalMs = options.intervalMs ?? 5_000;
  const tick = async () => {
    timer = null;
    let claimed = 0;
    try {
      claimed = await runOnce();
    } catch (err) {
      onError(err);
    }
    // A full batch means more is waiting: go on at once instead of after the interval.
    if (!stopped) timer = setTimeout(tick, claimed >= batchSize ? 0 : intervalMs);
  };
  if (intervalMs > 0) timer = setTimeout(tick, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}
