/** Messages as staff see them in the console, the call list and the dev mailbox. */
import type { StaffMessage } from '@instap/core/appointments';
import type { Language } from '@instap/core';
import type { MessageRow } from '../db/schema-messages.js';

export function staffMessage(m: MessageRow): StaffMessage {
  return {
    id: m.id,
    kind: m.kind,
    channel: m.channel,
    status: m.status,
    language: m.language as Language,
    recipient: { name: m.recipientName, email: m.recipientEmail, phone: m.recipientPhone },
    subject: m.subject,
    // A sign-in link is for its recipient only: colleagues who see the list must not be able to use it.
    text: m.kind === 'sign-in-link' ? m.text.replace(/https?:\/\/\S+/g, '[link verborgen]') : m.text,
    attempts: m.attempts,
    lastError: m.lastError,
    nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    registrationId: m.registrationId,
    appointmentId: m.appointmentId,
  };
}
