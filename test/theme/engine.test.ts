import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { createRenderer } from '../../src/theme/engine.js';
import { loadTheme, type ThemeFiles } from '../../src/theme/load.js';

const theme = (layouts: Record<string, string>, partials: Record<string, string> = {}): ThemeFiles => ({ layouts, partials, assets: {}, hash: 'h' });

describe('theme renderer', () => {
  const small = theme(
    { base: '<main>{{{body}}}</main>', page: '<h1>{{title}}</h1>\n  {{> item this}}\n{{plural n "event" "events"}}' },
    { item: '<p>{{lower title}}</p>\n<p>x</p>' },
  );

  it('renders layouts inside base, with partials and helpers, escaping values', () => {
    const html = createRenderer(small).render('page', { title: 'A <b>&', n: 2 });
    // a standalone partial's indent is not repeated on its later lines (preventIndent)
    expect(html).toBe('<main><h1>A &lt;b&gt;&amp;</h1>\n  <p>a &lt;b&gt;&amp;</p>\n<p>x</p>2 events</main>');
  });

  it('precompiles the whole theme, and a renderer given those specs gives the same bytes', () => {
    const first = createRenderer(small);
    first.precompileAll();
    expect(Object.keys(first.specs).sort()).toEqual(['layouts/base', 'layouts/page', 'partials/item']);
    const second = createRenderer(small, { ...first.specs });
    const data = { title: 'T', n: 1 };
    expect(second.render('page', data)).toBe(first.render('page', data));
    expect(second.partial('item', data)).toBe('<p>t</p>\n<p>x</p>');
  });

  it('runs the specs it is given rather than the sources (the cache is what a rebuild runs)', () => {
    const other = createRenderer(theme({ page: 'from the cache {{title}}' }, { item: 'cached item' }));
    other.precompileAll();
    const specs = { 'layouts/page': other.specs['layouts/page']!, 'partials/item': other.specs['partials/item']! };
    const r = createRenderer(small, specs);
    expect(r.render('page', { title: 'x' })).toBe('<main>from the cache x</main>');
    expect(r.partial('item', {})).toBe('cached item');
    expect(Object.keys(r.specs)).toContain('layouts/base'); // compiled on demand, added for the cache
  });

  it('names a missing template', () => {
    expect(() => createRenderer(small).render('nope', {})).toThrow('theme has no layouts/nope.hbs');
  });

  it('precompiles the default theme', () => {
    const r = createRenderer(loadTheme([path.resolve('themes/default')]));
    r.precompileAll();
    expect(Object.keys(r.specs)).toHaveLength(18); // 10 layouts (insights, follow-ups, service, services among them), 8 partials
  });
});
