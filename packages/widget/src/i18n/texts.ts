import type { Language } from '@instap/core/rules';
import { loadMore, type More } from './index.js';

/**
 * The texts of a lazy screen in the host's current language. They load once per language; the
 * host draws again when they arrive (until then the screen shows "loading").
 */
export class Texts {
  #lang = '';
  x?: More;
  constructor(private host: { requestUpdate(): void }) {}

  get(lang: string): More | undefined {
    if (lang !== this.#lang) {
      this.#lang = lang;
      loadMore(lang as Language).then((x) => {
        if (this.#lang === lang) {
          this.x = x;
          this.host.requestUpdate();
        }
      }, () => (this.#lang = ''));
    }
    return this.x;
  }
}
