/**
 * The outbox. `enqueueMessage` writes the message in the caller's transaction: when the change
 * commits, the message is there to send; when it rolls back, there is no message. The sender
 * (sender.ts) delivers it later, so a slow or broken mail server never fails a registration.
 */
import type { Tx } from '../db/client.js';
import { messages, type MessageRow } from '../db/schema-messages.js';
import type { MessageInput } from './kinds.js';
import { renderMessage, type RenderContext } from './render.js';

export type EnqueueContext = RenderContext;

export interface Enqueued {
  id: string;
  channel: MessageRow['channel'];
  status: MessageRow['status'];
}

/** Who receives it and how: e-mail when there is an address, otherwise a staff member calls. */
function route(m: MessageInput) {
  if (m.kind === 'appointment-requested') {
    const email = m.to.email?.trim();
    return email ? { channel: 'staff-email' as const, email, phone: null, language: 'nl' as const, replyTo: m.family.email ?? null } : null;
  }
  if (m.kind === 'sign-in-link') return { channel: 'staff-email' as const, email: m.to.email, phone: null, language: 'nl' as const, replyTo: null };
  const email = m.to.email?.trim() || null;
  const phone = m.to.phone?.trim() || null;
  const replyTo = (m.kind === 'appointment-received' ? m.organisation.email : m.activity.organisation.email) ?? null;
  if (email) return { channel: 'email' as const, email, phone, language: m.to.language, replyTo };
  // Staff read the call text, so it is in Dutch; the row keeps the family's language, so staff
  // see they may need an interpreter.
  if (phone) return { channel: 'call' as const, email: null, phone, language: m.to.language, replyTo: null };
  return null;
}

/**
 * Renders and stores one message in `tx`. Returns null when there is no one to reach (an
 * organisation without a staff address; a family with neither e-mail nor phone, which the
 * registration rules do not allow).
 */
export async function enqueueMessage(tx: Tx, input: MessageInput, ctx: EnqueueContext): Promise<Enqueued | null> {
  const to = route(input);
  if (!to) return null;
  const rendered = renderMessage(input, to.channel === 'email' ? to.language : 'nl', ctx);
  const [row] = await tx
    .insert(messages)
    .values({
      organisationId: input.organisationId,
      kind: input.kind,
      language: to.language,
      recipientName: input.to.name,
      recipientEmail: to.email,
      recipientPhone: to.phone,
      replyTo: to.replyTo,
      channel: to.channel,
      subject: rendered.subject,
      text: rendered.text,
      html: to.channel === 'call' ? null : rendered.html,
      ics: rendered.ics,
      icsName: rendered.icsName,
      registrationId: 'registration' in input ? input.registration.id : null,
      appointmentId: 'appointmentId' in input ? input.appointmentId : null,
      status: to.channel === 'call' ? 'call' : 'pending',
      nextAttemptAt: to.channel === 'call' ? null : ctx.now,
      createdAt: ctx.now,
    })
    .returning({ id: messages.id, channel: messages.channel, status: messages.status });
  return row!;
}
