// A deadline for one request: a signal that aborts when the run's does (Ctrl-C) or when `ms` have
// passed, whichever comes first.
//
// Not AbortSignal.any([outer, AbortSignal.timeout(ms)]): Node holds the sources of AbortSignal.any
// weakly and the timer of AbortSignal.timeout holds its signal weakly too, so a garbage collection
// while the request waits can take the timeout signal with it, and the request then never times out
// (nodejs/node#57736). `wxauth probe` against an app that never answered hung that way under load.
// Here the timer's own closure holds the controller, so the deadline lives until it fires or done().

/** A signal for one request, and done() to call once it has settled (clears the timer and the listener). */
export interface Deadline {
  signal: AbortSignal;
  done(): void;
}

export function deadline(ms: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  // The reason AbortSignal.timeout gives, so callers still tell a timeout by its name (TimeoutError).
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}
