/**
 * "Zet in je agenda": an iCalendar file (RFC 5545) with one event per session. Pure, so the
 * widget offers it as a download and the server attaches the same text to its e-mails.
 * Times are written in UTC ("Z" form), so no VTIMEZONE is needed; calendars show local time.
 */

export interface CalendarSession {
  startsAt: string | Date;
  endsAt: string | Date;
}

export interface CalendarInput {
  /** Stable id of the activity (or registration); every session gets its own UID from it. */
  uid: string;
  title: string;
  location?: string | null;
  description?: string | null;
  sessions: readonly CalendarSession[];
  /** Host part of each UID, e.g. the server's host name. */
  domain?: string;
  /** DTSTAMP: when the file was made; injected so the output is testable. */
  now?: Date;
  /** PRODID organisation part. */
  productId?: string;
}

const CRLF = '\r\n';

/** Escapes TEXT values: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** 20260307T090000Z */
export function icsDate(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): the rest continues on a new line that
 * starts with one space. Never splits a UTF-8 character (Arabic, Ukrainian titles).
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(CRLF + ' ');
}

/** The whole VCALENDAR text, CRLF line ends, ready for a `text/calendar` download. */
export function calendarIcs(input: CalendarInput): string {
  const domain = input.domain ?? 'instap';
  const stamp = icsDate(input.now ?? new Date());
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${input.productId ?? 'Instap'}//Instap//NL`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  input.sessions.forEach((s, i) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`${input.uid}-${i + 1}@${domain}`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsDate(s.startsAt)}`,
      `DTEND:${icsDate(s.endsAt)}`,
      `SUMMARY:${escapeText(input.title)}`,
    );
    if (input.location) lines.push(`LOCATION:${escapeText(input.location)}`);
    if (input.description) lines.push(`DESCRIPTION:${escapeText(input.description)}`);
    lines.push('END:VEVENT');
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
