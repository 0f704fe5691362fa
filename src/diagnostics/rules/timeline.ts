/** Rules of the Timeline section: timestamps, zones, offsets (timeline/). */
import type { RuleSpec } from '../spec.js';

export const TIMELINE_RULES = {
  'timeline/timestamp': {
    level: 'error',
    doc: 'timestamps',
    summary:
      'an entry starts with a timestamp that cannot be read: a date that does not exist, a year that is missing and unknown, an unknown zone, an ambiguous abbreviation',
  },
  'timeline/no-date': {
    level: 'error',
    doc: 'dates-of-time-only-entries',
    summary: 'a time-only entry with no date from a heading, an entry before, `t0` or `date`',
  },
  'timeline/zone': { level: 'error', doc: 'the-timeline-section', summary: 'the section heading or note names an ambiguous abbreviation' },
  'timeline/zone-note': {
    level: 'warning',
    also: ['info'],
    doc: 'the-timeline-section',
    summary:
      "info: a note in the prose set the post's zone; warning: a note disagrees with the front-matter `timezone` or another note, names two zones, or names a zone pm cannot apply",
  },
  'timeline/dst-gap': { level: 'warning', doc: 'timestamps', summary: 'a local time that does not exist (clocks went forward); says which instant was taken' },
  'timeline/dst-overlap': { level: 'warning', doc: 'timestamps', summary: 'a local time that exists twice (clocks went back); says which instant was taken' },
  'timeline/offset-mismatch': {
    level: 'warning',
    doc: 'written-offsets',
    summary: 'a written `(T±…)` differs from the computed offset by at least its smallest unit',
  },
  'timeline/delta-mismatch': {
    level: 'warning',
    doc: 'written-offsets',
    summary: 'a written `(+…)` differs from the time since the entry before by at least its smallest unit',
  },
  'timeline/rollover': {
    level: 'warning',
    also: ['info'],
    doc: 'dates-of-time-only-entries',
    summary:
      'a time-only entry went backwards and the next day was the smaller jump, so it was moved there (warning, naming both readings); a yearless date more than half a year back was moved to the next year (info)',
  },
  'timeline/out-of-order': {
    level: 'warning',
    doc: 'dates-of-time-only-entries',
    summary: 'a time-only entry went backwards and stays on its day (the smaller jump); names both readings and how to pin the date',
  },
  'timeline/relative': {
    level: 'info',
    also: ['error'],
    doc: 'relative-and-weekday-entries',
    summary: 'a `T+2h` entry with no T0 or a `+40m` entry with no entry before (error, left out); otherwise which instant it was counted to (info)',
  },
  'timeline/weekday': { level: 'info', doc: 'relative-and-weekday-entries', summary: 'which day a `Tue 08:00` entry was read as' },
  'timeline/abbreviation': {
    level: 'info',
    doc: 'timestamps',
    summary: 'an abbreviation that the zone does not use at that date (`CDT` in January) was taken as written',
  },
  'timeline/date-only': {
    level: 'info',
    doc: 'entries',
    summary: 'an entry with a date and no time is shown as the date alone, sorted at the start of that day',
  },
  'timeline/no-timestamp': { level: 'info', doc: 'entries', summary: 'a paragraph or list item in the section is not an event' },
  'time/dst': { level: 'warning', doc: 'front-matter', summary: 'a front-matter time falls in a DST gap or overlap; says which instant was taken' },
} as const satisfies Record<string, RuleSpec>;
