/**
 * The widget lives on pages we do not control. Page rules can reach the host element (`* {
 * font-size: 30px !important }`, `html { font-size: 62.5% }` in many themes) but nothing inside
 * the shadow root: so `.root` starts from `all: initial` and sets its own type, sized from the
 * family's own browser setting (`large`: 18px at the usual 16px), never from the page.
 * Everything a club may change goes through --instap-* custom properties and ::part.
 */
export const styles = `
  :host {
    display: block;
    contain: layout;
    --_bg: var(--instap-color-background, #fff);
    --_primary: var(--instap-color-primary, #0b5cad);
    --_radius: var(--instap-radius, 6px);
    --_error: var(--instap-color-error, #b3261e);
    --_muted: var(--instap-color-muted, #4b5563);
    --_surface: var(--instap-color-surface, #f3f4f6);
    --_focus: var(--instap-color-focus, #1b1b1b);
  }
  /* Inside "Hulp nodig?" of the registration: no second frame. */
  :host([embedded]) .root {
    padding: 0;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  .root {
    all: initial;
    display: block;
    color: var(--instap-color-text, #1b1b1b);
    background: var(--_bg);
    font: var(--instap-font-size, large) / 1.5 var(--instap-font-family, system-ui, sans-serif);
    max-width: 40em;
    padding: 1em;
    overflow-wrap: anywhere;
    text-align: start;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3 {
    line-height: 1.25;
    margin: 1em 0 0.5em;
  }
  h2 {
    font-size: 1.5em;
  }
  h3 {
    font-size: 1.125em;
  }
  .heading {
    margin-top: 0.25em;
  }
  p,
  ul,
  dl,
  fieldset {
    margin: 0 0 1em;
  }
  ul {
    padding-inline-start: 1.25em;
  }
  /*
   * The heading takes focus on every step: outlined only for keyboard users (:focus-visible).
   * Two rules: a browser without :focus-visible (Safari before 15.4) drops a whole rule that names it.
   */
  .error-summary:focus,
  .notice:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a.tel {
    display: inline-block;
    min-height: 44px;
    padding: 0.3em 0;
    font-weight: 700;
    font-size: 1.1em;
  }
  .caption,
  .hint {
    color: var(--_muted);
  }
  .caption {
    margin: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 1em;
    font-size: 0.9em;
  }
  /* A label: bold, and so is its text. */
  /* Wraps under "Taal" when the text is large on a narrow phone (320 px at 200 %). */
  .lang {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  /* The text fields (and only they) carry part="input". */
  select,
  [part='input'] {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 2px solid #4b5563;
    border-radius: var(--_radius);
    min-height: 44px;
    padding: 0.35em 0.5em;
  }
  [part='input'] {
    display: block;
    width: 100%;
    max-width: 22em;
  }
  input.narrow {
    max-width: 6em;
  }
  /* A link that opens the organisation's booking page (a.button.primary) looks like the button it acts as. */
  button,
  .button {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
  }
  button {
    font: inherit;
    justify-content: center;
    min-width: 44px;
    border: 2px solid var(--_primary);
    cursor: pointer;
    margin: 0 0 1em;
  }
  .primary {
    background: var(--_primary);
    color: var(--instap-color-primary-text, #fff);
    font-weight: 700;
  }
  .danger {
    background: var(--_error);
    border-color: var(--_error);
  }
  .secondary {
    background: var(--_bg);
    color: var(--_primary);
  }
  .small {
    padding: 0.25em 0.75em;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .link {
    background: none;
    border: 0;
    color: var(--_primary);
    text-decoration: underline;
    padding: 0.25em 0;
    margin: 0;
    min-width: 0;
  }
  .back {
    margin-bottom: 0.5em;
  }
  .back::before {
    content: '‹ ';
  }
  /* .root always carries dir; :dir() in a selector list would drop the whole rule on Safari 15. */
  [dir='rtl'] .back::before {
    content: '› ';
  }
  .field {
    margin-bottom: 1.25em;
  }
  .invalid,
  .child {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75em;
  }
  .invalid input {
    border-color: var(--_error);
  }
  label {
    display: block;
    font-weight: 700;
    margin-bottom: 0.25em;
  }
  .hint,
  .error {
    margin: 0 0 0.35em;
  }
  .error {
    color: var(--_error);
    font-weight: 700;
  }
  fieldset {
    border: 0;
    padding: 0;
    min-width: 0;
  }
  .child {
    border-color: var(--_surface);
  }
  legend {
    font-weight: 700;
    padding: 0;
    margin-bottom: 0.5em;
  }
  legend.hint {
    font-weight: 400;
  }
  .check {
    display: flex;
    gap: 0.75em;
    align-items: center;
    margin-bottom: 1em;
  }
  .check input {
    width: 32px;
    height: 32px;
    margin: 6px 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .check label {
    margin: 0;
    min-height: 44px;
    display: flex;
    align-items: center;
  }
  .box,
  .error-summary,
  .notice {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin-bottom: 1em;
  }
  .box p:last-child {
    margin-bottom: 0;
  }
  .error-summary,
  .notice {
    background: none;
    border: 4px solid var(--_error);
    margin-bottom: 1.25em;
  }
  .error-summary h2,
  .notice h3 {
    margin-top: 0;
    font-size: 1.2em;
  }
  .error-summary ul {
    margin: 0;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
    display: inline-block;
    min-height: 24px;
  }
  /* Check your answers: one row per answer. */
  .row,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  .row {
    border-bottom: 1px solid #d1d5db;
    padding: 0.5em 0;
  }
  dt {
    font-weight: 700;
    flex: 1 1 8em;
  }
  dd {
    margin: 0;
    flex: 2 1 10em;
  }
  dd.action {
    flex: 0 0 auto;
  }
  .line {
    display: block;
  }
  .help {
    border-top: 1px solid #d1d5db;
    margin-top: 1em;
    padding-top: 0.5em;
  }
  .vh {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
