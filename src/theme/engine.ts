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
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
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

/** Handlebars is loaded on the first render: a rebuild with nothing to render never loads it. */
const load = createRequire(import.meta.url);

export function createRenderer(theme: ThemeFiles): ThemeRenderer {
  let env: typeof Handlebars | null = null;
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const compile = (key: string, source: string | undefined, what: string, strict: boolean): Handlebars.TemplateDelegate => {
    let t = compiled.get(key);
    if (!t) {
      if (source === undefined) throw new Error(`theme has no ${what}.hbs`);
      env ??= handlebarsFor(theme);
      t = env.compile(source, strict ? { strict: false, preventIndent: true } : { preventIndent: true });
      compiled.set(key, t);
    }
    return t;
  };
  const template = (name: string): Handlebars.TemplateDelegate => compile(name, theme.layouts[name], `layouts/${name}`, true);
  const options = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

  return {
    render(name, data) {
      const body = template(name)(data, options);
      if (!theme.layouts['base']) return body;
      return template('base')({ ...data, body }, options);
    },
    partial(name, data) {
      return compile(`partial:${name}`, theme.partials[name], `partials/${name}`, false)(data, options);
    },
    has: (name) => theme.layouts[name] !== undefined,
  };
}

/** A Handlebars environment of its own with pm's helpers and the theme's partials. */
function handlebarsFor(theme: ThemeFiles): typeof Handlebars {
  const hb = (load('handlebars') as typeof Handlebars).create();
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
  return hb;
}
