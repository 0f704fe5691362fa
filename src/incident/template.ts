/**
 * The skeleton `pm new incident` writes: front-matter with every key a post-mortem
 * needs and the sections of a good report, each with a prompt for what goes there.
 */
import { stringify } from 'yaml';

export interface TemplateFields {
  title: string;
  /** `2026-03-04` or a full timestamp as the user typed it. */
  date: string;
  /** The day of `date` in `timezone`, `2026-03-04`. */
  day: string;
  timezone: string;
  tags: string[];
  severity: string;
  authors: string[];
  /** Local time of `date` in `timezone` (`20:20`) for the template's entries; default 00:00. */
  time?: string;
}

/**
 * One YAML value on one line, written by the yaml library: a newline, `: `, `#` or a
 * quote in what the user typed stays inside the value (`--severity "x\ntitle: y"` is
 * the severity `x⏎title: y`, not a second key). `quoted` keeps text double-quoted.
 */
export function yamlValue(value: string | string[], quoted = false): string {
  return stringify(value, {
    lineWidth: 0,
    blockQuote: false,
    collectionStyle: 'flow',
    flowCollectionPadding: false,
    ...(quoted ? { defaultStringType: 'QUOTE_DOUBLE' as const } : {}),
  }).trimEnd();
}

/**
 * The template's prompts: `pm check` reports each one still in a post (check/placeholder)
 * until the author writes the incident's own words in its place.
 */
export const PLACEHOLDERS = {
  summary: 'What happened, in two or three sentences a reader outside the team understands.',
  impact: 'Who was affected, how, and for how long. Numbers beat adjectives.',
  detected: 'What was noticed first, and by whom.',
  cause: 'The chain of causes, down to the one that, fixed, stops this from happening again.',
  resolution: 'What was done to restore service, and what was changed afterwards.',
  action: 'owner: what will be done',
  lessons: 'What went well, what went badly, where we got lucky.',
} as const;

export function incidentTemplate(f: TemplateFields): string {
  const P = PLACEHOLDERS;
  const day = f.day;
  const time = f.time ?? '00:00';
  return `---
title: ${yamlValue(f.title, true)}
date: ${yamlValue(f.date)}
timezone: ${yamlValue(f.timezone)}
# t0: ${day} ${time}          # incident start; else the [T0] or first [detected] entry
severity: ${yamlValue(f.severity)}
status: investigating      # investigating | identified | monitoring | resolved
tags: ${yamlValue(f.tags, true)}
authors: ${yamlValue(f.authors, true)}
services: []
summary: ""
# sources:                 # logs that join the timeline
#   - { path: auth.log, format: syslog, timezone: UTC, match: "Failed password", group: 10m, label: sshd }
---

## Summary

${P.summary}

## Impact

${P.impact}

## Timeline

Times are in ${f.timezone} unless an entry says otherwise. Mark milestones with
[T0], [detected], [acknowledged], [mitigated], [resolved]; [internal] entries stay off the public site.

- ${day} ${time} [detected] ${P.detected}
- ${day} ${time} [resolved] Service restored.

## Root cause

${P.cause}

## Resolution

${P.resolution}

## Action items

- [ ] ${P.action} (due ${day})

## Lessons learned

${P.lessons}
`;
}
