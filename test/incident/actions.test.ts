import { describe, expect, it } from 'vitest';
import { parseAction } from '../../src/incident/actions.js';
import { parseIncident } from '../../src/incident/parse.js';

const parse = (body: string) =>
  parseIncident({ file: 'posts/x.md', content: `---\ntitle: X\ndate: 2024-01-01\n---\n${body}` }, { timezone: 'UTC', displayTimezone: null });

describe('action items', () => {
  it('reads the task list under "Action items" with owner, text, due and place', () => {
    const incident = parse(
      [
        '## Summary',
        '',
        '- [ ] not an action: outside the section',
        '',
        '## Action Items',
        '',
        '- [ ] ~rfk: send alerts through an outside relay (due 2026-12-01)',
        '- [x] ana: enable `nftables` (due: 2023-05-19)',
        '- [ ] find a second admin',
        '  - [ ] Ops team: nested item',
        '- plain bullet, not a task',
        '',
        '## Lessons learned',
        '',
        '- [ ] x: not here either',
      ].join('\n'),
    );
    expect(incident.actions).toEqual([
      { done: false, owner: '~rfk', text: 'send alerts through an outside relay', due: '2026-12-01', line: 11, column: 1 },
      { done: true, owner: 'ana', text: 'enable nftables', due: '2023-05-19', line: 12, column: 1 },
      { done: false, owner: null, text: 'find a second admin', due: null, line: 13, column: 1 },
      { done: false, owner: 'Ops team', text: 'nested item', due: null, line: 14, column: 3 },
    ]);
  });

  it('has none without the section', () => {
    expect(parse('## Summary\n\n- [ ] a: b\n').actions).toEqual([]);
  });

  it('a due date that is not a day is a warning and no date', () => {
    const incident = parse('## Action items\n\n- [ ] a: b (due 2026-02-30)\n');
    expect(incident.actions[0]).toMatchObject({ owner: 'a', text: 'b', due: null });
    expect(incident.diagnostics).toContainEqual(expect.objectContaining({ rule: 'actions/due', line: 7, level: 'warning' }));
  });

  it('does not take a sentence for an owner', () => {
    expect(parseAction('Rotate the keys: all of them', false, 1, 1).owner).toBeNull();
    expect(parseAction('@bo: page on 90%', false, 1, 1)).toMatchObject({ owner: 'bo', text: 'page on 90%' });
  });
});
