import { describe, expect, it } from 'vitest';
import { calendarIcs, escapeText, foldLine, icsDate } from './calendar.js';

const sessions = [
  { startsAt: '2026-03-07T09:00:00.000Z', endsAt: '2026-03-07T10:00:00.000Z' },
  { startsAt: '2026-03-14T09:00:00Z', endsAt: '2026-03-14T10:00:00Z' },
];
const now = new Date('2026-02-01T12:34:56.789Z');
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('calendarIcs', () => {
  it('writes one event per session with UTC times, CRLF lines and a UID each', () => {
    const ics = calendarIcs({ uid: 'act-1', title: 'Zwemlessen', location: 'Zwembad Abdijkaai', sessions, now, domain: 'instap.example' });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART:20260307T090000Z\r\nDTEND:20260307T100000Z');
    expect(ics).toContain('DTSTART:20260314T090000Z');
    expect(ics).toContain('DTSTAMP:20260201T123456Z');
    const uids = ics.match(/^UID:[^\r\n]*/gm)!;
    expect(uids).toEqual(['UID:act-1-1@instap.example', 'UID:act-1-2@instap.example']);
    expect(ics).not.toContain('VTIMEZONE');
  });

  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    const ics = calendarIcs({ uid: 'x', title: 'Kamp; sport, spel', description: 'Breng mee:\nzwemgerief', sessions: [sessions[0]], now });
    expect(ics).toContain('SUMMARY:Kamp\\; sport\\, spel\r\n');
    expect(ics).toContain('DESCRIPTION:Breng mee:\\nzwemgerief\r\n');
  });

  it('folds lines longer than 75 octets without splitting a character', () => {
    const title = 'Zwemlessen voor kinderen '.repeat(6) + 'мистецтво та музика для дітей '.repeat(4);
    const ics = calendarIcs({ uid: 'x', title, sessions: [sessions[0]], now });
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    // Unfolding gives back the escaped title.
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:${escapeText(title)}\r\n`);
    expect(foldLine('short')).toBe('short');
    expect(ics).not.toContain('\uFFFD');
  });

  it('rejects a date that is not a date', () => {
    expect(icsDate('2026-03-07T10:00:00+01:00')).toBe('20260307T090000Z');
    expect(() => icsDate('nope')).toThrow(RangeError);
  });
});
