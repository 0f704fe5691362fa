import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');

describe('the default theme’s icons', () => {
  it('publishes a 180×180 PNG beside the SVG and links it first, for browsers without SVG icons', async () => {
    const { pages } = await buildSite({ root, write: false });
    const png = pages.find((p) => /^assets\/favicon\.[0-9a-f]{10}\.png$/.test(p.path));
    const svg = pages.find((p) => /^assets\/favicon\.[0-9a-f]{10}\.svg$/.test(p.path));
    expect(png && svg).toBeTruthy();
    const bytes = Buffer.from(png!.contents);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([180, 180]);
    const index = String(pages.find((p) => p.path === 'index.html')?.contents);
    const icons = [...index.matchAll(/<link rel="(icon|apple-touch-icon)"[^>]*href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(icons).toEqual([
      ['icon', `./${png!.path}`],
      ['apple-touch-icon', `./${png!.path}`],
      ['icon', `./${svg!.path}`],
    ]);
  });
});
