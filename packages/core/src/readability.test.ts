import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_WORDS, MAX_SENTENCE_WORDS, READABILITY_TARGET, readability, sentences, syllables, words } from './readability.js';

describe('syllables (Dutch)', () => {
  it.each([
    ['kind', 1],
    ['zwemmen', 2],
    ['inschrijving', 3],
    ['kansenpas', 3],
    ['geïnteresseerd', 5],
    ['ideeën', 3],
    ['huis', 1],
    ['blij', 1],
    ['ouders', 2],
    ['betalen', 3],
    ['Kortrijk', 2],
    ['activiteit', 4],
  ] as const)('%s → %i', (word, n) => {
    expect(syllables(word)).toBe(n);
  });

  it('ignores case and punctuation around a word', () => {
    expect(syllables('Zwemmen!')).toBe(2);
    expect(syllables('"kind",')).toBe(1);
  });

  it('a number counts as one syllable, nothing counts as zero', () => {
    expect(syllables('2016')).toBe(1);
    expect(syllables('')).toBe(0);
    expect(syllables('!?')).toBe(0);
  });

  it('a word with letters always has at least one syllable (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,20}$/), (w) => {
        expect(syllables(w)).toBeGreaterThanOrEqual(1);
        expect(syllables(w)).toBeLessThanOrEqual(w.length);
      }),
    );
  });
});

describe('sentences and words', () => {
  it('splits sentences at . ! ? : and line breaks', () => {
    expect(sentences('Kom zwemmen. Het is leuk! Kom je? Neem mee: een handdoek\nDoorgaan')).toEqual([
      'Kom zwemmen.',
      'Het is leuk!',
      'Kom je?',
      'Neem mee:',
      'een handdoek',
      'Doorgaan',
    ]);
  });

  it('drops empty pieces', () => {
    expect(sentences('\n\n  Hallo.  \n\n')).toEqual(['Hallo.']);
    expect(sentences('')).toEqual([]);
  });

  it('counts words with digits, hyphens and apostrophes as one word', () => {
    expect(words("Het kost € 8 voor 's middags, e-mail mag ook.")).toEqual(['Het', 'kost', '8', 'voor', 's', 'middags', 'e-mail', 'mag', 'ook']);
    expect(words('één kind')).toEqual(['één', 'kind']);
  });
});

describe('readability (Flesch–Douma)', () => {
  it('plain Dutch reaches the target', () => {
    const r = readability('Schrijf je kind in. Het kost 8 euro met de kansenpas. Bel ons als je hulp nodig hebt.');
    expect(r.score).toBeGreaterThanOrEqual(READABILITY_TARGET);
    expect(r.score).toBeGreaterThanOrEqual(70);
    expect(r.sentences).toBe(3);
    expect(r.words).toBe(18);
    expect(r.wordsPerSentence).toBe(6);
    expect(r.longestSentence).toBe('Het kost 8 euro met de kansenpas.');
    expect(r.longestSentenceWords).toBe(7);
    expect(r.longestSentenceWords).toBeLessThanOrEqual(MAX_SENTENCE_WORDS);
    expect(r.forbidden).toEqual([]);
  });

  it('a long bureaucratic sentence scores low and is reported', () => {
    const text =
      'Gelieve het inschrijvingsformulier volledig en correct in te vullen en de nodige bewijsstukken ' +
      'betreffende uw inkomenssituatie tijdig over te maken aan de bevoegde administratieve dienst, ' +
      'teneinde de toekenning van het verminderd tarief te kunnen onderzoeken.';
    const r = readability(`Welkom. ${text}`);
    expect(r.score).toBeLessThan(READABILITY_TARGET);
    expect(r.score).toBeLessThan(40);
    expect(r.longestSentence).toBe(text);
    expect(r.longestSentenceWords).toBe(35);
    expect(r.longestSentenceWords).toBeGreaterThan(MAX_SENTENCE_WORDS);
    expect(r.sentences).toBe(2);
    expect(r.words).toBe(36);
    expect(r.forbidden).toEqual(['gelieve']);
  });

  it('computes the formula: 206,84 − 0,77 × syllables per 100 words − 0,93 × words per sentence', () => {
    // "kind kind kind." → 3 words, 3 syllables, 1 sentence: 206.84 − 77 − 2.79 = 127.05 → 127.1
    const r = readability('kind kind kind.');
    expect(r.syllablesPer100Words).toBe(100);
    expect(r.wordsPerSentence).toBe(3);
    expect(r.score).toBeCloseTo(127.1, 5);
  });

  it('reports jargon: technical words always, other terms unless the same text explains them', () => {
    expect(readability('Scan de QR-code. Log in met je account.').unexplained).toEqual(['qr', 'qr-code', 'account']);
    expect(readability('Vul het nummer van je UiTPAS in.').unexplained).toEqual(['uitpas']);
    expect(readability('Vul het nummer van je UiTPAS in. Het staat op je pas.').unexplained).toEqual([]);
    expect(readability('Je kind staat op de wachtlijst.').unexplained).toEqual([]);
    // Compounds, plurals and other forms count too.
    expect(readability('Vul je UiTPAS-nummer in.').unexplained).toEqual(['uitpas']);
    expect(readability('Scan de QR-codes. Heb je accounts? Ben je ingelogd?').unexplained).toEqual(['qr', 'qr-code', 'ingelogd', 'account']);
  });

  it('reports forbidden words, whatever their case', () => {
    expect(readability('Sorry, dit nummer is ongeldig.').forbidden).toEqual(['ongeldig', 'sorry']);
    expect(readability('GELIEVE te betalen. Een foutieve datum.').forbidden).toEqual(['gelieve', 'foutieve']);
    expect(readability('Een ongeldige code.').forbidden).toEqual(['ongeldige']);
  });

  it('only whole words count as forbidden', () => {
    // "sorryyy" and "geldig" are not on the list.
    expect(readability('Dit is geldig. Sorryyy.').forbidden).toEqual([]);
  });

  it('every forbidden word is found in a sentence that uses it (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORBIDDEN_WORDS), fc.constantFrom('', 'Hallo. ', 'Kom zwemmen! '), (w, prefix) => {
        expect(readability(`${prefix}Dit is ${w}.`).forbidden).toContain(w);
      }),
    );
  });

  it('an empty text scores 100 and has no sentences', () => {
    expect(readability('')).toMatchObject({ score: 100, words: 0, sentences: 0, longestSentence: '', longestSentenceWords: 0, forbidden: [] });
  });

  it('longer sentences of the same words never score higher (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (a, b) => {
        const sentence = (n: number) => `${Array(n).fill('kind').join(' ')}.`;
        const [short, long] = a <= b ? [a, b] : [b, a];
        expect(readability(sentence(long)).score).toBeLessThanOrEqual(readability(sentence(short)).score);
      }),
    );
  });
});
