import { LANGUAGES, MAX_SENTENCE_WORDS, READABILITY_TARGET, readability } from '@instap/core';
import { describe, expect, it } from 'vitest';
import { addWorkdays } from './format.js';
import { MESSAGE_KINDS } from './kinds.js';
import { renderMessage } from './render.js';
import type { MessageInput } from './kinds.js';
import { sampleMessages, samplePayment } from './test-fixtures.js';

const ctx = { now: new Date('2026-03-01T09:00:00Z'), publicOrigin: 'https://instap.example' };
/** A link or an address is not read as a sentence: leave it out of the measure. */
const prose = (text: string) => text.replace(/https?:\/\/\S+/g, '').replace(/\S+@\S+/g, '');

describe('message texts', () => {
  it.each(MESSAGE_KINDS)('Dutch "%s" reads easily: Flesch–Douma ≥ 70, no sentence over 15 words, no forbidden words', (kind) => {
    const r = renderMessage(sampleMessages('org', 'nl')[kind], 'nl', ctx);
    // The subject is the first line the family reads: it is measured with the body.
    const score = readability(`${r.subject}\n${prose(r.text)}`);
    expect(score.score, `${kind}: ${r.text}`).toBeGreaterThanOrEqual(READABILITY_TARGET);
    expect(score.longestSentenceWords, score.longestSentence).toBeLessThanOrEqual(MAX_SENTENCE_WORDS);
    expect(score.forbidden).toEqual([]);
  });

  it.each(LANGUAGES)('every kind is complete in %s', (language) => {
    for (const m of Object.values(sampleMessages('org', language))) {
      const r = renderMessage(m, language, ctx);
      expect(r.subject.length).toBeGreaterThan(5);
      expect(r.text).not.toMatch(/undefined|NaN|null|\[object/);
      // Staff always get Dutch; the family gets its own language.
      expect(r.language).toBe(m.kind === 'appointment-requested' || m.kind === 'sign-in-link' ? 'nl' : language);
    }
  });

  it('a confirmation tells what happens next, every session in Brussels time, place, what to bring, price, who to call and the private link', () => {
    const r = renderMessage(sampleMessages('org', 'nl')['registration-confirmed'], 'nl', ctx);
    expect(r.subject).toBe('Amira en Sami zijn ingeschreven voor Zwemlessen');
    // 15:00 UTC on 1 April is 17:00 in Brussels (summer time).
    expect(r.text).toContain('woensdag 1 april, van 17:00 tot 18:00');
    expect(r.text).toContain('woensdag 8 april, van 17:00 tot 18:00');
    expect(r.text).toContain('Zwembad Lagae, Kortrijk');
    expect(r.text).toContain('- Een handdoek');
    expect(r.text).toMatch(/€\s16/); // Intl puts a no-break space after the euro sign
    expect(r.text).toContain('Bel Zwemclub Kortrijk op 056 11 22 33');
    expect(r.text).toContain('https://instap.example/r/tok_amira');
    expect(r.ics).toContain('BEGIN:VEVENT');
    expect(r.ics).toContain('DTSTART:20260401T150000Z');
    expect(r.ics!.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(r.icsName).toBe('zwemlessen.ics');
  });

  it('only a confirmed place carries a calendar file', () => {
    const all = sampleMessages('org', 'nl');
    const withIcs = MESSAGE_KINDS.filter((k) => renderMessage(all[k], 'nl', ctx).ics);
    expect(withIcs).toEqual(['registration-confirmed', 'draw-result']);
    const waitlisted = renderMessage({ ...all['draw-result'], kind: 'draw-result', status: 'waitlisted', waitlistPosition: 4 } as never, 'nl', ctx);
    expect(waitlisted.ics).toBeNull();
    expect(waitlisted.text).toContain('Jullie zijn nummer 4 op de wachtlijst.');
  });

  it('Arabic is right to left with Latin digits; French and Ukrainian use their own words', () => {
    const ar = renderMessage(sampleMessages('org', 'ar')['offer-made'], 'ar', ctx);
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.text).toContain('12:00');
    expect(renderMessage(sampleMessages('org', 'fr')['registration-waitlisted'], 'fr', ctx).text).toContain('Vous êtes numéro 3.');
    expect(renderMessage(sampleMessages('org', 'uk')['registration-lottery'], 'uk', ctx).subject).toContain('жеребкування');
  });

  it('escapes what organisations and families typed in the HTML', () => {
    const m = sampleMessages('org', 'nl')['registration-confirmed'] as Extract<ReturnType<typeof sampleMessages>['registration-confirmed'], { activity: unknown }>;
    const r = renderMessage({ ...m, activity: { ...m.activity, title: '<script>x</script>' } }, 'nl', ctx);
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('&lt;script&gt;');
  });

  it('a confirmation with something to pay says how, by when (Brussels date) and whom to call, never "nothing more to do"', () => {
    const r = renderMessage(sampleMessages('org', 'nl')['registration-confirmed'], 'nl', ctx);
    expect(r.text).not.toContain('Je hoeft niets meer te doen');
    expect(r.text).toMatch(/Je betaalt €\s16\. Betaal ten laatste op zondag 15 maart\./);
    expect(r.text).toContain('- Rekeningnummer: BE68 5390 0754 7034');
    expect(r.text).toContain('- Op naam van: Zwemclub Kortrijk');
    expect(r.text).toContain('- Mededeling: +++090/9337/55493+++');
    expect(r.text).toContain('Kies daar "Betaal nu online".');
    expect(r.text).toContain('Elke woensdag van 14 tot 17 uur aan het onthaal.');
    expect(r.text).toContain('Is betalen moeilijk? Bel ons: we zoeken samen een oplossing.');
    // The code is never needed, and a mail shows no image of it.
    expect(r.text).toContain('Die hoef je niet te gebruiken.');
    expect(r.html).not.toContain('<img');
  });

  it('paid, waived or free: "nothing more to do" is true again', () => {
    const m = sampleMessages('org', 'nl')['registration-confirmed'] as Extract<MessageInput, { kind: 'registration-confirmed' }>;
    const paid = renderMessage({ ...m, registration: { ...m.registration, payment: { ...samplePayment, status: 'paid', paidCents: 1600, transfer: undefined, onlineUrl: undefined } } }, 'nl', ctx);
    expect(paid.text).toContain('Betaald, dank je.');
    expect(paid.text).toContain('Je hoeft niets meer te doen.');
    expect(paid.text).not.toContain('Rekeningnummer');
    const waived = renderMessage({ ...m, registration: { ...m.registration, payment: { ...samplePayment, status: 'waived', waived: true } } }, 'nl', ctx);
    expect(waived.text).toContain('Je hoeft niets te betalen.');
    expect(waived.text).not.toContain('Mededeling');
  });

  it('a family in the draw or on the waiting list after it pays nothing while it waits', () => {
    const all = sampleMessages('org', 'nl');
    expect(renderMessage(all['registration-lottery'], 'nl', ctx).text).toContain('Je betaalt niets zolang je wacht.');
    const after = renderMessage({ ...all['draw-result'], status: 'waitlisted', waitlistPosition: 2 } as MessageInput, 'nl', ctx);
    expect(after.text).toContain('Je betaalt niets zolang je wacht.');
    expect(after.text).not.toContain('Rekeningnummer');
    expect(renderMessage(all['registration-waitlisted'], 'nl', ctx).text).toContain('Je betaalt niets zolang je op de wachtlijst staat.');
  });

  it('in Arabic the IBAN, the amount and the structured communication stay left to right (isolated)', () => {
    const r = renderMessage(sampleMessages('org', 'ar')['registration-confirmed'], 'ar', ctx);
    expect(r.text).toContain('\u2066BE68 5390 0754 7034\u2069');
    expect(r.text).toContain('\u2066+++090/9337/55493+++\u2069');
    expect(r.text).toMatch(/\u2066[^\u2069]*16[^\u2069]*\u2069/);
    // Dutch text carries no invisible marks: a copied IBAN pastes cleanly into a bank app.
    expect(renderMessage(sampleMessages('org', 'nl')['registration-confirmed'], 'nl', ctx).text).not.toMatch(/[\u2066-\u2069]/);
  });

  it('a staff message names the family, how to reach it, the moment, the language and the question', () => {
    const r = renderMessage(sampleMessages('org', 'nl')['appointment-requested'], 'nl', ctx);
    expect(r.text).toContain('Telefoon: 0470 12 34 56');
    expect(r.text).toContain('Liefst: in de voormiddag');
    expect(r.text).toContain('Taal: Arabisch');
    expect(r.text).toContain('Vraag: Hoe werkt de kanspas?');
    expect(r.text).toContain('Zoek zo nodig een tolk.');
  });

  it('counts workdays in Brussels: Friday evening plus 2 is Tuesday', () => {
    expect(addWorkdays(new Date('2026-03-06T20:00:00Z'), 2)).toBe('2026-03-10');
    expect(addWorkdays(new Date('2026-03-02T09:00:00Z'), 1)).toBe('2026-03-03');
    // 23:30 UTC on Sunday is already Monday in Brussels.
    expect(addWorkdays(new Date('2026-03-01T23:30:00Z'), 1)).toBe('2026-03-03');
  });
});
