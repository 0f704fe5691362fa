import { describe, expect, it } from 'vitest';
import { computeTimeline } from '../../src/timeline/compute.js';
import { timelineToJson } from '../../src/timeline/json.js';
import { placeNotes } from '../../src/timeline/notes.js';
import { renderTimelineHtml } from '../../src/timeline/render-html.js';
import { extract } from './helpers.js';

const D = { year: 2021, month: 10, day: 4 };
const META = { slug: 'x', title: 'x', t0: null, timezone: 'UTC', display_timezone: 'UTC', tags: [], severity: null, status: null };

function placed(md: string, isPublic = false) {
  const x = extract(md, 'UTC', D);
  const tl = computeTimeline(x.events, { t0: null, displayZone: 'UTC', reporter: x.reporter, public: isPublic });
  const json = timelineToJson(tl, META, { public: isPublic });
  return { json, notes: placeNotes(x.document.notes, json, 'posts/x.md'), x };
}

describe('notes of the Timeline section', () => {
  it('keeps an untimed table row and a group label where they were, as sanitized markdown', () => {
    const md = [
      '## Timeline',
      '',
      '| Time (UTC) | Event |',
      '|---|---|',
      '| 15:39 | BGP withdrawals **start** |',
      '| later | engineers <kbd>ssh</kbd> in |',
      '| 16:58 | DNS back |',
      '',
      '- Facebook side:',
      '  - 17:10 traffic returns',
    ].join('\n');
    const { json, notes } = placed(md);
    expect(json.events.map((e) => e.html)).toEqual(['BGP withdrawals <strong>start</strong>', 'DNS back', 'traffic returns']);
    expect(notes.rows.get(0)).toEqual(['<p>later — engineers <kbd>ssh</kbd> in</p>']);
    expect(notes.rows.get(1)).toEqual(['<ul>\n<li>Facebook side:</li>\n</ul>']);
    expect(notes.before).toEqual([]);
    expect(notes.after).toEqual([]);
  });

  it('a note after an [internal] entry follows the nearest shown entry in a public build', () => {
    const md = '## Timeline\n\n- 10:00 a\n- 10:05 [internal] b\n- waited for the vendor\n- 10:30 c\n\nEnd of timeline.';
    expect(placed(md).notes.rows.get(1)).toEqual(['<ul>\n<li>waited for the vendor</li>\n</ul>']);
    const pub = placed(md, true);
    expect(pub.json.events.map((e) => e.text)).toEqual(['a', 'c']);
    expect(pub.notes.rows.get(0)).toEqual(['<ul>\n<li>waited for the vendor</li>\n</ul>']);
    expect(pub.notes.after).toEqual(['<p>End of timeline.</p>']);
  });

  it('the HTML fragment (embed, pm timeline --format html) shows them as untimed rows, in order', () => {
    const { json, notes } = placed('## Timeline\n\nTimes are from the pager.\nSome are guesses.\n\n- 10:00 a\n- lunch\n- 11:00 b\n\nThat is all.');
    const html = renderTimelineHtml(json, { notes });
    const rows = [...html.matchAll(/<tr class="(pm-note|pm-event)[^"]*">/g)].map((m) => m[1]);
    expect(rows).toEqual(['pm-note', 'pm-event', 'pm-note', 'pm-event', 'pm-note']);
    expect(html).toContain('<p>Times are from the pager.\nSome are guesses.</p>');
  });

  it('timeline.json publishes them in order with text and HTML, anchored to the event they follow (the <pm-timeline> rows)', () => {
    const md = [
      '## Timeline',
      '',
      'All times are approximate, from <kbd>chat</kbd>.',
      '',
      '- 10:00 a',
      '- afternoon: three **support** e-mails',
      '- 10:05 [internal] b',
      '- waited for the vendor',
      '- 10:30 c',
      '',
      'End of timeline.',
    ].join('\n');
    for (const isPublic of [false, true]) {
      const x = extract(md, 'UTC', D);
      const tl = computeTimeline(x.events, { t0: null, displayZone: 'UTC', reporter: x.reporter, public: isPublic });
      const json = timelineToJson(tl, META, { public: isPublic, notes: { notes: x.document.notes, file: 'posts/x.md' } });
      const last = json.events.length - 1;
      expect(json.notes, `public: ${isPublic}`).toEqual([
        { after: null, text: 'All times are approximate, from chat.', html: '<p>All times are approximate, from <kbd>chat</kbd>.</p>' },
        { after: 0, text: 'afternoon: three support e-mails', html: '<ul>\n<li>afternoon: three <strong>support</strong> e-mails</li>\n</ul>' },
        // in a public build the [internal] entry is gone: its note follows the entry before it
        { after: isPublic ? 0 : 1, text: 'waited for the vendor', html: '<ul>\n<li>waited for the vendor</li>\n</ul>' },
        { after: last, text: 'End of timeline.', html: '<p>End of timeline.</p>' },
      ]);
      expect(Object.keys(json)).toEqual(['schema', 'incident', 'metrics', 'events', 'notes', 'diagnostics']);
    }
  });
});
