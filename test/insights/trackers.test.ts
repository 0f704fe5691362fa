/** `trackers:` in pm.config.yaml: checked where it is written; references become links only where configured. */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../src/config/resolve.js';
import { issueLinks, trackerProblems } from '../../src/insights/trackers.js';
import { parseIncident } from '../../src/incident/parse.js';
import { summaryActions } from '../../src/insights/summary-fields.js';
import { tempDir } from '../cli/helpers.js';

const TRACKERS = { '#': 'https://github.com/acme/ops/issues/:id', OPS: 'https://acme.atlassian.net/browse/:id' };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('issue references', () => {
  it('turns #123 and OPS-123 into links through the configured patterns, each once', () => {
    expect(issueLinks('rate-limit (#123) and OPS-7, see #123 again', [], TRACKERS)).toEqual([
      { label: '#123', url: 'https://github.com/acme/ops/issues/123' },
      { label: 'OPS-7', url: 'https://acme.atlassian.net/browse/OPS-7' },
    ]);
  });

  it('links nothing that only looks like a reference', () => {
    expect(issueLinks('use SHA-256 and UTF-8, not ABC-12; page&#35;1 or x#4', [], TRACKERS)).toEqual([]);
    expect(issueLinks('#12 OPS-3', [], {})).toEqual([]);
  });

  it("keeps the item's own http(s) links first and drops any other scheme", () => {
    expect(issueLinks('#5', ['https://wiki.example.org/a', 'javascript:alert(1)'], TRACKERS).map((l) => l.url)).toEqual([
      'https://wiki.example.org/a',
      'https://github.com/acme/ops/issues/5',
    ]);
  });

  it('reads the links written in an action item of a post', () => {
    const incident = parseIncident(
      {
        file: 'posts/x.md',
        content:
          '---\ntitle: X\ndate: 2024-01-01\n---\n## Action items\n\n- [ ] ana: fix it [OPS-9](https://acme.atlassian.net/browse/OPS-9), see <https://status.example.com/x> and #4 (due 2024-02-01)\n',
      },
      { timezone: 'UTC', displayTimezone: null },
    );
    expect(summaryActions(incident.actions, TRACKERS)).toEqual([
      {
        done: false,
        owner: 'ana',
        due: '2024-02-01',
        line: 7,
        text: 'fix it OPS-9, see https://status.example.com/x and #4',
        issues: [
          { label: 'https://acme.atlassian.net/browse/OPS-9', url: 'https://acme.atlassian.net/browse/OPS-9' },
          { label: 'https://status.example.com/x', url: 'https://status.example.com/x' },
          { label: '#4', url: 'https://github.com/acme/ops/issues/4' },
        ],
      },
    ]);
  });
});

describe('trackers: in the config', () => {
  it('accepts # and project keys with an http(s) URL holding :id once', () => {
    expect(trackerProblems(TRACKERS)).toEqual([]);
    expect(trackerProblems({ ops: 'https://x/:id' })[0]?.message).toMatch(/^trackers\.ops: a prefix is "#" or a project key/);
    expect(trackerProblems({ OPS: 'javascript:alert(1)//:id' })[0]?.message).toMatch(/http\(s\) URL/);
    expect(trackerProblems({ OPS: 'https://x/browse/' })[0]?.message).toMatch(/:id exactly once/);
    expect(trackerProblems(['https://x/:id'])[0]?.message).toMatch(/^trackers: expected a mapping/);
  });

  it('a bad pattern in pm.config.yaml is an error at its line and column', () => {
    const root = tempDir('pm-trackers-');
    dirs.push(root);
    writeFileSync(path.join(root, 'pm.config.yaml'), 'title: T\ntrackers:\n  "#": https://github.com/a/b/issues/:id\n  OPS: "https://x/browse/"\n');
    const loaded = loadConfig(root);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'pm.config.yaml',
        line: 4,
        rule: 'config/trackers',
        message: expect.stringContaining('trackers.OPS: the URL must hold :id exactly once'),
      }),
    ]);
    expect(loaded.config.trackers).toBeUndefined();
  });

  it("a library caller's bad trackers or today throw with the reason", () => {
    expect(() => resolveConfig({ trackers: { OPS: 'ftp://x/:id' } })).toThrow(/trackers\.OPS/);
    expect(() => resolveConfig({}, { today: '2024-02-30' })).toThrow(/today must be a day/);
    expect(resolveConfig({}, { today: '2024-02-29' }).today).toBe('2024-02-29');
  });
});
