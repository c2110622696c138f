/**
 * Plain Dutch, measured. Flesch–Douma: 206.84 − 0.77 × syllables per 100 words − 0.93 × words
 * per sentence. 70 or more reads easily; families read the widget on a phone, often in a second
 * language, so every Dutch screen must reach it, and no sentence may run past 15 words.
 */

export const READABILITY_TARGET = 70;
export const MAX_SENTENCE_WORDS = 15;

/** Words the widget must not use: stiff, blaming or unexplained. */
export const FORBIDDEN_WORDS = ['gelieve', 'ongeldig', 'ongeldige', 'foutief', 'foutieve', 'sorry'] as const;

/**
 * Jargon a family may not know. A term with an explanation may appear only on a screen that also
 * says what it is (the pattern); a technical term (null) never appears at all.
 */
export const JARGON: Readonly<Record<string, RegExp | null>> = {
  uitpas: /staat op je pas/i,
  qr: null,
  'qr-code': null,
  inloggen: null,
  ingelogd: null,
  login: null,
  account: null,
  wachtwoord: null,
  token: null,
  url: null,
  ics: null,
  server: null,
  browser: null,
  upload: null,
  uploaden: null,
  cookies: null,
  validatie: null,
  status: null,
  error: null,
  api: null,
  sessie: null,
  // Paying: the screens say "rekeningnummer" and "mededeling", never the bank's own codes.
  iban: null,
  bic: null,
  ogm: null,
  vcs: null,
  mollie: null,
  checkout: null,
};

const VOWEL_GROUP = /(?:ij|[aeiouyàáâäèéêëíîïóôöúûü])+/g;

/** Dutch syllables, counted as vowel groups ("ij" is one vowel; "ë" and "ï" start a new one). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-zà-ÿ]/g, '');
  if (!w) return /\d/.test(word) ? 1 : 0;
  // A diaeresis marks a new syllable: "geïnteresseerd", "ideeën".
  const parts = w.split(/(?=[ëïöü])/);
  let n = 0;
  for (const p of parts) n += (p.match(VOWEL_GROUP) ?? []).length;
  return Math.max(1, n);
}

/** Sentences end at . ! ? : or a line break; a heading or button label is a sentence too. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

export interface Readability {
  score: number;
  words: number;
  sentences: number;
  syllablesPer100Words: number;
  wordsPerSentence: number;
  longestSentence: string;
  longestSentenceWords: number;
  forbidden: string[];
  /** JARGON terms on this text without their explanation. */
  unexplained: string[];
}

/** Each word, the parts of a hyphenated one ("uitpas-nummer"), and each without a plural ending ("accounts"). */
function wordForms(lower: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of lower)
    for (const part of [w, ...w.split('-')]) for (const form of [part, part.replace(/s$/, ''), part.replace(/en$/, '')]) out.add(form);
  return out;
}

export function readability(text: string): Readability {
  const ss = sentences(text);
  const ws = ss.flatMap(words);
  const syl = ws.reduce((n, w) => n + syllables(w), 0);
  const perHundred = ws.length ? (syl / ws.length) * 100 : 0;
  const perSentence = ss.length ? ws.length / ss.length : 0;
  let longest = '';
  let longestWords = 0;
  for (const s of ss) {
    const n = words(s).length;
    if (n > longestWords) [longest, longestWords] = [s, n];
  }
  const lower = ws.map((w) => w.toLowerCase());
  return {
    score: ws.length ? Math.round((206.84 - 0.77 * perHundred - 0.93 * perSentence) * 10) / 10 : 100,
    words: ws.length,
    sentences: ss.length,
    syllablesPer100Words: Math.round(perHundred * 10) / 10,
    wordsPerSentence: Math.round(perSentence * 10) / 10,
    longestSentence: longest,
    longestSentenceWords: longestWords,
    forbidden: FORBIDDEN_WORDS.filter((f) => lower.includes(f)),
    unexplained: Object.entries(JARGON)
      .filter(([term, explained]) => wordForms(lower).has(term) && !explained?.test(text))
      .map(([term]) => term),
  };
}
