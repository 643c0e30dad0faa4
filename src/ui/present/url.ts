// wxauth url: the URL (or the WxLogin snippet) alone on stdout, so `wxauth url > f` leaves only it in f;
// what WeChat will do with it, the QR code and the remembered state on stderr. --json: one document
// with the URL, its parameters, the state and every problem (as `warnings`, when forced).
import type { UrlResult } from '../../commands/url.js';
import type { AuthorizeHooks, LintFinding } from '../../flows/authorize.js';
import { renderFinding, type RenderedFinding } from '../findings.js';
import { asSentence, joinText } from '../format.js';
import type { Output } from '../output.js';

/** A finding's words; its message ends as a sentence, since url puts the effect or the fix after it on one line. */
export function renderLint(out: Output, f: LintFinding): RenderedFinding {
  const r = renderFinding(out, f, f.keys, f.profileFlag);
  return { ...r, message: asSentence(out.lang, r.message) };
}

/** A lint warning on one line, as url prints it (login says the same when it goes on with such a URL). */
export function warnFinding(out: Output, f: LintFinding): void {
  const r = renderLint(out, f);
  out.warn(out.t('url.warning', { message: r.message, fix: r.fix }));
}

/** The words of a refusal, and its other reasons as "Also: …" lines (the error itself names the first). */
export function authorizeHooks(out: Output): AuthorizeHooks {
  return {
    describe: (f) => renderLint(out, f),
    alsoRefused: (f) => {
      const other = renderLint(out, f);
      return { key: 'url.refused.other', params: { message: joinText(out.lang, other.message, other.fix) } };
    },
  };
}

export async function present(result: UrlResult, out: Output): Promise<void> {
  const { plan } = result;
  const { embed } = plan;
  out.result({
    url: plan.url,
    endpoint: plan.endpoint,
    params: plan.params,
    state: plan.state,
    stateRemembered: result.stateNotRemembered === undefined,
    warnings: [...plan.blocking, ...plan.warnings].map((f) => renderLint(out, f)),
    ...(embed ? { embed: { script: embed.script, config: embed.config, iframeUrl: embed.iframeUrl, html: embed.html } } : {}),
  });

  out.data(embed ? embed.html : plan.url);
  if (!out.json) {
    for (const f of plan.blocking) {
      const r = renderLint(out, f);
      out.warn(out.t(f.wechatRejects ? 'url.forced' : 'url.forced.policy', { message: r.message, effect: r.effect }));
    }
    for (const f of plan.warnings) warnFinding(out, f);
    for (const f of plan.notes) {
      const r = renderLint(out, f);
      out.note(joinText(out.lang, r.message, r.effect));
    }

    if (embed) {
      out.note(out.t('url.embed.note', { id: String(embed.config.id) }));
    } else {
      // An official account's callback on this machine: a phone that scans the code cannot reach it, so
      // no QR code unless --qr asks, and the link is for desktop WeChat here.
      const desktop = plan.warnings.some((f) => f.id === 'redirect_uri.loopback_phone');
      const drawn = result.qr && (!desktop || result.qrForced) ? await out.qr(plan.url, { force: result.qrForced }) : false;
      // An open base that is not WeChat's (the emulator): a phone cannot scan its way there; a browser
      // opens the page that plays WeChat's part.
      const host = result.notWechatHost;
      if (host !== undefined) out.say(out.t('url.landing.emulator', { host, redirectUri: plan.redirectUri }));
      else if (desktop) {
        out.say(out.t('url.landing.desktop', { redirectUri: plan.redirectUri }));
        if (result.qr && !result.qrForced && out.stderrIsTTY) out.note(out.t('url.qr.skipped.desktop'));
      }
      // "Scan it" only beside a QR code to scan (none in a pipe, with --no-qr, or too wide to draw).
      else out.say(out.t(plan.endpoint === 'qrconnect' ? 'url.landing.qrconnect' : drawn ? 'url.landing.authorize' : 'url.landing.authorize.noQr', { redirectUri: plan.redirectUri }));
    }
    if (!result.stateNotRemembered) {
      out.note(plan.state === '' ? out.t('url.state.none') : out.t('url.state.remembered', { state: plan.state, profile: result.profile }));
    }
  }
  const lost = result.stateNotRemembered;
  if (lost) {
    // The URL is good; only the later check is lost: said as a warning (in --json's `warnings` too),
    // then why, as the error would have said it.
    out.warning('state.not_remembered', out.t('url.state.notRemembered', { state: plan.state, reason: out.tr(lost.messageRef) }));
    if (!out.json && lost.hint) out.say(out.style.cyan('→ ') + out.tr(lost.hint));
  }

  if (result.opened === undefined) return;
  if (result.opened) out.note(out.t('url.open.opened'));
  else {
    // Said as login and emulator --open say it; the module is loaded already, by the command's --open.
    const { openFailureReason } = await import('../browser.js');
    out.warning('url.open.failed', out.t('url.open.failed', { reason: openFailureReason(result.openerFailed), where: whereToOpen(out, embed !== undefined) }));
  }
  if (result.desktopRefused) out.note(out.t('url.open.authorizeNote'));
}

/**
 * Where the URL to open by hand is: with --json nothing is above it, the URL is a field of the document.
 * "Above" only when stdout is the terminal too; redirected (`> f`) or piped, the URL went there, and "not
 * here" only when stderr is a terminal: both may go to one file (`> f 2>&1`), where the URL is right here.
 */
function whereToOpen(out: Output, embed: boolean): string {
  if (out.json) return out.t('url.open.where.json', { field: embed ? '.embed.iframeUrl' : '.url' });
  if (out.stdout.isTTY === true) return embed ? out.t('url.open.where.embed') : out.t('url.open.where.above');
  if (out.stderrIsTTY) return embed ? out.t('url.open.where.embed.stdout') : out.t('url.open.where.stdout');
  return embed ? out.t('url.open.where.embed.stdoutOnly') : out.t('url.open.where.stdoutOnly');
}
