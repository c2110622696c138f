/**
 * What the browser keeps for the family: drafts and the chosen language in localStorage, a result
 * in sessionStorage. When the browser does not let us (private mode, a sandboxed frame, a full
 * store, broken JSON), the widget still works; it only forgets on reload.
 */
export function local<T>(use: (s: Storage) => T, which: 'localStorage' | 'sessionStorage' = 'localStorage'): T | undefined {
  try {
    return use(window[which]);
  } catch {
    /* blocked, full, or broken JSON: start fresh */
  }
}

