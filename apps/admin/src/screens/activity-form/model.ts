/**
 * The activity form as staff fill it in (texts, euros, Brussels times) and the body the API wants
 * (cents, UTC instants, nulls to clear). Kept apart from the component so both directions are
 * plain functions.
 */
import { UITDATABANK_EVENT_ID_PATTERN } from '@instap/core';
import { centsToInput, fromLocalInput, parseEuro, toLocalInput } from '../../format.js';
import type { FieldError } from '../../ui/errors.js';
import type { AdminActivity } from '../activities.js';

export interface SessionInput {
  startsAt: string;
  endsAt: string;
}

/** The families' other languages, in the order the widget offers them. */
export const TRANSLATION_LANGUAGES = [
  ['fr', 'Frans', 'Français', 'ltr'],
  ['en', 'Engels', 'English', 'ltr'],
  ['ar', 'Arabisch', 'العربية', 'rtl'],
  ['tr', 'Turks', 'Türkçe', 'ltr'],
  ['uk', 'Oekraïens', 'Українська', 'ltr'],
] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number][0];
export interface TextsInput {
  title: string;
  summary: string;
  location: string;
  whatToBring: string;
}
const emptyTexts = (): TextsInput => ({ title: '', summary: '', location: '', whatToBring: '' });

export interface ActivityForm {
  title: string;
  summary: string;
  location: string;
  kind: string;
  ageMin: string;
  ageMax: string;
  sessions: SessionInput[];
  capacity: string;
  reservedPlaces: string;
  reservedUntil: string;
  price: string;
  kanspasPrice: string;
  opensAt: string;
  closesAt: string;
  mode: 'first-come' | 'lottery';
  drawAt: string;
  lateJoinUntil: string;
  whatToBring: string;
  allowedOrigins: string;
  uitdatabankEventId: string;
  translations: Record<TranslationLanguage, TextsInput>;
}

export const emptyForm = (): ActivityForm => ({
  title: '',
  summary: '',
  location: '',
  kind: '',
  ageMin: '',
  ageMax: '',
  sessions: [{ startsAt: '', endsAt: '' }],
  capacity: '',
  reservedPlaces: '0',
  reservedUntil: '',
  price: '',
  kanspasPrice: '',
  opensAt: '',
  closesAt: '',
  mode: 'first-come',
  drawAt: '',
  lateJoinUntil: '',
  whatToBring: '',
  allowedOrigins: '',
  uitdatabankEventId: '',
  translations: { fr: emptyTexts(), en: emptyTexts(), ar: emptyTexts(), tr: emptyTexts(), uk: emptyTexts() },
});

