import type { Language } from '@instap/core/rules';
import nl, { type Messages } from './nl.js';
import type { More } from './nl-more.js';

/** Each language in its own words, for the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
  uk: 'Українська',
};

// Dutch ships in the main file; the others are separate chunks, loaded when a family picks one.
const loaders: Record<Exclude<Language, 'nl'>, () => Promise<{ default: Messages & More }>> = {
  fr: () => import('./fr.js'),
  en: () => import('./en.js'),
  ar: () => import('./ar.js'),
  tr: () => import('./tr.js'),
  uk: () => import('./uk.js'),
};

export function isLanguage(value: string | null | undefined): value is Language {
  return !!value && value in LANGUAGE_NAMES;
}

/** "fr-BE" → "fr"; anything we do not speak → null. */
export function pickLanguage(value: string | null | undefined): Language | null {
  const code = (value ?? '').toLowerCase().split(/[-_]/)[0];
  return isLanguage(code) ? code : null;
}

export async function loadMessages(lang: Language): Promise<Messages> {
  return lang === 'nl' ? nl : (await loaders[lang]()).default;
}

/** Texts of the screens that load later; Dutch has them in a chunk of their own. */
export async function loadMore(lang: Language): Promise<More> {
  return lang === 'nl' ? (await import('./nl-more.js')).default : (await loaders[lang]()).default;
}

export { nl };
export type { Messages, More };
