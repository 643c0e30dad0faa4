// wxauth domains
// GET /cgi-bin/get_api_domain_ip: the IPs behind api.weixin.qq.com, i.e. what YOUR server connects to
// (for outbound firewall rules). Not WeChat's push IPs (/cgi-bin/getcallbackip). WeChat asks to refresh
// the list daily and never pin IPs (API-FACTS §13).
import type { Context } from '../context.js';
import { basicTokenEvents } from '../ui/present/basic-common.js';
import type { DomainsCommandResult } from '../ui/present/domains.js';

export type DomainsOptions = Record<string, never>;

export function parseOptions(): DomainsOptions {
  return {};
}

export async function run(_options: DomainsOptions, ctx: Context): Promise<DomainsCommandResult> {
  const { service, appid, api } = await ctx.basicTokenService(basicTokenEvents(ctx));
  const response = await service.use((accessToken) => api.getApiDomainIp({ accessToken }));
  return {
    appid,
    // The host that answered: after a fallback it is the backup host, and its list is what the note names.
    host: new URL(response.base).host,
    ipList: Array.isArray(response.data.ip_list) ? response.data.ip_list.map(String) : [],
    rawBody: ctx.globals.raw ? response.raw : undefined,
  };
}
