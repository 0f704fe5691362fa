/**
 * The skeleton `pm new incident` writes: front-matter with every key a post-mortem
 * needs and the sections of a good report, each with a prompt for what goes there.
 */
export interface TemplateFields {
  title: string;
  /** `2026-03-04` or a full timestamp as the user typed it. */
  date: string;
  timezone: string;
  tags: string[];
  severity: string;
  authors: string[];
  /** The incident's local day and time (`2018-11-13`, `20:20`) when `date` is not ISO (touch -t). */
  day?: string;
  time?: string;
}

/** YAML double-quoted scalar: safe for any title. */
export function yamlString(s: string): string {
  return JSON.stringify(s);
}

export function incidentTemplate(f: TemplateFields): string {
  const day = f.day ?? f.date.slice(0, 10);
  const time = f.time ?? '00:00';
  return `---
title: ${yamlString(f.title)}
date: ${f.date}
timezone: ${f.timezone}
# t0: ${day} ${time}          # incident start; else the [T0] or first [detected] entry
severity: ${f.severity}
status: investigating      # investigating | identified | monitoring | resolved
tags: [${f.tags.map(yamlString).join(', ')}]
authors: [${f.authors.map(yamlString).join(', ')}]
services: []
summary: ""
# sources:                 # logs that join the timeline
#   - { path: auth.log, format: syslog, timezone: UTC, match: "Failed password", group: 10m, label: sshd }
---

## Summary

What happened, in two or three sentences a reader outside the team understands.

## Impact

Who was affected, how, and for how long. Numbers beat adjectives.

## Timeline

Times are in ${f.timezone} unless an entry says otherwise. Mark milestones with
[T0], [detected], [acknowledged], [mitigated], [resolved]; [internal] entries stay off the public site.

- ${day} ${time} [detected] What was noticed first, and by whom.
- ${day} ${time} [resolved] Service restored.

## Root cause

The chain of causes, down to the one that, fixed, stops this from happening again.

## Resolution

What was done to restore service, and what was changed afterwards.

## Action items

- [ ] owner: what will be done (due ${day})

## Lessons learned

What went well, what went badly, where we got lucky.
`;
}
