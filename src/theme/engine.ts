/**
 * Compiles a theme with its own Handlebars instance and the helpers templates may
 * use. Every page template is rendered, then wrapped in `layouts/base`.
 *
 * Helpers (documented in the README):
 *   {{eq a b}}  {{ne a b}}  {{or a b}}  {{and a b}}  {{not a}}   comparisons for #if
 *   {{join list ", "}}                                         joins strings
 *   {{json value}}                                             JSON safe inside <script>
 *   {{plural n "event" "events"}}                              `1 event`, `3 events`
 *   {{lower s}}                                                lowercase (ASCII, locale-free)
 */
import Handlebars from 'handlebars';
import type { ThemeFiles } from './load.js';

export type PageTemplate = 'index' | 'incident' | 'tag' | 'tags' | 'notfound';

export interface ThemeRenderer {
  render(template: PageTemplate | string, data: Record<string, unknown>): string;
  /** Renders one partial alone (used for the timeline block inside the post body). */
  partial(name: string, data: Record<string, unknown>): string;
  has(template: string): boolean;
}

/** Serializes for embedding in HTML `<script>`: no `</script>`, no `<!--`, no U+2028. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function createRenderer(theme: ThemeFiles): ThemeRenderer {
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : '',
  );
  hb.registerHelper('json', (value: unknown) => new hb.SafeString(jsonForScript(value)));
  hb.registerHelper('plural', (n: unknown, one: unknown, many: unknown) => `${Number(n)} ${Number(n) === 1 ? String(one) : String(many)}`);
  hb.registerHelper('lower', (s: unknown) => String(s ?? '').replace(/[A-Z]/g, (c) => c.toLowerCase()));
  for (const [name, source] of Object.entries(theme.partials)) hb.registerPartial(name, source);

  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const template = (name: string): Handlebars.TemplateDelegate => {
    let t = compiled.get(name);
    if (!t) {
      const source = theme.layouts[name];
      if (source === undefined) throw new Error(`theme has no layouts/${name}.hbs`);
      t = hb.compile(source, { strict: false, preventIndent: true });
      compiled.set(name, t);
    }
    return t;
  };
  const options = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

  return {
    render(name, data) {
      const body = template(name)(data, options);
      if (!theme.layouts['base']) return body;
      return template('base')({ ...data, body }, options);
    },
    partial(name, data) {
      const key = `partial:${name}`;
      let t = compiled.get(key);
      if (!t) {
        const source = theme.partials[name];
        if (source === undefined) throw new Error(`theme has no partials/${name}.hbs`);
        t = hb.compile(source, { preventIndent: true });
        compiled.set(key, t);
      }
      return t(data, options);
    },
    has: (name) => theme.layouts[name] !== undefined,
  };
}