export function formFrom(a: AdminActivity, origins: string[]): ActivityForm {
  return {
    title: a.title,
    summary: a.summary,
    location: a.location,
    kind: a.kind ?? '',
    ageMin: a.ageMin?.toString() ?? '',
    ageMax: a.ageMax?.toString() ?? '',
    sessions: a.sessions.map((s) => ({ startsAt: toLocalInput(s.startsAt), endsAt: toLocalInput(s.endsAt) })),
    capacity: String(a.capacity),
    reservedPlaces: String(a.reservedPlaces),
    reservedUntil: toLocalInput(a.reservedUntil),
    price: centsToInput(a.priceCents),
    kanspasPrice: centsToInput(a.kanspasCents),
    opensAt: toLocalInput(a.registration.opensAt),
    closesAt: toLocalInput(a.registration.closesAt),
    mode: a.registration.mode,
    drawAt: toLocalInput(a.registration.drawAt),
    lateJoinUntil: toLocalInput(a.registration.lateJoinUntil),
    whatToBring: a.whatToBring.join('\n'),
    allowedOrigins: origins.join('\n'),
    uitdatabankEventId: a.uitdatabankEventId ?? '',
    translations: Object.fromEntries(
      TRANSLATION_LANGUAGES.map(([l]) => {
        const t = a.translations?.[l] ?? {};
        return [l, { title: t.title ?? '', summary: t.summary ?? '', location: t.location ?? '', whatToBring: (t.whatToBring ?? []).join('\n') }];
      }),
    ) as ActivityForm['translations'],
  };
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
export const originsOf = (f: ActivityForm) => lines(f.allowedOrigins).map((o) => o.replace(/\/$/, ''));

/**
 * Checks what only the form can know (an amount that is not a number, a date that is not a
 * date) and builds the body. The API checks the rest and answers by field path.
 */
export function toBody(f: ActivityForm): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const need = (ok: boolean, field: string, message: string) => void (ok || errors.push({ field, message }));
  need(f.title.trim() !== '', 'f-title', 'Vul de titel in.');
  need(f.location.trim() !== '', 'f-location', 'Vul de plaats in.');
  f.sessions.forEach((s, i) => {
    need(fromLocalInput(s.startsAt) !== null, `f-sessions-${i}-startsAt`, `Geef de datum en het uur waarop les ${i + 1} begint.`);
    need(fromLocalInput(s.endsAt) !== null, `f-sessions-${i}-endsAt`, `Geef de datum en het uur waarop les ${i + 1} eindigt.`);
  });
  need((int(f.capacity) ?? 0) >= 1, 'f-capacity', 'Geef het aantal plaatsen, minstens 1.');
  need(int(f.reservedPlaces || '0') !== null, 'f-reservedPlaces', 'Geef het aantal voorbehouden plaatsen als getal, zoals 3.');
  need(parseEuro(f.price) !== null, 'f-priceCents', 'Geef de prijs in euro, zoals 40 of 12,50.');
  need(!f.kanspasPrice.trim() || parseEuro(f.kanspasPrice) !== null, 'f-kanspasCents', 'Geef de prijs met kansenpas in euro, zoals 8 of 2,50.');
  need(fromLocalInput(f.opensAt) !== null, 'f-registration-opensAt', 'Geef aan wanneer het inschrijven opent.');
  for (const [value, id, what] of [
    [f.reservedUntil, 'f-reservedUntil', 'het vrijgeven'],
    [f.closesAt, 'f-registration-closesAt', 'het sluiten'],
    [f.lateJoinUntil, 'f-lateJoinUntil', 'laat aansluiten'],
    ...(f.mode === 'lottery' ? [[f.drawAt, 'f-registration-drawAt', 'de loting']] : []),
  ] as const)
    need(!value.trim() || fromLocalInput(value) !== null, id, `Geef een datum en een uur voor ${what}.`);
  need(!f.uitdatabankEventId.trim() || UITDATABANK_EVENT_ID_PATTERN.test(f.uitdatabankEventId.trim()), 'f-uitdatabankEventId', 'Geef het event-id zoals UiTdatabank het toont, zoals 5a0967f9-cc06-4c3c-9206-30481a767434.');
  need(!f.ageMin.trim() || int(f.ageMin) !== null, 'f-ageMin', 'Geef de laagste leeftijd als getal, zoals 6.');
  need(!f.ageMax.trim() || int(f.ageMax) !== null, 'f-ageMax', 'Geef de hoogste leeftijd als getal, zoals 12.');
  const at = (v: string) => (v.trim() ? fromLocalInput(v) : null);
  const body: Record<string, unknown> = {
    title: f.title.trim(),
    summary: f.summary.trim(),
    location: f.location.trim(),
    ...(f.kind.trim() ? { kind: f.kind.trim() } : {}),
    ...(f.ageMin.trim() ? { ageMin: int(f.ageMin) } : {}),
    ...(f.ageMax.trim() ? { ageMax: int(f.ageMax) } : {}),
    sessions: f.sessions.map((s) => ({ startsAt: fromLocalInput(s.startsAt), endsAt: fromLocalInput(s.endsAt) })),
    capacity: int(f.capacity),
    reservedPlaces: int(f.reservedPlaces || '0'),
    reservedUntil: at(f.reservedUntil),
    priceCents: parseEuro(f.price),
    kanspasCents: f.kanspasPrice.trim() ? parseEuro(f.kanspasPrice) : null,
    registration: { opensAt: at(f.opensAt), closesAt: at(f.closesAt), mode: f.mode, drawAt: f.mode === 'lottery' ? at(f.drawAt) : null },
    lateJoinUntil: at(f.lateJoinUntil),
    whatToBring: lines(f.whatToBring),
    translations: translationsBody(f),
    uitdatabankEventId: f.uitdatabankEventId.trim() || null,
  };
  return { body, errors };
}

/** Only what staff wrote: an empty field means "show the Dutch text". */
function translationsBody(f: ActivityForm) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [l] of TRANSLATION_LANGUAGES) {
    const t = f.translations[l];
    const texts = {
      ...(t.title.trim() ? { title: t.title.trim() } : {}),
      ...(t.summary.trim() ? { summary: t.summary.trim() } : {}),
      ...(t.location.trim() ? { location: t.location.trim() } : {}),
      ...(lines(t.whatToBring).length ? { whatToBring: lines(t.whatToBring) } : {}),
    };
    if (Object.keys(texts).length) out[l] = texts;
  }
  return out;
}
