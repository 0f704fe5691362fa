/* <pm-timeline src=".../incidents/<slug>/timeline.json"> — a pm incident timeline for any page.
   Attributes: zone   "local" (the viewer's zone) or an IANA name; default: the incident's zone
               format "compact" (T+5h20m, default) or "long" (T+5 hours 20 minutes)
               limit  show only the N most recent events
               scheme light | dark pin the colours; auto (default) follows the reader
               milestones-only, public-only (boolean); href: link to the full post-mortem
   Theme: --pm-bg --pm-fg --pm-muted --pm-accent --pm-milestone --pm-border --pm-font --pm-mono
   --pm-font-size on the element. Plain JS, no dependencies; data only ever reaches the page as
   text (textContent), never as HTML. The build puts embed/timeline.css where /*pm:css*\/ is. */
(() => {
  'use strict';
  if (typeof customElements === 'undefined' || customElements.get('pm-timeline')) return;
  const CSS = /*pm:css*/"";
  // pm's zone labels (zone → offset in minutes → abbreviation); the build fills it in.
  const LABELS = /*pm:zones*/{};
  const SCHEMA = 'pm.timeline/1';
  const UNITS = [[86400, 'd', 'day'], [3600, 'h', 'hour'], [60, 'm', 'minute'], [1, 's', 'second']];
  const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

  /** Epoch ms of a published instant (strict pattern, no Date string parsing). */
  const ms = (iso) => {
    const m = ISO.exec(iso || '');
    return m ? Date.UTC(+m[1], m[2] - 1, +m[3], +m[4], +m[5], +m[6], +(m[7] || '0').padEnd(3, '0')) : NaN;
  };

  /** +1h40m / +1 hour 40 minutes, as pm writes them. */
  const duration = (seconds, long) => {
    let rest = Math.abs(seconds);
    if (!rest) return '+0';
    const parts = [];
    for (const [size, c, word] of UNITS) {
      const n = size === 1 ? rest : Math.floor(rest / size);
      if (!n) continue;
      rest -= size === 1 ? rest : n * size;
      const num = size === 1 ? String(Number(n.toFixed(6))) : String(n);
      parts.push(long ? `${num} ${word}${n === 1 ? '' : 's'}` : num + c);
    }
    return (seconds < 0 ? '-' : '+') + parts.join(long ? ' ' : '');
  };

  /** `UTC`, `UTC+9`, `UTC-5:30`: pm's name of a fixed offset in minutes. */
  const fixedName = (minutes) => {
    if (!minutes) return 'UTC';
    const abs = Math.abs(minutes);
    const m = abs % 60;
    return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
  };

  /**
   * A formatter for `zone`; `UTC+5:30` style fixed zones are shifted by hand. The label is
   * pm's rule, as on the site and in the CLI: the abbreviation of pm's table for the zone at
   * that offset (JST, IST, CDT), else the offset (UTC+5:45); never the browser's locale names.
   */
  const clock = (zone) => {
    const fixed = /^UTC([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
    const fixedOffset = fixed ? (fixed[1] === '-' ? -1 : 1) * (fixed[2] * 60 + +(fixed[3] || 0)) : 0;
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: fixed ? 'UTC' : zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    const labels = Object.prototype.hasOwnProperty.call(LABELS, zone) ? LABELS[zone] : {};
    return (t, timeOnly) => {
      const p = {};
      for (const x of f.formatToParts(new Date(t + fixedOffset * 60000))) p[x.type] = x.value;
      // The offset at t: the wall clock read as UTC, less the instant (whole seconds).
      const wall = Date.UTC(+p.year, p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
      const offset = fixed ? fixedOffset : Math.round((wall - Math.floor(t / 1000) * 1000) / 60000);
      let s = `${p.hour}:${p.minute}`;
      if (p.second !== '00' || t % 1000) s += `:${p.second}`;
      if (t % 1000) s += `.${String(Math.floor(t) % 1000).padStart(3, '0')}`;
      const name = Object.prototype.hasOwnProperty.call(labels, String(offset)) ? labels[offset] : fixedName(offset);
      return `${timeOnly ? '' : `${p.year}-${p.month}-${p.day} `}${s} ${name}`;
    };
  };

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  const el = (tag, cls, text) => {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null && text !== '') n.textContent = String(text);
    return n;
  };

  class PmTimeline extends HTMLElement {
    static get observedAttributes() {
      return ['src', 'zone', 'format', 'limit', 'milestones-only', 'public-only', 'href', 'scheme'];
    }

    constructor() {
      super();
      this.root = this.attachShadow({ mode: 'open' });
      const style = el('style');
      style.textContent = CSS;
      this.box = el('div', 'pm-embed');
      this.box.setAttribute('part', 'timeline');
      this.root.append(style, this.box);
      this.json = null;
      this.token = 0;
    }

    connectedCallback() {
      this.scheme();
      if (!this.json && !this.loading) this.load();
    }

    /** scheme="light" or "dark" pins the colours; "auto" (or none) follows the reader's setting. */
    scheme() {
      const s = this.getAttribute('scheme');
      if (s === 'light' || s === 'dark') this.box.setAttribute('data-pm-scheme', s);
      else this.box.removeAttribute('data-pm-scheme');
    }

    attributeChangedCallback(name, before, after) {
      if (before === after || !this.isConnected) return;
      if (name === 'scheme') this.scheme();
      else if (name === 'src') this.load();
      else if (this.json) this.show();
    }

    state(text, error) {
      const p = el('p', error ? 'pm-state pm-error' : 'pm-state', text);
      p.setAttribute('role', error ? 'alert' : 'status');
      this.box.replaceChildren(p);
      this.setAttribute('aria-busy', String(!error && this.loading));
      this.dispatchEvent(new CustomEvent(error ? 'pm-error' : 'pm-loading', { detail: { message: text } }));
    }

    async load() {
      const token = ++this.token;
      const src = this.getAttribute('src');
      this.json = null;
      this.loading = true;
      this.state('Loading timeline…');
      let problem;
      try {
        if (!src) throw new Error('no src attribute');
        const response = await fetch(new URL(src, document.baseURI), { credentials: 'omit' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const json = await response.json();
        if (!json || json.schema !== SCHEMA || !isObject(json.incident) || !Array.isArray(json.events)) {
          throw new Error(`not a ${SCHEMA} document`);
        }
        const bad = json.events.findIndex((e) => !isObject(e) || Number.isNaN(ms(e.at)));
        if (bad >= 0) throw new Error(`event ${bad + 1} has no valid time`);
        if (token !== this.token) return;
        this.json = json;
      } catch (e) {
        problem = e instanceof SyntaxError ? 'not JSON' : e instanceof TypeError ? 'could not fetch it' : e.message;
      }
      if (token !== this.token) return;
      this.loading = false;
      if (problem) this.state(`Timeline unavailable (${problem}).`, true);
      else this.show();
    }

    /** Renders, or shows the error state when the data has shapes pm never writes. */
    show() {
      try {
        this.render();
      } catch (e) {
        this.json = null;
        this.state('Timeline unavailable (malformed timeline data).', true);
      }
    }

    zone() {
      const home = this.json.incident.display_timezone || 'UTC';
      const want = (this.getAttribute('zone') || '').trim();
      const local = want === 'local';
      const name = local ? Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' : want || home;
      try {
        return { name, local, fmt: clock(name) };
      } catch (e) {
        return { name: home, fmt: clock(home), bad: want };
      }
    }

    events() {
      const pub = this.hasAttribute('public-only');
      const only = this.hasAttribute('milestones-only');
      const kept = [];
      let prev = null;
      this.json.events.forEach((e, i) => {
        if ((pub && e.internal) || (only && !e.milestone)) return;
        const at = ms(e.at);
        const delta = prev === null ? null : prev.i === i - 1 && e.delta_s != null ? e.delta_s : (at - prev.at) / 1000;
        kept.push({ e, at, delta, i });
        prev = { i, at };
      });
      const limit = parseInt(this.getAttribute('limit') || '', 10);
      return limit > 0 && kept.length > limit ? { shown: kept.slice(-limit), hidden: kept.length - limit } : { shown: kept, hidden: 0 };
    }

    render() {
      const json = this.json;
      const zone = this.zone();
      const long = this.getAttribute('format') === 'long';
      const { shown, hidden } = this.events();
      const utc = clock('UTC');
      const table = el('table', 'pm-timeline');
      table.dataset.slug = json.incident.slug;
      table.dataset.zone = zone.name;
      const caption = el('caption');
      if (json.incident.title) caption.append(el('span', 'pm-title', json.incident.title));
      const t0 = ms(json.incident.t0);
      let note = `Times in ${zone.name}${zone.local ? ' (your time zone)' : ''}`;
      if (zone.bad) note = `Unknown time zone “${zone.bad}”. ${note}`;
      // An approximate T0 keeps its ~, as on the site.
      const atT0 = json.events.filter((e) => isObject(e) && e.at === json.incident.t0);
      const approx = (atT0.find((e) => e.milestone === 't0') || atT0[0] || {}).approximate ? '~' : '';
      caption.append(el('small', 'pm-zone', `${note}${Number.isNaN(t0) ? '' : `; T0 ${approx}${zone.fmt(t0)}`}`));
      // under the title, where a reader looks for what the table holds
      if (hidden) caption.append(el('small', 'pm-more', `${hidden} earlier ${hidden === 1 ? 'event' : 'events'} not shown.`));
      const head = el('tr');
      for (const [cls, label] of [['pm-when', 'Time'], ['pm-offset', 'T±'], ['pm-text', 'Event']]) {
        const th = el('th', cls, label);
        th.scope = 'col';
        head.append(th);
      }
      const thead = el('thead');
      thead.append(head);
      const tbody = el('tbody');
      const notes = this.notes(shown, hidden);
      for (const n of notes.get(-1) || []) tbody.append(n);
      for (const x of shown) tbody.append(this.row(x, zone, utc, long), ...(notes.get(x.i) || []));
      if (!shown.length) {
        const empty = el('td', '', 'No timeline entries.');
        empty.colSpan = 3;
        tbody.append(el('tr', 'pm-empty'));
        tbody.lastChild.append(empty);
      }
      table.append(caption, thead, tbody);
      const parts = [table];
      const href = this.getAttribute('href');
      if (href && /^https?:$/.test(new URL(href, document.baseURI).protocol)) {
        const a = el('a', '', 'Read the full post-mortem');
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener';
        const p = el('p', 'pm-footer');
        p.append(a);
        parts.push(p);
      }
      this.box.replaceChildren(...parts);
      this.setAttribute('aria-busy', 'false');
      this.dispatchEvent(new CustomEvent('pm-render', { detail: { slug: json.incident.slug, zone: zone.name, events: shown.length } }));
    }

    /* The Timeline section's notes (plain text) as rows: after the shown event they follow
       (or the nearest shown one before it); before the rows when written before every event.
       Notes about events cut by `limit` go with them. Returns event index (-1: top) → rows. */
    notes(shown, hidden) {
      const rows = new Map();
      const list = Array.isArray(this.json.notes) ? this.json.notes : [];
      for (const n of list) {
        if (!isObject(n) || typeof n.text !== 'string' || !n.text) continue;
        let at = -1;
        if (typeof n.after === 'number') for (const x of shown) if (x.i <= n.after) at = x.i;
        if (at === -1 && typeof n.after === 'number' && hidden) continue;
        const td = el('td', 'pm-note-text', n.text);
        td.colSpan = 3;
        const tr = el('tr', 'pm-note');
        tr.append(td);
        rows.set(at, [...(rows.get(at) || []), tr]);
      }
      return rows;
    }

    row({ e, at, delta }, zone, utc, long) {
      const tr = el('tr', 'pm-event');
      if (e.milestone) tr.classList.add('pm-milestone', `pm-milestone-${e.milestone}`);
      if (e.approximate) tr.classList.add('pm-approximate');
      if (e.internal) tr.classList.add('pm-internal');
      const when = el('td', 'pm-when');
      if (e.approximate) when.append(el('abbr', 'pm-approx', '~'));
      const end = ms(e.end);
      // A date written alone shows that date, never an invented midnight.
      const time = el('time', '', e.date_only ? String(e.local) : zone.fmt(at) + (Number.isNaN(end) ? '' : ` – ${zone.fmt(end, true)}`));
      time.dateTime = e.at;
      when.append(time);
      if (utc(at) !== time.textContent) when.append(' ', el('small', 'pm-utc', utc(at)));
      const offset = el('td', 'pm-offset');
      offset.append(el('span', 'pm-t', e.offset_s == null ? '' : `T${duration(e.offset_s, long)}`));
      if (delta != null) offset.append(' ', el('small', 'pm-delta', duration(delta, long)));
      const text = el('td', 'pm-text');
      const marks = el('span', 'pm-marks');
      const mark = (cls, label) => marks.append(el('span', `pm-mark ${cls}`, label), ' ');
      if (e.milestone) mark('pm-mark-milestone', e.milestone === 't0' ? 'T0' : e.milestone);
      if (e.approximate) mark('pm-mark-approximate', 'approx.');
      if (e.count > 1) mark('pm-mark-count', `×${e.count}`);
      if (e.internal) mark('pm-mark-internal', 'internal');
      if (marks.childNodes.length) text.append(marks, ' ');
      const source = !isObject(e.source) ? '' : e.source.label || (typeof e.source.file === 'string' ? `${e.source.file}:${e.source.line}` : '');
      text.append(el('div', 'pm-body', e.text), el('small', 'pm-source', source));
      tr.append(when, offset, text);
      return tr;
    }
  }

  customElements.define('pm-timeline', PmTimeline);
})();
