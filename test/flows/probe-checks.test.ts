// probe's pure judgements on a page (flows/probe/checks.ts): which runtime's stack trace it shows.
import { describe, expect, it } from 'vitest';
import { identityShown, missingValueShown, stackTraceIn } from '../../src/flows/probe/checks.js';

describe('stackTraceIn', () => {
  it('reads a plain-text stack of each runtime it knows', () => {
    expect(stackTraceIn("TypeError: x\n    at handler (/srv/app/index.js:12:5)")).toBe('node');
    expect(stackTraceIn('Traceback (most recent call last):\n  File "app.py", line 3')).toBe('python');
    expect(stackTraceIn('java.lang.NullPointerException: x\n\tat com.example.Foo.<init>(Foo.java:12)')).toBe('java');
    expect(stackTraceIn('goroutine 1 [running]:\nmain.main()')).toBe('go');
  });

  it("reads Express's default error page: lines broken by <br>, indented with &nbsp;", () => {
    const page = '<!DOCTYPE html><html lang="en"><body><pre>TypeError: Cannot read properties of undefined (reading &#39;length&#39;)<br> &nbsp; &nbsp;at file:///srv/app/express-app.mjs:83:16<br> &nbsp; &nbsp;at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)</pre></body></html>';
    expect(stackTraceIn(page)).toBe('node');
  });

  it('reads other entity spellings and a line per element', () => {
    expect(stackTraceIn('<pre>Error: x<br/>&#32;&#32;&#32;&#32;at run (C:\\app\\index.js:3:9)</pre>')).toBe('node');
    expect(stackTraceIn('<div>Error: x</div><div>&#x20;&#xA0;at run (/srv/a.js:3:9)</div>')).toBe('node');
    expect(stackTraceIn('<ul><li>Error: x</li><li>at <span class="fn">run</span> (<a href="#">/srv/a.js:3:9</a>)</li></ul>')).toBe('node');
    expect(stackTraceIn('<b>Fatal error</b>:  Uncaught Exception: boom in <b>/var/www/index.php</b>:3<br />\nStack trace:<br />\n#0 {main}')).toBe('php');
    expect(stackTraceIn('<p>Traceback&nbsp;(most&nbsp;recent&nbsp;call&nbsp;last):</p>')).toBe('python');
    expect(stackTraceIn('<pre>java.lang.IllegalStateException: x<br>&nbsp;&nbsp;&nbsp;&nbsp;at com.example.Foo.bar(Foo.java:12)</pre>')).toBe('java');
  });

  it('a page with no stack, links and times included, is none', () => {
    expect(stackTraceIn('<h1>登录失败</h1><p>微信登录没有完成（-1），请<a href="/auth/wechat">重试</a>。</p>')).toBeUndefined();
    expect(stackTraceIn('<p>Meet us<br>at 10:30:00 in /rooms/3</p>')).toBeUndefined();
  });
});

describe('identityShown (session.per_user)', () => {
  const zhang = { openid: 'oZhangSan000000000000000000a', unionid: 'oUnionZhang0000000000000000a', nickname: '张三' };
  const li = { openid: 'oLiSi00000000000000000000000', nickname: '李四' };
  it('finds the openid, the unionid and the nickname as a page writes them: as text, as HTML entities, as JSON escapes', () => {
    expect(identityShown(`<p>openid ${zhang.openid}</p>`, zhang, li)).toEqual(['openid']);
    expect(identityShown(`<script>var me = {"unionid":"${zhang.unionid}","nickname":"\\u5f20\\u4e09"}</script>`, zhang, li)).toEqual(['unionid', 'nickname']);
    expect(identityShown('<span>&#24352;&#19977;</span>', zhang, li)).toEqual(['nickname']);
    expect(identityShown(`<p>openid ${li.openid} 李四</p>`, zhang, li)).toEqual([]);
  });

  it('does not take a nickname of one character, or one inside the other user’s, as who is shown', () => {
    expect(identityShown('<p>王</p>', { openid: 'oA', nickname: '王' }, li)).toEqual([]);
    expect(identityShown('<p>张三丰</p>', zhang, { openid: 'oB', nickname: '张三丰' })).toEqual([]);
  });
});

describe('missingValueShown (unionid.absent)', () => {
  const unionid = 'oUnionZhang0000000000000000a';
  const before = `<p>openid oZhang 昵称 张三 unionid ${unionid}</p>`;
  it('finds the word a missing unionid became where the page before showed the unionid', () => {
    expect(missingValueShown('<p>openid oZhang 昵称 张三 unionid undefined</p>', before, unionid)).toBe('undefined');
    expect(missingValueShown('<p>openid oZhang 昵称 张三 unionid None</p>', before, unionid)).toBe('None');
    expect(missingValueShown('<p>openid oZhang 昵称 张三 unionid &lt;nil&gt;</p>', before, unionid)).toBe('<nil>');
    // The label as JSON writes it: "unionid":"null" is the text null, not JSON's null.
    expect(missingValueShown('{"openid":"oZhang","unionid":"null"}', `{"openid":"oZhang","unionid":"${unionid}"}`, unionid)).toBe('null');
  });

  it('finds undefined or null anywhere else as words of the page, not in its scripts, not as JSON’s own null', () => {
    expect(missingValueShown('<p>欢迎 undefined</p>', '<p>欢迎 张三</p>', undefined)).toBe('undefined');
    expect(missingValueShown('<p>账号 null</p>', '<p>账号 42</p>', undefined)).toBe('null');
    expect(missingValueShown('{"openid":"oZhang","unionid":null}', '{"openid":"oZhang"}', undefined)).toBeUndefined();
    expect(missingValueShown('<p>张三</p><script>if (x === undefined) y = null;</script>', '<p>张三</p>', undefined)).toBeUndefined();
    // A page that always says it (a help text) proves nothing.
    expect(missingValueShown('<p>张三</p><p>null means none</p>', '<p>李四</p><p>null means none</p>', undefined)).toBeUndefined();
    expect(missingValueShown('<p>openid oZhang 昵称 张三</p>', before, unionid)).toBeUndefined();
    expect(missingValueShown('<p>nullable undefinedness</p>', '<p></p>', undefined)).toBeUndefined();
  });
});
