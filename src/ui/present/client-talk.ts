// What the WeChat client says while it works, as every command shows it: the -v trace, --curl and its
// retry / fallback notices. Human lines on stderr; in login/listen --json, whose stderr is JSON Lines
// only, the same facts as events (secrets already masked by the client unless --show-secrets).
import type { ClientOptions } from '../../http/client.js';
import type { Output } from '../output.js';

export function clientTalk(out: Output, flags: { verbose: boolean; curl: boolean }): Pick<ClientOptions, 'trace' | 'curl' | 'notice'> {
  return {
    trace: flags.verbose
      ? (line, entry) => {
          if (!out.streamsEvents) return out.say(out.style.dim(line));
          if (entry.kind === 'request') out.event({ event: 'request', method: entry.method, url: entry.url, ...(entry.body === undefined ? {} : { body: entry.body }) });
          else out.event({ event: 'response', status: entry.status, content_type: entry.contentType || null, elapsed_ms: entry.elapsedMs, body: entry.body });
        }
      : undefined,
    curl: flags.curl ? (command) => (out.streamsEvents ? out.event({ event: 'curl', command }) : out.say(command)) : undefined,
    notice: (event) => {
      const message = event.kind === 'fallback' ? out.t('http.fallback', { from: event.from, to: event.to }) : out.t(`http.retry.${event.reason}`, { attempt: event.attempt, url: event.url });
      if (!out.streamsEvents) return out.warn(message);
      if (event.kind === 'fallback') out.event({ event: 'fallback', from: event.from, to: event.to, message });
      else out.event({ event: 'retry', reason: event.reason, attempt: event.attempt, url: event.url, message });
    },
  };
}
