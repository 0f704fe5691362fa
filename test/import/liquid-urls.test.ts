import { describe, expect, it } from 'vitest';
import { carried, carryBaseUrls } from '../../src/import/liquid-urls.js';

describe("Jekyll's own-address Liquid", () => {
  it('becomes the path itself', () => {
    expect(carryBaseUrls('![g]({{ site.baseurl }}/assets/g.png) ![h]({{ "/assets/h.png" | relative_url }}) {{site.url}}{{ site.baseurl }}/x/')).toBe(
      '![g](/assets/g.png) ![h](/assets/h.png) /x/',
    );
    expect(carried('{{ site.baseurl }}')).toBe(true);
    expect(carried("{{ '/a.png' | absolute_url }}")).toBe(true);
  });

  it('leaves every other tag alone (they are reported)', () => {
    for (const tag of ['{{ page.id }}', '{% include note.html %}', '{{ site.title }}', '{{ "/a" | relative_url | append: x }}']) {
      expect(carried(tag)).toBe(false);
      expect(carryBaseUrls(tag)).toBe(tag);
    }
  });
});
