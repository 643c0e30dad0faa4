// wxauth domains: one IP per line on stdout (for firewall scripts), what they are on stderr.
import type { Output } from '../output.js';

export interface DomainsCommandResult {
  appid: string;
  /** host:port of the API base that answered. */
  host: string;
  ipList: string[];
  /** --raw: WeChat's body as it came. */
  rawBody?: string;
}

export function present(result: DomainsCommandResult, out: Output): void {
  out.result({ appid: result.appid, host: result.host, ip_list: result.ipList });
  if (result.rawBody !== undefined) out.raw(result.rawBody);
  for (const ip of result.ipList) out.data(ip);
  out.note(out.t('basic.domains.note', { count: result.ipList.length, host: result.host }));
}
