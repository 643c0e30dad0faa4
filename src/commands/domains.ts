// wxauth domains
// GET /cgi-bin/get_api_domain_ip: the IPs behind api.weixin.qq.com, i.e. what YOUR server connects to
// (for outbound firewall rules). Not WeChat's push IPs (/cgi-bin/getcallbackip). WeChat asks to refresh
// the list daily and never pin IPs (API-FACTS §13).
import type { Context } from '../context.js';
import { openBasicTokenService } from '../flows/basic-token.js';
import { presentTokenEvent } from '../ui/basic-present.js';

export async function run(ctx: Context, _args: string[], _opts: Record<string, unknown>): Promise<number | void> {
  const { out } = ctx;
  const config = await ctx.requireConfig(['appid', 'secret']);
  const api = await ctx.api(config);
  const { service, appid } = openBasicTokenService({
    config,
    api,
    store: await ctx.tokenStore(),
    now: () => ctx.now(),
    onEvent: (event) => presentTokenEvent(out, event, ctx.now(), ctx.globals.verbose === true),
  });
  const response = await service.use((accessToken) => api.getApiDomainIp({ accessToken }));
  const ipList = Array.isArray(response.data.ip_list) ? response.data.ip_list.map(String) : [];
  out.result({ appid, host: new URL(response.base).host, ip_list: ipList });
  if (ctx.globals.raw) out.raw(response.raw);
  for (const ip of ipList) out.data(ip);
  out.note(out.t('basic.domains.note', { count: ipList.length, host: new URL(response.base).host }));
}
