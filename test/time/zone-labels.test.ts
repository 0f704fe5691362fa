import { describe, expect, it } from 'vitest';
import { fixedZoneName, LINKS, normalizeZone, zoneOffset } from '../../src/time/zones.js';
import { zoneLabel } from '../../src/time/format.js';
import { zoneLabelTable } from '../../src/time/zone-labels.js';

/** The element's rule, as it reads the table the build writes into it. */
const elementLabel = (zone: string, ms: number): string => {
  const offset = zoneOffset(normalizeZone(zone).ok ? (normalizeZone(zone) as { zone: string }).zone : zone, ms);
  return zoneLabelTable()[zone]?.[String(offset)] ?? fixedZoneName(offset);
};

describe('the zone-label table written into <pm-timeline>', () => {
  // Every day of 2024 at noon UTC: both sides of every DST change.
  const days = Array.from({ length: 366 }, (_, i) => Date.UTC(2024, 0, 1, 12) + i * 86_400_000);
  const zones = [...Object.keys(zoneLabelTable()), 'America/Sao_Paulo', 'Asia/Kathmandu', 'Australia/Lord_Howe'];

  it('gives, for every zone it names and more, the label the site and the CLI write', () => {
    for (const zone of zones) {
      const canonical = normalizeZone(zone);
      if (!canonical.ok) continue;
      for (const ms of days) expect(elementLabel(zone, ms), `${zone} ${new Date(ms).toISOString()}`).toBe(zoneLabel(ms, canonical.zone));
    }
  });

  it('names JST and IST, and knows the legacy spellings browsers use', () => {
    const t = zoneLabelTable();
    expect(t['Asia/Tokyo']).toEqual({ 540: 'JST' });
    expect(t['Asia/Kolkata']).toEqual({ 330: 'IST' });
    expect(t['Asia/Calcutta']).toEqual(t['Asia/Kolkata']);
    expect(LINKS['Asia/Calcutta']).toBe('Asia/Kolkata');
    expect(t['America/Chicago']).toEqual({ '-360': 'CST', '-300': 'CDT' });
  });
});
