/**
 * "Lees voor": the current step, read aloud in the family's language. Behind its button in a
 * chunk of its own: most families never tap it.
 */
import type { InstapRegistration } from './registration.js';

export function readAloud(r: InstapRegistration) {
  const synth = speechSynthesis;
  synth.cancel();
  if (r.speaking) return (r.speaking = false);
  const u = new SpeechSynthesisUtterance(r.renderRoot.querySelector<HTMLElement>('.content')?.innerText ?? '');
  u.lang = r.m.locale;
  u.onend = u.onerror = () => (r.speaking = false);
  synth.speak(u);
  r.speaking = true;
}
