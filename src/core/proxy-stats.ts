// The Ctrl-C summary of `wxauth proxy`: per endpoint, how many calls, which errcodes, p50/p95
// latency; and how often each detector fired. Pure.
import type { DetectorHit, DetectorId, ObservedCall } from './proxy-detect.js';

export interface EndpointSummary {
  /** The path; '*' for the row of every path past the first MAX_ENDPOINTS (see `other`). */
  endpoint: string;
  /** The row that counts the calls to paths seen after MAX_ENDPOINTS distinct ones: always the last row. */
  other?: true;
  calls: number;
  /** Answers with errcode ≠ 0, by errcode. */
  errcodes: Record<string, number>;
  /**
   * Calls that got no WeChat answer (unreachable, timeout, reset, aborted), by outcome; and answers that
   * were not WeChat's JSON, by their label (ObservedCall.answer): an HTTP error or a redirect without an
   * errcode (`http_500`, `http_302`…: a gateway's page), `not_json` (a 200 HTML page), `empty`, `too_large`.
   */
  failures: Record<string, number>;
  p50Ms: number;
  p95Ms: number;
}

export interface ProxySummary {
  calls: number;
  /** Calls that got no answer from the upstream (unreachable, timeout, reset); a caller that left first is not counted. */
  unanswered: number;
  endpoints: EndpointSummary[];
  /** How many distinct paths get a row of their own, when more than that were seen (the last row is `other`). */
  endpointLimit?: number;
  detectors: Partial<Record<DetectorId, number>>;
}

/**
 * Paths counted one by one. WeChat's API has a few hundred; a caller (or a scanner) sending random
 * paths must not grow the proxy's memory and the summary without end: later paths share one row.
 */
export const MAX_ENDPOINTS = 300;

/** Latency samples kept per endpoint: enough for stable percentiles, bounded for a proxy left running. */
const MAX_SAMPLES = 50_000;

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

interface Tally {
  calls: number;
  errcodes: Record<string, number>;
  failures: Record<string, number>;
  latencies: number[];
}

export class ProxyStats {
  private readonly endpoints = new Map<string, Tally>();
  /** The calls to paths past MAX_ENDPOINTS, created with the first of them. */
  private other: Tally | undefined;
  private readonly detectors: Partial<Record<DetectorId, number>> = {};
  private total = 0;
  private unanswered = 0;

  /** `random` in [0, 1) picks which latency sample a full reservoir replaces (core reads no randomness itself). */
  constructor(
    private readonly random: () => number = () => 0,
    private readonly maxEndpoints = MAX_ENDPOINTS,
  ) {}

  addCall(call: ObservedCall): void {
    this.total++;
    let tally = this.endpoints.get(call.endpoint);
    if (!tally) {
      if (this.endpoints.size >= this.maxEndpoints) tally = this.other ??= { calls: 0, errcodes: {}, failures: {}, latencies: [] };
      else {
        tally = { calls: 0, errcodes: {}, failures: {}, latencies: [] };
        this.endpoints.set(call.endpoint, tally);
      }
    }
    tally.calls++;
    if (call.outcome === 'unreachable' || call.outcome === 'timeout' || call.outcome === 'reset' || call.outcome === 'stopped') this.unanswered++;
    if (call.errcode !== undefined) tally.errcodes[call.errcode] = (tally.errcodes[call.errcode] ?? 0) + 1;
    // Everything but `ok` and an errcode: no answer (an outcome), or one that is not WeChat's JSON.
    // JSON behind a byte-order mark is both: the errcode behind the mark, and not_json to the caller.
    const failure = call.answer === 'ok' || (call.errcode !== undefined && !call.bom) ? undefined : call.answer;
    if (failure !== undefined) tally.failures[failure] = (tally.failures[failure] ?? 0) + 1;
    // Past the cap, replace a random sample (reservoir sampling) so the percentiles still cover the whole run.
    if (tally.latencies.length < MAX_SAMPLES) tally.latencies.push(call.latencyMs);
    else {
      const i = Math.floor(this.random() * tally.calls);
      if (i < MAX_SAMPLES) tally.latencies[i] = call.latencyMs;
    }
  }

  addHit(hit: DetectorHit): void {
    this.detectors[hit.id] = (this.detectors[hit.id] ?? 0) + 1;
  }

  summary(): ProxySummary {
    const row = (endpoint: string, t: Tally): EndpointSummary => {
      const sorted = [...t.latencies].sort((a, b) => a - b);
      return { endpoint, calls: t.calls, errcodes: { ...t.errcodes }, failures: { ...t.failures }, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
    };
    const endpoints = [...this.endpoints.entries()].map(([endpoint, t]) => row(endpoint, t)).sort((a, b) => b.calls - a.calls || a.endpoint.localeCompare(b.endpoint));
    if (this.other) endpoints.push({ ...row('*', this.other), other: true });
    return { calls: this.total, unanswered: this.unanswered, endpoints, ...(this.other ? { endpointLimit: this.maxEndpoints } : {}), detectors: { ...this.detectors } };
  }
}
