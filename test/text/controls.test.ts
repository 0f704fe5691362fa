/**
 * text/controls.ts: what may not reach a reader is removed from every kind of shown text,
 * whatever the attacker writes (NUL, C1, bidi overrides, ANSI sequences, lone surrogates).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayText, logLine, stripBom, terminalLine, xmlChars } from '../../src/text/controls.js';
import { ANSI, BIDI, C1, ESC, hostile, LONE_SURROGATES, NUL, UNSHOWABLE } from './hostile.js';

describe('displayText (timeline cells, terminal output)', () => {
  it('keeps tabs and lines, drops escapes, controls and bidi overrides', () => {
    expect(displayText(`${ESC}[31mred${ESC}[0m\tok${NUL}\u0007\nnext`)).toBe('red\tok\nnext');
    // a "Trojan Source" line that reads as `admin` but is `nimda` reversed
    expect(displayText('user \u202enimda\u202c ok')).toBe('user nimda ok');
    for (const c of [...C1, ...BIDI]) expect(displayText(`a ${c}`)).toBe('a ');
  });

  it('removes a whole ANSI sequence, payload included (terminal title, hyperlink, 8-bit CSI)', () => {
    for (const seq of ANSI) expect(displayText(`a${seq}b`)).toBe('ab');
  });

  it('leaves ordinary text, markup characters and other scripts alone', () => {
    for (const s of ['plain', `"'<>&`, 'сбой — 障害 — עברית', 'emoji 🔥', 'a\u2028b']) expect(displayText(s)).toBe(s);
  });

  it('never keeps an escape or an unshowable character', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = displayText(s);
        expect(out).not.toMatch(UNSHOWABLE);
        expect(displayText(out)).toBe(out);
      }),
    );
  });
});

describe('logLine (a log event as one timeline line)', () => {
  it('turns each line break into a space and keeps tabs', () => {
    expect(logLine(`${ESC}[31mred${ESC}[0m\tok\u0007${NUL} ${ESC}]0;title\u0007done\r\nnext\rlast\n\nend`)).toBe('red\tok done next last  end');
  });

  it('drops bidi controls too, so the page and the JSON show the same text', () => {
    expect(logLine('login \u202etxt.exe')).toBe('login txt.exe');
  });

  it('is one line of showable text whatever the input', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = logLine(s);
        expect(out).not.toMatch(/[\r\n]/);
        expect(out).not.toMatch(UNSHOWABLE);
      }),
    );
  });
});

describe('terminalLine (a diagnostic)', () => {
  it('folds a run of line breaks into one space: a quoted log line cannot start a line that names no file', () => {
    expect(terminalLine(`posts/a.md:1:1: error: x: bad "line\r\n\nposts/b.md:9:9: error: forged"${ESC}[2J`)).toBe(
      'posts/a.md:1:1: error: x: bad "line posts/b.md:9:9: error: forged"',
    );
  });

  it('never holds a line break or an unshowable character', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(terminalLine(s)).not.toMatch(/[\r\n]/);
        expect(terminalLine(s)).not.toMatch(UNSHOWABLE);
      }),
    );
  });
});

describe('xmlChars (feeds, sitemap)', () => {
  it('drops what XML 1.0 cannot hold and keeps everything else, pairs of surrogates included', () => {
    expect(xmlChars(`a${NUL}b\u000bc\ufffe\uffffd`)).toBe('abcd');
    for (const s of LONE_SURROGATES) expect(xmlChars(s)).toBe(s.replace(/[\ud800-\udfff]/g, ''));
    expect(xmlChars('\t\n\r 🔥 \u0085 \u202e')).toBe('\t\n\r 🔥 \u0085 \u202e');
  });

  it('leaves only characters of the XML 1.0 Char production', () => {
    // https://www.w3.org/TR/xml/#charsets
    const CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
    fc.assert(
      fc.property(hostile, (s) => {
        expect(xmlChars(s)).toMatch(CHAR);
      }),
    );
  });
});

describe('stripBom', () => {
  it('removes one leading byte order mark only', () => {
    expect(stripBom('\ufeff\ufeffa\ufeff')).toBe('\ufeffa\ufeff');
    expect(stripBom('a')).toBe('a');
  });
});
