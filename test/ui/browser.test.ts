import { describe, expect, it } from 'vitest';
import { openInBrowser, openerFor } from '../../src/ui/browser.js';

const URL = 'https://open.weixin.qq.com/connect/qrconnect?appid=wx1&redirect_uri=https%3A%2F%2Fa.com&response_type=code&scope=snsapi_login&state=s#wechat_redirect';

describe('openerFor', () => {
  it('uses xdg-open on Linux and open on macOS, passing the URL as one argument', () => {
    expect(openerFor(URL, 'linux')).toEqual({ command: 'xdg-open', args: [URL] });
    expect(openerFor(URL, 'darwin')).toEqual({ command: 'open', args: [URL] });
  });

  it('escapes & for cmd.exe on Windows, or start would cut the URL at the first parameter', () => {
    const opener = openerFor(URL, 'win32');
    expect(opener.command).toBe('cmd');
    expect(opener.verbatim).toBe(true);
    const line = opener.args.at(-1) ?? '';
    expect(line.startsWith('start "" https://open.weixin.qq.com/')).toBe(true);
    expect(line).toContain('appid=wx1^&redirect_uri=');
    expect(line).not.toMatch(/[^^]&/);
  });
});

describe('openInBrowser', () => {
  it('resolves false instead of throwing when no opener exists', async () => {
    await expect(openInBrowser(URL, { PATH: '/nonexistent-wxauth-test' }, 'linux')).resolves.toBe(false);
  });
});
