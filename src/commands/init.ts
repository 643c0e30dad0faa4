// wxauth init: an interactive wizard on a terminal; flags only (never a prompt) without one or in CI.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { CancelledError, UsageError } from '../errors.js';
import { ACCOUNT_TYPES, isAccountType, type AccountType } from '../core/validate.js';
import { matchCallbackDomain } from '../core/domain.js';
import { pickProfileName, type ProfileData } from '../store/resolve.js';
import { validateProfileName, validateValue } from '../store/config.js';
import { presentWizardIntro } from '../ui/present/init.js';

export interface InitOptions {
  type?: string;
  appid?: string;
  secret?: string;
  domain?: string;
  redirectUri?: string;
  yes: boolean;
}

export interface InitResult {
  profile: string;
  /** The settings file written. */
  file: string;
  data: ProfileData;
}

const FLAGS = { type: '--type', appid: '--appid', secret: '--secret', domain: '--domain', redirectUri: '--redirect-uri' } as const;

/** Subscription accounts have no web-auth rights, so they need no callback settings. */
function needsCallback(type: AccountType): boolean {
  return type !== 'subscription';
}

function checkRedirect(type: AccountType, domain: string, redirectUri: string): void {
  const match = matchCallbackDomain({ redirectUri, domain, accountType: type });
  if (!match.ok) {
    throw new UsageError(
      { key: 'init.redirectOutsideDomain', params: { host: match.host ? match.host + (match.port ? `:${match.port}` : '') : redirectUri, domain } },
      { hint: { key: 'init.redirectOutsideDomain.hint' } },
    );
  }
}

function fromFlags(o: InitOptions): ProfileData {
  const missing = (name: keyof typeof FLAGS) =>
    new UsageError({ key: 'init.missingFlag', params: { flag: FLAGS[name] } }, { hint: { key: 'init.missingFlag.hint' } });
  if (!o.type) throw missing('type');
  const type = validateValue('type', o.type) as AccountType;
  if (!o.appid) throw missing('appid');
  const appid = validateValue('appid', o.appid);
  if (!o.secret) throw missing('secret');
  const data: ProfileData = { type, appid, secret: validateValue('secret', o.secret) };
  if (needsCallback(type)) {
    if (!o.domain) throw missing('domain');
    if (!o.redirectUri) throw missing('redirectUri');
    data.domain = validateValue('domain', o.domain);
    data.redirectUri = validateValue('redirectUri', o.redirectUri);
    checkRedirect(type, data.domain, data.redirectUri);
  }
  return data;
}

async function ask(ctx: Context, o: InitOptions, profile: string, existing: ProfileData | undefined): Promise<ProfileData> {
  const { out } = ctx;
  const p = await ctx.prompts();
  const validator = (key: 'appid' | 'secret' | 'domain' | 'redirectUri') => (v: string) => {
    try {
      validateValue(key, v.trim());
      return true as const;
    } catch (error) {
      const e = error as UsageError;
      return `${out.t(e.messageRef.key, e.messageRef.params)} ${e.hint ? out.t(e.hint.key, e.hint.params) : ''}`;
    }
  };
  presentWizardIntro(out, profile);
  const type =
    o.type && isAccountType(o.type)
      ? o.type
      : await p.select<AccountType>({
          message: out.t('init.ask.type'),
          choices: ACCOUNT_TYPES.map((value) => ({ value, name: out.t(`init.type.${value}`) })),
          default: existing?.type,
        });
  const appid = o.appid ?? (await p.input({ message: out.t('init.ask.appid'), default: existing?.appid, validate: validator('appid') }));
  const secret = o.secret ?? (await p.password({ message: out.t('init.ask.secret'), validate: validator('secret') }));
  const data: ProfileData = { type, appid: validateValue('appid', appid.trim()), secret: validateValue('secret', secret.trim()) };
  if (needsCallback(type)) {
    const domain =
      o.domain ??
      (await p.input({
        message: out.t(type === 'website' ? 'init.ask.domain.website' : 'init.ask.domain.oa'),
        default: existing?.domain,
        validate: validator('domain'),
      }));
    data.domain = validateValue('domain', domain.trim());
    // Test accounts usually point at an IP:port on a laptop, where there is no certificate.
    const scheme = type === 'test' ? 'http' : 'https';
    const suggested = existing?.redirectUri ?? `${scheme}://${data.domain}/wechat/callback`;
    const redirectUri =
      o.redirectUri ??
      (await p.input({
        message: out.t('init.ask.redirectUri'),
        default: suggested,
        validate: (v) => {
          const shape = validator('redirectUri')(v.trim());
          if (shape !== true) return shape;
          const match = matchCallbackDomain({ redirectUri: v.trim(), domain: data.domain ?? '', accountType: type });
          return match.ok ? true : out.t('init.redirectOutsideDomain', { host: match.host ?? v, domain: data.domain ?? '' });
        },
      }));
    data.redirectUri = validateValue('redirectUri', redirectUri.trim());
    checkRedirect(type, data.domain, data.redirectUri);
  }
  // Declining is the same outcome as Ctrl-C at any prompt: nothing written, exit 130.
  if (!o.yes && !(await p.confirm({ message: out.t('init.confirm', { profile }), default: true }))) {
    throw new CancelledError();
  }
  return data;
}

export function parseOptions(input: CommandInput): InitOptions {
  const { opts } = input;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    type: str(opts.type),
    appid: str(opts.appid),
    secret: str(opts.secret),
    domain: str(opts.domain),
    redirectUri: str(opts.redirectUri),
    yes: opts.yes === true,
  };
}

export async function run(options: InitOptions, ctx: Context): Promise<InitResult> {
  const store = await ctx.configStore();
  const profile = validateProfileName(pickProfileName(ctx.globals, ctx.env, store.currentProfile()).name);
  const data = ctx.interactive ? await ask(ctx, options, profile, store.getProfile(profile)) : fromFlags(options);
  store.setValues(profile, data);
  return { profile, file: store.path, data };
}
