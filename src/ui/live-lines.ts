// Lines a long-running command prints per event — a proxied call (proxy), a hit on the callback
// listener (listen, login) — written together, at most every FLUSH_EVERY_MS, not once per event: a
// write per line to a piped stderr is a synchronous syscall in Node and wakes whatever reads the pipe,
// and under load it cost the server (and its reader) a large share of its throughput (issue 19). A lone
// event still shows at once (the first flush after a quiet spell is immediate).
import { performance } from 'node:perf_hooks';
import { terminalSafeJson, type Output } from './output.js';

/** 20 lines a second at most: as live as a terminal can be read, and one write per batch under load. */
export const FLUSH_EVERY_MS = 50;

export interface LiveLines {
  /** A line of talk (stderr), queued. */
  say(line: string): void;
  /** A JSON line for stdout (--json), queued; the first goes through out.emit() so the run knows stdout has its data. */
  emitLine(doc: Record<string, unknown>): void;
  /** Write what is still queued now (before a summary, at the end of a wait, on the way out). */
  flush(): void;
}

/** `beforeWrite` runs just before queued talk is written (the listener clears its countdown line). */
export function liveLines(out: Output, options: { beforeWrite?: () => void } = {}): LiveLines {
  let talk: string[] = [];
  let data: string[] = [];
  let scheduled: NodeJS.Timeout | NodeJS.Immediate | undefined;
  let lastFlush = -Infinity;
  const flush = () => {
    if (scheduled) {
      clearTimeout(scheduled as NodeJS.Timeout);
      clearImmediate(scheduled as NodeJS.Immediate);
      scheduled = undefined;
    }
    lastFlush = performance.now();
    if (talk.length > 0) {
      const lines = talk;
      talk = [];
      options.beforeWrite?.();
      out.say(lines.join('\n'));
    }
    if (data.length > 0) {
      const lines = data;
      data = [];
      out.stdout.write(lines.join(''));
    }
  };
  const schedule = () => {
    if (scheduled) return;
    const wait = lastFlush + FLUSH_EVERY_MS - performance.now();
    scheduled = wait <= 0 ? setImmediate(flush) : setTimeout(flush, wait);
  };
  return {
    say(line) {
      talk.push(line);
      schedule();
    },
    emitLine(doc) {
      if (!out.hasEmitted) {
        out.emit(doc);
        return;
      }
      data.push(terminalSafeJson(doc) + '\n');
      schedule();
    },
    flush,
  };
}
