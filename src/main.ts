// The process edge: argv in, exit code out. The ONLY place that sets process.exitCode or reads
// process.argv; everything else runs in src/app.ts, which tests drive in-process.
import { createRequire } from 'node:module';
import { EXIT } from './errors.js';
import { ProcessOutput } from './ui/process-output.js';

/** Written in by the bundle (scripts/bundle.mjs); tsc's dist/main.js reads package.json instead. */
declare const WXAUTH_VERSION: string | undefined;
const version = typeof WXAUTH_VERSION === 'string' ? WXAUTH_VERSION : (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** `wxauth errcode --list | head` closes stdout early; that is the reader's choice, not an error. */
function readerMayLeave(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

async function main(argv: string[]): Promise<number> {
  // Written straight to the descriptor when it is a pipe or a file (ui/process-output.ts says why).
  const stdout = new ProcessOutput(1, () => readerMayLeave(process.stdout));
  // Fast path: `wxauth --version` needs nothing else loaded.
  if (argv.length === 1 && argv[0] === '--version') {
    stdout.write(version + '\n');
    return EXIT.ok;
  }
  const stderr = new ProcessOutput(2, () => readerMayLeave(process.stderr));
  // First Ctrl-C: abort what is running (prompts, listeners, requests) and exit 130 through the
  // normal path; a second one exits at once. The controller is made when something first asks for
  // its signal (or at Ctrl-C): an AbortController loads Node's abort_controller and event_target code
  // (~0.4 ms), which `errcode`, `inspect` and `url` never listen to (issue 19).
  let controller: AbortController | undefined;
  const aborter = () => (controller ??= new AbortController());
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(EXIT.cancelled);
    interrupted = true;
    aborter().abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const { runCli } = await import('./app.js');
    const io = {
      stdout,
      stderr,
      promptOutput: () => stderr.stream,
      // Made on first read: building process.stdin loads Node's stream, readline and fs/promises
      // modules (~5 ms), which the commands that never read stdin (most of them) need not pay for.
      get stdin() {
        return process.stdin;
      },
      env: process.env,
      get signal() {
        return aborter().signal;
      },
    };
    return await runCli(argv, io, version);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

// Not a top-level await: the CLI bundle is CommonJS (scripts/bundle.mjs says why), which has none.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
