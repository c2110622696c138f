// The element base: what the widget relies on of LitElement's behaviour, one rule per test.
import { html } from 'lit/html.js';
import { assert, eq } from './testing/helpers.js';
import { UpdatingElement, type Changed, type PropertyDeclarations } from './updating-element.js';

let n = 0;
/** A fresh tag per test: a custom element name can be defined only once. */
const tag = () => `x-updating-${++n}`;

class Probe extends UpdatingElement {
  static override get properties(): PropertyDeclarations {
    return {
      name: {},
      apiBase: { attribute: 'api-base' },
      open: { type: Boolean, reflect: true },
      count: { state: true },
      echo: { attribute: false },
    };
  }
  static override get styles() {
    return ':host{display:block;color:rgb(1, 2, 3)}';
  }
  name = 'first';
  apiBase = '';
  open = false;
  count = 0;
  echo = '';
  renders = 0;
  seen: Changed[] = [];
  protected override willUpdate(changed: Changed) {
    this.seen.push(new Map(changed));
    // What willUpdate sets joins the same draw.
    if (changed.has('name')) this.echo = `echo ${this.name}`;
  }
  protected override render() {
    this.renders++;
    return html`<p>${this.name} ${this.count} ${this.echo}</p>
      <button @click=${this.bump}>+</button>`;
  }
  bump() {
    this.count++;
  }
}

function define<T extends CustomElementConstructor>(base: T) {
  const name = tag();
  const C = class extends (base as CustomElementConstructor) {};
  customElements.define(name, C);
  return name;
}

async function mounted(name: string, attrs: Record<string, string> = {}) {
  const el = document.createElement(name) as Probe;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const shown = (el: Probe) => el.shadowRoot!.querySelector('p')!.textContent!.replace(/\s+/g, ' ').trim();

describe('the element base (UpdatingElement)', () => {
  it('draws once connected, with attributes read as properties', async () => {
    const el = await mounted(define(Probe), { name: 'Amira', 'api-base': 'https://instap.example' });
    eq(shown(el), 'Amira 0 echo Amira');
    eq(el.apiBase, 'https://instap.example');
    el.setAttribute('name', 'Yusuf');
    await el.updateComplete;
    eq(shown(el), 'Yusuf 0 echo Yusuf');
    el.remove();
  });

  it('does not draw before it is connected', async () => {
    const el = document.createElement(define(Probe)) as Probe;
    el.name = 'later';
    await new Promise((r) => setTimeout(r));
    eq(el.renders, 0);
    document.body.append(el);
    await el.updateComplete;
    eq(el.renders, 1);
    eq(shown(el), 'later 0 echo later');
    el.remove();
  });

  it('draws once for many changes, and tells willUpdate the old values', async () => {
    const el = await mounted(define(Probe));
    const before = el.renders;
    el.seen = [];
    el.name = 'a';
    el.name = 'b';
    el.count = 5;
    el.count = 5;
    await el.updateComplete;
    eq(el.renders, before + 1);
    eq(el.seen.length, 1);
    eq(el.seen[0].get('name'), 'first', 'the value before the first change');
    eq(el.seen[0].get('count'), 0);
    eq(shown(el), 'b 5 echo b');
    // The same value again is no change.
    el.count = 5;
    await el.updateComplete;
    eq(el.renders, before + 1);
    el.remove();
  });

  it('a change made while drawing gets a draw of its own', async () => {
    class Eager extends Probe {
      protected override render() {
        if (this.count === 0) this.count = 1; // e.g. a ref callback that learns something
        return super.render();
      }
    }
    const name = tag();
    customElements.define(name, Eager);
    const el = document.createElement(name) as Probe;
    document.body.append(el);
    await el.updateComplete;
    await el.updateComplete;
    eq(shown(el), 'first 1 echo first');
    el.remove();
  });

  it('reflects a Boolean property to its attribute, and reads the attribute as presence', async () => {
    const el = await mounted(define(Probe));
    assert(!el.hasAttribute('open'), 'no attribute while false');
    el.open = true;
    await el.updateComplete;
    assert(el.hasAttribute('open'), 'attribute written back');
    el.removeAttribute('open');
    eq(el.open, false);
    el.setAttribute('open', '');
    eq(el.open, true);
    el.remove();
  });

  it('state and attribute:false properties have no attribute', () => {
    const C = customElements.get(define(Probe)) as unknown as { observedAttributes: string[] };
    eq(C.observedAttributes.sort().join(), 'api-base,name,open');
  });

  it('calls template event listeners with the element as this', async () => {
    const el = await mounted(define(Probe));
    el.shadowRoot!.querySelector('button')!.click();
    await el.updateComplete;
    eq(shown(el), 'first 1 echo first');
    el.remove();
  });

  it('takes over a property set before the element was defined', async () => {
    const name = tag();
    const el = document.createElement(name) as Probe;
    (el as unknown as { name: string }).name = 'set early';
    document.body.append(el);
    customElements.define(name, class extends Probe {});
    await el.updateComplete;
    eq(shown(el), 'set early 0 echo set early');
    el.remove();
  });

  it('styles its shadow root, with a <style> element where constructed style sheets are missing', async () => {
    const el = await mounted(define(Probe));
    eq(getComputedStyle(el).color, 'rgb(1, 2, 3)');
    eq(el.shadowRoot!.querySelector('style'), null);
    el.remove();

    const adopted = Object.getOwnPropertyDescriptor(Document.prototype, 'adoptedStyleSheets')!;
    delete (Document.prototype as Partial<Document>).adoptedStyleSheets;
    try {
      const old = await mounted(define(Probe));
      eq(getComputedStyle(old).color, 'rgb(1, 2, 3)');
      assert(old.shadowRoot!.querySelector('style'), 'a <style> element');
      eq(shown(old), 'first 0 echo first', 'drawn beside the style');
      old.name = 'again';
      await old.updateComplete;
      eq(old.shadowRoot!.querySelectorAll('style').length, 1);
      eq(shown(old), 'again 0 echo again');
      old.remove();
    } finally {
      Object.defineProperty(Document.prototype, 'adoptedStyleSheets', adopted);
    }
  });
});
