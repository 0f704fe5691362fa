// The search box in every page's header. Loads the Pagefind bundle (pagefind/pagefind.js,
// written by `pm build`) on first use, and merges the index shards that pagefind/pm-shards.json
// lists; everything is on this site, nothing from the network.
// Results show each incident's title, date and a snippet. Without script the box stays hidden.
// Filters are words of the query: `year:2024`, `severity:sev1`, `tag:dns`, `service:api`.
(() => {
  const form = document.querySelector('form.search[data-pagefind]');
  if (!form) return;
  const bundle = new URL(form.getAttribute('data-pagefind'), location.href);
  const root = new URL('../', bundle);
  const input = form.querySelector('input');
  const out = form.querySelector('.search-results');
  let api = null;
  let asked = 0;
  form.hidden = false;

  // The index comes in shards (pagefind/pm-shards.json): pagefind/ itself, and shard-k/ merged into it.
  const shards = () => fetch(new URL('pm-shards.json', bundle))
    .then((r) => (r.ok ? r.json() : { shards: [] }))
    .then((m) => (Array.isArray(m.shards) ? m.shards : []).map((s) => s.dir).filter((d) => /^shard-\d+\/$/.test(d)));
  const load = () => (api ??= Promise.all([import(new URL('pagefind.js', bundle).href), shards()]).then(async ([pagefind, dirs]) => {
    await pagefind.options({ baseUrl: '/' });
    await Promise.all(dirs.map((d) => pagefind.mergeIndex(new URL(d, bundle).href, { baseUrl: '/' })));
    return pagefind;
  }));

  const FILTERS = { year: 'year', severity: 'severity', tag: 'tags', service: 'services' };
  const parse = (query) => {
    const words = [];
    const want = [];
    for (const word of query.trim().split(/\s+/)) {
      const m = /^(year|severity|tag|service):(.+)$/i.exec(word);
      if (m) want.push([FILTERS[m[1].toLowerCase()], m[2].toLowerCase()]);
      else if (word) words.push(word);
    }
    return { words: words.join(' '), want };
  };
  const squash = (v) => String(v ?? '').toLowerCase().replace(/\s+/g, '');
  const matches = (meta, want) => want.every(([key, value]) =>
    key === 'tags' || key === 'services' ? String(meta[key] ?? '').toLowerCase().split(/\s+/).includes(value) : squash(meta[key]) === squash(value));

  // A Pagefind excerpt is text with <mark> around the matches: keep exactly that, as text nodes.
  const excerpt = (html) => {
    const p = document.createElement('p');
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    for (const node of doc.body.childNodes) {
      if (node.nodeName === 'MARK') p.append(Object.assign(document.createElement('mark'), { textContent: node.textContent }));
      else p.append(document.createTextNode(node.textContent ?? ''));
    }
    return p;
  };

  const show = async (query) => {
    const mine = ++asked;
    const { words, want } = parse(query);
    if (!words) { out.replaceChildren(); return; }
    let pagefind;
    try { pagefind = await load(); } catch {
      out.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Search is not available here.' }));
      return;
    }
    const search = await pagefind.search(words);
    const data = [];
    let total = 0;
    for (const [i, r] of search.results.entries()) {
      if (i >= 500 || mine !== asked) break;
      const d = want.length ? await r.data() : null;
      if (d && !matches(d.meta, want)) continue;
      total++;
      if (data.length < 10) data.push(d ?? await r.data());
      else if (!want.length) { total = search.results.length; break; }
    }
    if (mine !== asked) return;
    const list = document.createElement('ol');
    for (const d of data) {
      const li = document.createElement('li');
      const a = Object.assign(document.createElement('a'), { href: new URL(d.url.replace(/^\/+/, ''), root).href, textContent: d.meta.title ?? d.url });
      const meta = Object.assign(document.createElement('div'), { className: 'meta', textContent: d.meta.date ?? '' });
      li.append(a, meta, excerpt(d.excerpt));
      list.append(li);
    }
    const count = Object.assign(document.createElement('p'), { className: 'meta', textContent: `${total} result${total === 1 ? '' : 's'}` });
    out.replaceChildren(count, list);
  };

  let timer = 0;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => show(input.value), 120); });
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') { input.value = ''; out.replaceChildren(); } });
  form.addEventListener('submit', (e) => { e.preventDefault(); show(input.value); });
})();
