// The process edge: argv in, exit code out. The ONLY place that sets process.exitCode or reads
// process.argv; everything else runs in src/app.ts, which tests drive in-process.
import { fstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EXIT } from './errors.js';
import { ProcessOutput, isNullDevice } from './ui/process-output.js';

/** Written in by the bundle (scripts/bundle.mjs); tsc's dist/main.js reads package.json instead. */
declare const WXAUTH_VERSION: string | undefined;
const version = typeof WXAUTH_VERSION === 'string' ? WXAUTH_VERSION : (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/**
 * `wxauth errcode --list | head` closes stdout early (EPIPE; ECONNRESET when stdout is a socket, as
 * Node's spawn makes it), and a terminal that was closed (SIGHUP) answers writes with EIO: the reader
 * left, which is not an error of wxauth's.
 */
function readerMayLeave(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET' && error.code !== 'EIO') throw error;
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
  // SIGTERM (kill, docker stop, systemd) and SIGHUP (the terminal closed) end the run as Ctrl-C does, so
  // `proxy --har` still writes its file; a run they cancel exits 128+signal (143, 129), as if killed.
  let ender: 'SIGINT' | 'SIGTERM' | 'SIGHUP' | undefined;
  const codeOf = { SIGINT: EXIT.cancelled, SIGTERM: 143, SIGHUP: 129 } as const;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP') => {
    // A second signal, or one while nothing listens for the abort (it would change nothing): exit now.
    if (interrupted || (signal !== 'SIGINT' && controller === undefined)) process.exit(codeOf[signal]);
    interrupted = true;
    ender = signal;
    aborter().abort();
  };
  const onSigint = () => onSignal('SIGINT');
  const onSigterm = () => onSignal('SIGTERM');
  const onSighup = () => onSignal('SIGHUP');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('SIGHUP', onSighup);
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
    const code = await runCli(argv, io, version);
    hungUp = ender === 'SIGHUP';
    return code === EXIT.cancelled && ender !== undefined ? codeOf[ender] : code;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    process.off('SIGHUP', onSighup);
  }
}

/** The run was ended by SIGHUP: its terminal was closed. */
let hungUp = false;

/**
 * Whether a standard descriptor is a terminal that hung up: a character device other than /dev/null
 * (fstat still works on it) that isatty no longer takes for a terminal (its ioctls fail with EIO). A
 * SIGHUP sent by hand to a run whose terminal is still there is not one: that run exits normally.
 */
function stdioHasDeadTerminal(): boolean {
  // Loaded only here: node:tty is not among what every run loads (issue 19).
  const { isatty } = process.getBuiltinModule('node:tty') as typeof import('node:tty');
  return [0, 1, 2].some((fd) => {
    try {
      const stat = fstatSync(fd);
      return stat.isCharacterDevice() && !isNullDevice(stat) && !isatty(fd);
    } catch {
      return false;
    }
  });
}

// Not a top-level await: the CLI bundle is CommonJS (scripts/bundle.mjs says why), which has none.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // After its terminal closed, a run that ended normally (proxy --har written, say) would then abort
  // in Node's exit-time reset of that terminal (tcsetattr fails with EIO; an assertion in Node 20's
  // ResetStdio, nodejs/node#51519, removed in later Nodes by #58200). Ended by the signal instead, as
  // a process killed by SIGHUP is, Node skips it. With no terminal involved, or a terminal still
  // there (a SIGHUP sent by hand), the exit code stays.
  if (hungUp && process.platform !== 'win32' && stdioHasDeadTerminal()) {
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
  }
});
