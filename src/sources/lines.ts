/**
 * Streaming line splitter: reads a file in chunks and calls `onLine` for each line
 * without keeping more than one chunk in memory. Handles LF and CRLF endings, a
 * UTF-8 byte order mark, a last line without a newline, and multi-byte characters
 * cut between chunks. The first chunk is checked for binary content.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface LineStats {
  lines: number;
  bytes: number;
  /** True when the last line had no line break. */
  truncated: boolean;
}

export class BinaryFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BinaryFileError';
  }
}

/** Why `head` does not look like UTF-8 text, or null when it does. */
export function binaryReason(head: Buffer): string | null {
  if (head.includes(0)) return 'it contains NUL bytes';
  // A multi-byte character may be cut at the end of the chunk: ignore up to 3 bytes.
  let end = head.length;
  for (let i = 0; i < 3 && end > 0; i++) {
    const b = head[end - 1]!;
    if (b < 0x80) break;
    end--;
    if (b >= 0xc0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return 'it is not valid UTF-8';
  }
  return null;
}

/**
 * Calls `onLine(line, lineNumber)` (1-based, line breaks removed) for every line.
 * Rejects with a {@link BinaryFileError} when the first chunk is not text, and with
 * the fs error (ENOENT, EISDIR, …) when the file cannot be read.
 */
export function readLines(path: string, onLine: (line: string, lineNo: number) => void): Promise<LineStats> {
  return new Promise((resolve, reject) => {
    const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let lineNo = 0;
    let bytes = 0;
    let first = true;
    const emit = (line: string): void => {
      lineNo++;
      const len = line.length;
      onLine(len > 0 && line.charCodeAt(len - 1) === 13 ? line.slice(0, len - 1) : line, lineNo);
    };
    stream.on('data', (chunk) => {
      try {
        onChunk(chunk as Buffer);
      } catch (err) {
        stream.destroy();
        reject(err);
      }
    });
    const onChunk = (buf: Buffer): void => {
      bytes += buf.length;
      let text = decoder.write(buf);
      if (first) {
        first = false;
        const reason = binaryReason(buf);
        if (reason) {
          stream.destroy();
          reject(new BinaryFileError(reason));
          return;
        }
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let start = 0;
      let nl = text.indexOf('\n');
      if (nl >= 0 && rest) {
        emit(rest + text.slice(0, nl));
        rest = '';
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      while (nl >= 0) {
        emit(text.slice(start, nl));
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      rest = start === 0 ? rest + text : text.slice(start);
    };
    stream.on('error', reject);
    stream.on('end', () => {
      try {
        const tail = rest + decoder.end();
        const truncated = tail.length > 0;
        if (truncated) emit(tail);
        resolve({ lines: lineNo, bytes, truncated });
      } catch (err) {
        reject(err);
      }
    });
  });
}
