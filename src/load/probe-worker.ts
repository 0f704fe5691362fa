/**
 * Worker thread of the time guard (probe.ts): parses markdown it is sent and says when
 * it is done. The parent terminates it when a parse runs past the time limit.
 */
import { parentPort } from 'node:worker_threads';
import { parseMarkdown } from '../markdown/processor.js';

export interface ProbeRequest {
  id: number;
  text: string;
}

// Load the whole parser before saying ready (a table needs all of it): loading is not the post's time.
parseMarkdown('| a |\n| - |\n\n*a* `b` [c](d) ~~e~~\n\n- [ ] f\n');
parentPort?.postMessage('ready');

parentPort?.on('message', ({ id, text }: ProbeRequest) => {
  try {
    parseMarkdown(text);
  } catch {
    // The caller parses again in its own thread and reports what this was.
  }
  parentPort?.postMessage(id);
});
