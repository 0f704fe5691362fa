/**
 * The one incident `pm init` puts in posts/: short, complete, and passing `pm check`, so
 * that the first build shows every part of a page (facts, sections, a timeline with
 * milestones and offsets, action items). Its date is fixed: init writes the same bytes
 * whatever the clock.
 */
export const EXAMPLE_FILE = '2026-01-15-example-expired-certificate.md';

export const EXAMPLE_INCIDENT = `---
title: "Example: the API certificate expired"
date: 2026-01-15
timezone: Europe/Berlin
severity: SEV2
status: resolved
tags: [example, tls, api]
authors: [Jordan]
services: [public API]
summary: The TLS certificate of the public API expired at 09:00; clients failed to connect for 47 minutes until a new one was deployed.
---

This is an example written by \`pm init\`: read it, then delete it or replace it with
\`pm new incident "Title"\`.

## Summary

The certificate of api.example.com expired at 09:00. Its automatic renewal had been failing
for three weeks because the DNS token it used had been rotated, and the failure only went to
a log nobody read. Every client that checks certificates, which is all of them, stopped
connecting until a certificate issued by hand was deployed.

## Impact

- Every request to the public API failed for 47 minutes (09:00 to 09:47).
- The mobile app showed "no connection" to everyone who opened it.
- No data was lost; queued writes from the app were sent after the fix.

## Timeline

Times are in Europe/Berlin.

- 2025-12-24 03:00 Automatic renewal fails for the first time: the DNS token was rotated.
- 2026-01-15 09:00 [T0] The certificate expires; TLS handshakes start failing.
- 2026-01-15 09:06 [detected] The uptime check pages the on-call engineer.
- 2026-01-15 09:09 [acknowledged] Jordan takes the page.
- 2026-01-15 09:31 The renewal log shows three weeks of failures; a certificate is issued by hand.
- 2026-01-15 09:47 [mitigated] The new certificate is deployed; clients reconnect.
- 2026-01-15 10:30 [resolved] Renewal fixed with the new token and run once by hand.

## Root cause

Renewal needed a DNS token that had been rotated without updating the renewal job, and a
failed renewal was logged but alerted nobody. Three weeks of warnings went unseen.

## Resolution

A certificate issued by hand, then the renewal job given the new token and run once.

## Action items

- [x] Jordan: give the renewal job the current DNS token (due 2026-01-15)
- [x] Jordan: alert when a certificate has less than 14 days left (due 2026-01-22)

## Lessons learned

A job that fails quietly is a failure waiting for a date. Every scheduled job needs an alert
when it fails, not only a log line.
`;
