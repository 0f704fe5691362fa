import { describe, expect, it } from 'vitest';
import { build, iso } from './helpers.js';

describe('a time-only entry that goes backwards', () => {
  it('S3-style prose: `11:37AM PST` after `1:54PM PST` stays that day, out of order, with a warning naming both readings', () => {
    const md = [
      '## Timeline',
      '',
      '**February 28, 2017**',
      '',
      '- 9:37AM PST: a playbook command is run with one input mistyped',
      '- 12:26PM PST: the index subsystem serves GET, LIST and DELETE again',
      '- 1:18PM PST: the index subsystem has fully recovered',
      '- 1:54PM PST: the placement subsystem has recovered; the service is normal again',
      '- 11:37AM PST: the status dashboard could be updated again',
    ].join('\n');
    const { tl, reporter } = build(md, 'America/Los_Angeles', { year: 2017, month: 2, day: 28 });
    expect(tl.events.map((e) => iso(e.at))).toEqual(
      ['2017-02-28T17:37:00.000Z', '2017-02-28T20:26:00.000Z', '2017-02-28T21:18:00.000Z', '2017-02-28T21:54:00.000Z', '2017-02-28T19:37:00.000Z'].sort(),
    );
    const warn = reporter.list.filter((d) => d.level === 'warning');
    expect(warn.map((d) => `${d.line}:${d.rule}`)).toEqual(['9:timeline/out-of-order']);
    expect(warn[0]!.message).toBe(
      '11:37AM PST is earlier than the entry before; kept on 2017-02-28 (2h17m before it), out of order, not the next day, 2017-03-01 (21h43m after it); ' +
        'write the date to pin it (`2017-02-28 11:37AM PST` or `2017-03-01 11:37AM PST`)',
    );
  });

  it('23:30 then 00:15 is the next day (45m ahead rather than 23h15m back), with a warning saying how to pin it', () => {
    const md = ['## Timeline', '', '- 2018-11-12 23:30 went to bed, all quiet', '- 00:15 abuse mail from the hosting company'].join('\n');
    const { tl, reporter } = build(md, 'UTC');
    expect(tl.events.map((e) => iso(e.at))).toEqual(['2018-11-12T23:30:00.000Z', '2018-11-13T00:15:00.000Z']);
    const warn = reporter.list.filter((d) => d.level === 'warning');
    expect(warn.map((d) => `${d.line}:${d.rule}`)).toEqual(['4:timeline/rollover']);
    expect(warn[0]!.message).toBe(
      '00:15 is earlier than the entry before; read as the next day, 2018-11-13 (45m after it), not 2018-11-12 (23h15m before it); ' +
        'write the date to pin it (`2018-11-12 00:15` or `2018-11-13 00:15`)',
    );
  });

  it('a written date pins it: no warning', () => {
    const md = ['## Timeline', '', '- 2017-02-28 1:54PM PST: recovered', '- 2017-02-28 11:37AM PST: dashboard updated'].join('\n');
    const { reporter } = build(md, 'America/Los_Angeles');
    expect(reporter.list.filter((d) => d.level === 'warning')).toEqual([]);
  });
});
