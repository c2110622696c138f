/** "Zet in je agenda": a chunk of its own with the .ics builder, fetched only on a tap. */
import type { PublicActivity } from '@instap/core/schemas';
import { calendarIcs } from '@instap/core/calendar';
import type { Messages } from './i18n/index.js';

export function downloadIcs(m: Messages, a: PublicActivity, uid: string, base: string, now: Date) {
  const ics = calendarIcs({
    uid,
    title: a.title,
    location: a.location,
    description: a.whatToBring.length ? `${m.bringText}\n${a.whatToBring.join('\n')}` : null,
    sessions: a.sessions,
    domain: new URL(base).host,
    now,
  });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${a.title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40) || 'instap'}.ics`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
