/** One catalogue per language the widget offers; `satisfies` makes a missing language fail the type check. */
import type { Language } from '@instap/core';
import { ar } from './ar.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import { tr } from './tr.js';
import type { Catalogue } from './types.js';
import { uk } from './uk.js';

export const catalogues = { nl, fr, en, ar, tr, uk } satisfies Record<Language, Catalogue>;

/** A language we do not know (an old row, a typo) falls back to Dutch rather than failing a send. */
export const catalogueFor = (language: string): Catalogue => catalogues[language as Language] ?? nl;

export type { Catalogue, Texts, Vars } from './types.js';
