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
  render(template: PageTemplate | (string & {}), data: Record<string, unknown>): string;
  /** Renders one partial alone (used for the timeline block inside the post body). */
  partial(name: string, data: Record<string, unknown>): string;
  has(template: string): boolean;
  /** Precompiled templates: seed it from a cache before rendering, keep it after. */
  specs: TemplateSpecs;
  /** Precompiles every layout and partial not in `specs` yet. */
  precompileAll(): void;
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

/**
 * Templates precompiled to Handlebars' JavaScript (`Handlebars.precompile`), by theme
 * file (`layouts/incident`, `partials/facts`). A renderer given them runs on the small
 * Handlebars runtime and never parses a template: build/store/templates-cache.ts keeps them between
 * builds (they depend only on the theme and Handlebars' version).
 */
export type TemplateSpecs = Record<string, string>;

/** Every template compiles with these: no indenting of standalone partials' output. */
const COMPILE_OPTIONS = { preventIndent: true };

export function createRenderer(theme: ThemeFiles, specs: TemplateSpecs = {}): ThemeRenderer {
  let env: typeof Handlebars | null = null;
  let compiler: typeof Handlebars | null = null;
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const sources = (): Array<[string, string]> => [
    ...Object.entries(theme.layouts).map(([n, s]): [string, string] => [`layouts/${n}`, s]),
    ...Object.entries(theme.partials).map(([n, s]): [string, string] => [`partials/${n}`, s]),
  ];
  /** The spec of one theme file, precompiled (with the full Handlebars) if not given. */
  const specOf = (key: string, source: string): string => {
    let spec = specs[key];
    if (spec === undefined) {
      compiler ??= load('handlebars') as typeof Handlebars;
      specs[key] = spec = compiler.precompile(source, COMPILE_OPTIONS) as string;
    }
    return spec;
  };
  const fromSpec = (hb: typeof Handlebars, key: string, source: string) =>
    // Handlebars' own precompiled output, evaluated as Handlebars.compile does itself.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
    hb.template(new Function(`return ${specOf(key, source)}`)() as Parameters<typeof hb.template>[0]);
  const get = (key: string, source: string | undefined): Handlebars.TemplateDelegate => {
    let t = compiled.get(key);
    if (!t) {
      if (source === undefined) throw new Error(`theme has no ${key}.hbs`);
      // a partial called from a template and one rendered alone are the same compiled function
      env ??= handlebarsFor(theme, (name) => get(`partials/${name}`, theme.partials[name]));
      t = fromSpec(env, key, source);
      compiled.set(key, t);
    }
    return t;
  };
  const template = (name: string): Handlebars.TemplateDelegate => get(`layouts/${name}`, theme.layouts[name]);
  const options = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

  return {
    specs,
    precompileAll() {
      for (const [key, source] of sources()) {
        try {
          specOf(key, source);
        } catch {
          // A template that does not compile is reported where it is used; unused, it is not kept.
        }
      }
    },
    render(name, data) {
      const body = template(name)(data, options);
      if (!theme.layouts['base']) return body;
      return template('base')({ ...data, body }, options);
    },
    partial(name, data) {
      return get(`partials/${name}`, theme.partials[name])(data, options);
    },
    has: (name) => theme.layouts[name] !== undefined,
  };
}

type PartialOf = (name: string) => Handlebars.TemplateDelegate;

/** A Handlebars runtime of its own with pm's helpers and the theme's partials (compiled on first use). */
function handlebarsFor(theme: ThemeFiles, partialOf: PartialOf): typeof Handlebars {
  const hb = (load('handlebars/runtime') as { default: typeof Handlebars }).default.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : ''));
  hb.registerHelper('json', (value: unknown) => new hb.SafeString(jsonForScript(value)));
  hb.registerHelper('plural', (n: unknown, one: unknown, many: unknown) => `${Number(n)} ${Number(n) === 1 ? String(one) : String(many)}`);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a template's own data
  hb.registerHelper('lower', (s: unknown) => String(s ?? '').replace(/[A-Z]/g, (c) => c.toLowerCase()));
  for (const name of Object.keys(theme.partials)) {
    hb.registerPartial(name, (context: unknown, options?: Handlebars.RuntimeOptions) => partialOf(name)(context, options));
  }
  return hb;
}
