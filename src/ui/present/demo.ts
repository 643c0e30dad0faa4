// wxauth demo: numbered steps, each with the real requests and responses (secrets redacted by the HTTP
// client unless --show-secrets). The walk-through is the command's output, so it goes to stdout as it
// happens; --json collects the same steps into one document instead.
import type { DemoHooks, DemoResult, DemoStepId } from '../../commands/demo.js';
import type { MessageRef } from '../../errors.js';
import { printExplanation } from '../explain.js';
import { tr } from '../i18n.js';
import type { Output } from '../output.js';
import { authorizeHooks } from './url.js';

export interface DemoStepRecord {
  id: DemoStepId;
  title: string;
  /** Request and response lines, as shown. */
  trace: string[];
  /** What the step established, as shown in the summary line. */
  summary?: string;
  ok: boolean;
  data?: Record<string, unknown>;
}

export function demoHooks(out: Output): DemoHooks {
  const steps: DemoStepRecord[] = [];
  let current: DemoStepRecord | undefined;
  const conclude = (summary: MessageRef, data: Record<string, unknown> | undefined): string => {
    const text = tr(out.lang, summary);
    if (current) {
      current.summary = text;
      if (data) current.data = data;
    }
    return text;
  };
  return {
    // The demo's URL is linted like `wxauth url`'s; a refusal here would be a bug, worded the same way.
    ...authorizeHooks(out),
    steps,
    intro: (setup) => {
      out.data(out.style.bold(out.t('listen.demo.intro')));
      out.data(out.style.dim(out.t('listen.demo.setup', setup)));
    },
    step: (id) => {
      current = { id, title: out.t(`listen.demo.step.${id}`), trace: [], ok: true };
      steps.push(current);
      out.data('');
      out.data(out.style.bold(current.title));
    },
    // Multi-line traces (a request with its body) are indented line by line.
    trace: (entry) => {
      const text = typeof entry === 'string' ? entry : tr(out.lang, entry);
      for (const line of text.split('\n')) {
        current?.trace.push(line);
        const shown = line.startsWith('→') ? out.style.cyan(line) : line.startsWith('←') ? line : out.style.dim(line);
        out.data('  ' + shown);
      }
    },
    line: (text) => {
      current?.trace.push(text);
      out.data('  ' + text);
    },
    ok: (summary, data) => out.data(out.style.green('  ✔ ' + conclude(summary, data))),
    expectedFailure: (summary, data, explanation, known) => {
      out.data(out.style.yellow('  ✔ ' + conclude(summary, data)));
      if (known) {
        const line = out.tr(known);
        current?.trace.push(line);
        out.data('  ' + line);
      }
      printExplanation(out, explanation, { compact: true, to: 'stdout', indent: '    ' });
    },
  };
}

export function present(result: DemoResult, out: Output): void {
  out.data('');
  if (!result.showSecrets) out.data(out.style.dim(out.t('listen.demo.secretsNote')));
  out.data(out.style.green(out.t('listen.demo.done', { seconds: (result.elapsedMs / 1000).toFixed(1) })));
  out.result({
    demo: {
      emulator: result.emulator,
      appid: result.appid,
      redirect_uri: result.redirectUri,
      steps: result.steps,
      elapsed_ms: result.elapsedMs,
    },
  });
}
