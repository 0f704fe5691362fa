import { describe, it, expect } from 'vitest';
import { ABBREVIATIONS, abbreviationFor, isAbbreviation, resolveAbbreviation } from '../../src/time/abbreviations.js';
import { luxonZone, normalizeZone } from '../../src/time/zones.js';
import { parseDateValue } from '../../src/time/date-value.js';

describe('abbreviation table', () => {
  it('every meaning is an offset its zones really use (January or July, 2019/2023)', () => {
    const probes = [Date.UTC(2023, 0, 15), Date.UTC(2023, 6, 15), Date.UTC(2019, 0, 15), Date.UTC(2019, 6, 15)];
    for (const [abbr, meanings] of Object.entries(ABBREVIATIONS)) {
      for (const m of meanings) {
        for (const zone of m.zones) {
          expect(normalizeZone(zone).ok, `${abbr} ${zone}`).toBe(true);
          const offsets = probes.map((t) => luxonZone(zone).offset(t));
          expect(offsets, `${abbr} in ${zone}`).toContain(m.offset);
        }
      }
    }
  });
  it.each([
    ['PST', 'UTC', -480],
    ['PDT', 'UTC', -420],
    ['MST', 'UTC', -420],
    ['MDT', 'UTC', -360],
    ['CDT', 'UTC', -300],
    ['EST', 'UTC', -300],
    ['EDT', 'UTC', -240],
    ['AKST', 'UTC', -540],
    ['HST', 'UTC', -600],
    ['CET', 'UTC', 60],
    ['CEST', 'UTC', 120],
    ['EET', 'UTC', 120],
    ['EEST', 'UTC', 180],
    ['WET', 'UTC', 0],
    ['WEST', 'UTC', 60],
    ['JST', 'UTC', 540],
    ['KST', 'UTC', 540],
    ['AEST', 'UTC', 600],
    ['AEDT', 'UTC', 660],
    ['NZST', 'UTC', 720],
    ['NZDT', 'UTC', 780],
    ['UTC', 'America/Chicago', 0],
    ['GMT', 'UTC', 0],
    ['Z', 'UTC', 0],
    ['CST', 'America/Chicago', -360],
    ['CST', 'Asia/Shanghai', 480],
    ['CST', 'America/Havana', -300],
    ['CDT', 'America/Havana', -240],
    ['IST', 'Asia/Kolkata', 330],
    ['IST', 'Europe/Dublin', 60],
    ['IST', 'Asia/Jerusalem', 120],
    ['BST', 'Europe/London', 60],
    ['BST', 'Asia/Dhaka', 360],
    ['cdt', 'UTC', -300],
  ])('%s in %s = %d min', (abbr, zone, offset) => {
    const r = resolveAbbreviation(abbr, zone);
    expect(r.ok && r.offset).toBe(offset);
  });
  it.each(['CST', 'IST', 'BST'])('%s outside its zones is an error naming every candidate', (abbr) => {
    const r = resolveAbbreviation(abbr, 'Europe/Paris');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const m of ABBREVIATIONS[abbr]!) expect(r.reason).toContain(m.zones[0]!);
  });
  it('unknown words are not abbreviations', () => {
    expect(isAbbreviation('XYZ')).toBe(false);
    expect(isAbbreviation('toString')).toBe(false);
    expect(resolveAbbreviation('constructor', 'UTC').ok).toBe(false);
  });
  it('display labels', () => {
    expect(abbreviationFor('America/Chicago', -300)).toBe('CDT');
    expect(abbreviationFor('Europe/London', 0)).toBe('GMT');
    expect(abbreviationFor('UTC', 0)).toBe('UTC');
    expect(abbreviationFor('Asia/Kathmandu', 345)).toBeNull();
  });
});

describe('front-matter dates (parseDateValue)', () => {
  it.each([
    ['201811132020.33', 'America/Chicago', '2018-11-14T02:20:33.000Z'],
    ['2017-01-12', 'America/Chicago', '2017-01-12T06:00:00.000Z'],
    ['2020-09-02T03:25:00+02:00', 'America/Chicago', '2020-09-02T01:25:00.000Z'],
    ['2020-09-02 03:25', 'UTC', '2020-09-02T03:25:00.000Z'],
    ['Wed, 02 Sep 2020 03:25:00 -0500', 'UTC', '2020-09-02T08:25:00.000Z'],
  ])('%s in %s → %s', (text, zone, want) => {
    const v = parseDateValue(text, zone);
    expect(v.ok && new Date(v.ms).toISOString()).toBe(want);
  });
  it('US/Central is canonicalized', () => {
    expect(normalizeZone('US/Central')).toEqual({ ok: true, zone: 'America/Chicago' });
  });
});
