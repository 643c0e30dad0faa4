// Presentation for `wxauth demo`: numbered steps, each with the real requests and responses (secrets
// redacted by the HTTP client unless --show-secrets). The walk-through is the command's output, so it
// goes to stdout; --json collects the same steps into one document instead.
import type { Output } from './output.js';
import type { MessageParams } from '../errors.js';

export interface DemoStepRecord {
  id: string;
  title: string;
  /** Request and response lines, as shown. */
  trace: string[];
  /** What the step established, as shown in the summary line. */
  summary?: string;
  ok: boolean;
  data?: Record<string, unknown>;
}

export class DemoPresenter {
  readonly steps: DemoStepRecord[] = [];
  private current: DemoStepRecord | undefined;

  constructor(private readonly out: Output) {}

  intro(params: MessageParams): void {
    this.out.data(this.out.style.bold(this.out.t('listen.demo.intro')));
    this.out.data(this.out.style.dim(this.out.t('listen.demo.setup', params)));
  }

  step(id: string): void {
    this.current = { id, title: this.out.t(`listen.demo.step.${id}`), trace: [], ok: true };
    this.steps.push(this.current);
    this.out.data('');
    this.out.data(this.out.style.bold(this.current.title));
  }

  /** One line of the conversation (a `→ request` or `← response`); multi-line traces are indented. */
  trace(text: string): void {
    for (const line of text.split('\n')) {
      this.current?.trace.push(line);
      const shown = line.startsWith('→') ? this.out.style.cyan(line) : line.startsWith('←') ? line : this.out.style.dim(line);
      this.out.data('  ' + shown);
    }
  }

  ok(key: string, params: MessageParams = {}, data?: Record<string, unknown>): void {
    const text = this.out.t(key, params);
    if (this.current) {
      this.current.summary = text;
      if (data) this.current.data = data;
    }
    this.out.data(this.out.style.green('  ✔ ' + text));
  }

  /** An expected failure, explained (step 8: the reused code). */
  expectedFailure(key: string, params: MessageParams = {}, data?: Record<string, unknown>): void {
    const text = this.out.t(key, params);
    if (this.current) {
      this.current.summary = text;
      if (data) this.current.data = data;
    }
    this.out.data(this.out.style.yellow('  ✔ ' + text));
  }

  line(text: string): void {
    this.current?.trace.push(text);
    this.out.data('  ' + text);
  }

  done(params: MessageParams, secretsShown: boolean): void {
    this.out.data('');
    if (!secretsShown) this.out.data(this.out.style.dim(this.out.t('listen.demo.secretsNote')));
    this.out.data(this.out.style.green(this.out.t('listen.demo.done', params)));
  }
}
