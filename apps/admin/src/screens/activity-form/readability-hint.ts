/**
 * How easy the Dutch title and summary read, while staff write them: the same Flesch–Douma
 * measure the widget's own texts must pass (core `readability`), said in plain words.
 */
import { MAX_SENTENCE_WORDS, READABILITY_TARGET, readability } from '@instap/core/readability';
import { html, nothing } from 'lit';

export function readabilityHint(title: string, summary: string) {
  const text = [title.trim() && `${title.trim()}.`, summary].filter(Boolean).join('\n');
  if (!text.trim()) return nothing;
  const r = readability(text);
  const easy = r.score >= READABILITY_TARGET && r.longestSentenceWords <= MAX_SENTENCE_WORDS && r.forbidden.length === 0;
  return html`<div class="readability ${easy ? 'readability--ok' : 'readability--work'}" id="readability">
    <p class="readability__verdict">${easy ? 'Makkelijk te lezen' : 'Dit kan eenvoudiger'}</p>
    <p class="hint">Leesbaarheid: ${Math.round(r.score)} (doel: ${READABILITY_TARGET} of meer). Gemiddeld ${r.wordsPerSentence} woorden per zin.</p>
    ${r.longestSentenceWords > MAX_SENTENCE_WORDS
      ? html`<p>Maak de zinnen korter: „${r.longestSentence}” heeft ${r.longestSentenceWords} woorden. Probeer er ${MAX_SENTENCE_WORDS} of minder.</p>`
      : !easy && r.score < READABILITY_TARGET
        ? html`<p>Kies kortere woorden. De langste zin is: „${r.longestSentence}”.</p>`
        : nothing}
    ${r.forbidden.length ? html`<p>Schrap deze woorden: ${r.forbidden.join(', ')}. Ze klinken streng of onduidelijk.</p>` : nothing}
  </div>`;
}
