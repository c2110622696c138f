/**
 * The element base of the widget: what it needs of LitElement, in a fraction of the bytes.
 * lit-html draws the templates (the same `html`, `nothing` and directives); this class gives
 * declared properties that draw again when they change (one draw per microtask, however many
 * change), attributes that set them, the styles in the shadow root and `updateComplete`.
 *
 * Why not LitElement: its base class (ReactiveElement) is 2.4 KB of the 15 KB every family
 * downloads, for controllers, converters, decorators and property options the widget never uses.
 * The behaviour kept is LitElement's own, so the templates read the same:
 * - `static get properties()` declares reactive properties: `{}` follows the lower-case attribute,
 *   `attribute: 'api-base'` another one, `attribute: false` or `state: true` none;
 *   `type: Boolean` reads presence; `reflect: true` (Booleans only) writes the attribute back.
 * - A change calls `requestUpdate(name, old)`; the first draw waits for the first connection.
 * - `willUpdate(changed)` runs before each draw, with the old value of every changed property;
 *   what it sets joins that same draw.
 * - Event listeners in templates are called with the element as `this` (lit-html's `host`).
 * - A property set before the element was defined (an own property) is taken over on connection.
 * - Styles are a constructed style sheet shared by every instance; a browser without them
 *   (Safari before 16.4) gets a `<style>` element.
 */
import { render } from 'lit/html.js';

export interface PropertyDeclaration {
  attribute?: string | false;
  state?: boolean;
  type?: BooleanConstructor;
  reflect?: boolean;
}
export type PropertyDeclarations = Record<string, PropertyDeclaration>;
export type Changed = Map<PropertyKey, unknown>;

/** Per element class: its reactive properties, each with its declaration and attribute (or `false`). */
type Declared = [name: string, declaration: PropertyDeclaration, attribute: string | false][];
const declared = new WeakMap<object, Declared>();
const sheets = new Map<string, CSSStyleSheet>();

export class UpdatingElement extends HTMLElement {
  // Static getters, not static fields: fields compile to static blocks, which Safari before 16.4
  // (the last Safari of many older iPhones is 15) cannot parse, and then nothing shows at all.
  static get properties(): PropertyDeclarations {
    return {};
  }
  /** The shadow root's CSS, one string. */
  static get styles() {
    return '';
  }

  /** Called by the browser once per class, at `customElements.define`: the accessors are made here. */
  static get observedAttributes() {
    const props: Declared = [];
    // Every declaration from this class up to UpdatingElement; a subclass's wins.
    for (let c = this; c !== UpdatingElement; c = Object.getPrototypeOf(c))
      for (const [name, d] of Object.entries(c.hasOwnProperty('properties') ? c.properties : {})) {
        if (props.some(([n]) => n === name)) continue;
        props.push([name, d, d.state ? false : (d.attribute ?? name.toLowerCase())]);
        Object.defineProperty(this.prototype, name, {
          get(this: UpdatingElement) {
            return this.#values.get(name);
          },
          set(this: UpdatingElement, v: unknown) {
            const old = this.#values.get(name);
            this.#values.set(name, v);
            if (!Object.is(old, v)) this.requestUpdate(name, old);
          },
          configurable: true,
        });
      }
    declared.set(this, props);
    return props.flatMap(([, , a]) => a || []);
  }

  readonly renderRoot: ShadowRoot;
  #values = new Map<string, unknown>();
  #changed: Changed = new Map();
  #pending = false;
  #updated: Promise<boolean> = Promise.resolve(true);
  #connect!: () => void;
  #connected = new Promise<void>((r) => (this.#connect = r));
  /** Own properties set before the class was defined: they would hide the accessors. */
  #early = new Map<string, unknown>();

  constructor() {
    super();
    for (const [name] of declared.get(this.constructor)!)
      if (this.hasOwnProperty(name)) {
        this.#early.set(name, this[name as keyof this]);
        delete this[name as keyof this];
      }
    const css = (this.constructor as typeof UpdatingElement).styles;
    this.renderRoot = this.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      let sheet = sheets.get(css);
      if (!sheet) sheets.set(css, (sheet = new CSSStyleSheet())), sheet.replaceSync(css);
      this.renderRoot.adoptedStyleSheets = [sheet];
    } else this.renderRoot.appendChild(document.createElement('style')).textContent = css;
    this.requestUpdate();
  }

  connectedCallback() {
    for (const [name, v] of this.#early) (this as Record<string, unknown>)[name] = v;
    this.#early.clear();
    this.#connect();
  }

  disconnectedCallback() {}

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null) {
    const [name, d] = declared.get(this.constructor)!.find(([, , a]) => a === attribute)!;
    (this as Record<string, unknown>)[name] = d.type === Boolean ? value !== null : value;
  }

  /** Resolves once the element has drawn every change made so far. */
  get updateComplete(): Promise<boolean> {
    return this.#updated;
  }

  /** Asks for a draw; `name` and its `old` value reach `willUpdate`. */
  requestUpdate(name?: string, old?: unknown) {
    if (name !== undefined && !this.#changed.has(name)) this.#changed.set(name, old);
    if (!this.#pending) {
      this.#pending = true;
      this.#updated = this.#update();
    }
  }

  async #update() {
    await this.#connected; // also one microtask at least: every change made until then joins this draw
    const changed = this.#changed;
    try {
      this.willUpdate(changed);
      for (const [name, d, attribute] of declared.get(this.constructor)!)
        if (d.reflect && attribute && changed.has(name)) this.toggleAttribute(attribute, !!this[name as keyof this]);
    } finally {
      // From here on a change asks for a draw of its own (as in Lit), even one made while drawing.
      this.#changed = new Map();
      this.#pending = false;
    }
    render(this.render(), this.renderRoot, { host: this });
    return true;
  }

  /** Before each draw: `changed` holds the old value of each property that changed. */
  protected willUpdate(_changed: Changed) {}

  protected render(): unknown {
    return undefined;
  }
}
