/**
 * A zone note in the author's own words: one sentence of prose that says which zone the
 * times of the post are written in (`Note: dates in this post were made in US/Central
 * timezone.`, `All times below are CET.`, `Timestamps are UTC+2.`). This module reads
 * one sentence; document-zone.ts decides which sentences are looked at and what wins.
 */
import { isAbbreviation, resolveAbbreviation } from '../time/abbreviations.js';
import { fixedZoneName, normalizeZone } from '../time/zones.js';

/** A zone named in a sentence: the words as written, where they start, and what pm makes of them. */
export interface ZoneMention {
  word: string;
  /** Offset of `word` in the sentence. */
  index: number;
  zone: string | null;
  /** Why pm cannot apply the zone (unknown, ambiguous), when it cannot. */
  reason?: string;
}

/**
 * Words that make a sentence about the post's times: `dates`, `times`, `timestamps`, `time
 * zone` (plurals: `the CET time of the backup` speaks of one time, not of the post's).
 */
const ABOUT_TIME = /\b(?:dates|times|timestamps|timezone|time[\s-]zone)\b/i;
/** A zone right after a clock time (`at 02:30 CEST`) is that time's zone, not a note. */
const AFTER_CLOCK = /\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?\s*)?\(?$|\b\d{1,2}\s*[ap]\.?m\.?\s*\(?$/i;
/** A sentence that talks about a zone without naming one pm reads (`in Central time`). */
const ZONE_WORDS = /\b(?:timezone|time[\s-]zone)\b/i;

const TOKEN = new RegExp(
  [
    // IANA and legacy names: US/Central, America/Argentina/Buenos_Aires, Etc/GMT+5
    String.raw`\b[A-Za-z][A-Za-z_]+(?:/[A-Za-z_][A-Za-z_+-]*){1,2}`,
    // UTC+2, GMT-05:00, UTC +5:30
    String.raw`\b(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?\b`,
    // Upper-case abbreviations: UTC, CDT, CEST
    String.raw`\b[A-Z]{3,5}\b`,
  ].join('|'),
  'g',
);

/** Splits prose into sentences, with the offset of each in the text. */
export function sentences(text: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  // A dot inside a token (`US/Central.`) ends a sentence only before a space; `1.5` stays.
  const parts = text.split(/(?<=[.!?])\s+|\n+/);
  let at = 0;
  for (const part of parts) {
    const index = text.indexOf(part, at);
    if (part.trim()) out.push({ text: part, index });
    at = index + part.length;
  }
  return out;
}

/**
 * The zones a sentence about times names, or null when the sentence is not about the
 * post's times (then it says nothing to pm, whatever zones it mentions).
 */
export function zoneMentions(sentence: string, contextZone: string): ZoneMention[] | null {
  if (!ABOUT_TIME.test(sentence)) return null;
  const found: ZoneMention[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    const word = m[0];
    if (AFTER_CLOCK.test(sentence.slice(0, m.index))) continue;
    const mention = read(word.replace('−', '-').replace(/\s+/g, ''), contextZone);
    if (mention) found.push({ word, index: m.index, ...mention });
  }
  if (found.length === 0 && ZONE_WORDS.test(sentence)) {
    return [{ word: sentence.trim(), index: 0, zone: null, reason: 'it names no zone pm knows' }];
  }
  return found;
}

function read(word: string, contextZone: string): { zone: string | null; reason?: string } | null {
  if (/^[A-Z]{3,5}$/.test(word)) {
    if (!isAbbreviation(word)) return null; // an acronym of the prose (`DNS`, `AWS`)
    const a = resolveAbbreviation(word, contextZone);
    if (!a.ok) return { zone: null, reason: a.reason };
    if (a.offset === 0) return { zone: 'UTC' };
    return { zone: a.zone === contextZone ? contextZone : fixedZoneName(a.offset) };
  }
  if (word.includes('/') && !/^(?:[A-Z][A-Za-z_]*|Etc)\//.test(word)) return null; // `and/or`, `read/write`
  const z = normalizeZone(word);
  return z.ok ? { zone: z.zone } : { zone: null, reason: z.reason };
}
