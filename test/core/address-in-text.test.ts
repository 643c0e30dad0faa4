// core/callback-url.ts addressInText: the callback address out of a pasted text with words around it
// (exchange, listen --paste and inspect read it), and the inputs it must leave alone.
import { describe, expect, it } from 'vitest';
import { addressInText, cleanPastedCode } from '../../src/core/callback-url.js';

const CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
const URL_ = `https://a.com/cb?code=${CODE}&state=s1`;

describe('addressInText', () => {
  it('takes the address out of words, a label, a log line or a sentence', () => {
    expect(addressInText(`callback: ${URL_}`)).toBe(URL_);
    expect(addressInText(`回调：${URL_}`)).toBe(URL_);
    expect(addressInText(`URL=${URL_}`)).toBe(URL_);
    expect(addressInText(`${URL_} 这是回调`)).toBe(URL_);
    expect(addressInText(`${URL_}\n这是回调`)).toBe(URL_);
    expect(addressInText(`${URL_}，`)).toBe(URL_);
    expect(addressInText(`(see ${URL_})`)).toBe(URL_);
    expect(addressInText(`"${URL_}" 谢谢`)).toBe(URL_);
    expect(addressInText(`see ${URL_} for details`)).toBe(URL_);
    expect(addressInText(`127.0.0.1 - - "GET /cb?code=${CODE}&state=s1 HTTP/1.1" 200`)).toBe(`/cb?code=${CODE}&state=s1`);
  });

  it('drops a closing bracket the URL does not open itself, ASCII or full-width, and a sentence stop after it', () => {
    for (const text of [`[回调](${URL_})`, `（见 ${URL_}）`, `见${URL_}）`, `${URL_})`, `${URL_}）`, `${URL_}]`, `${URL_}】`, `${URL_})。`, `${URL_}，`, `${URL_}>`]) {
      expect(addressInText(text), text).toBe(URL_);
    }
    // A `)` that closes a `(` inside the URL is the URL's own.
    expect(addressInText(`(see ${URL_}(1))`)).toBe(`${URL_}(1)`);
    expect(addressInText(`${URL_}(1)`)).toBeUndefined();
    // exchange and listen --paste read the same.
    expect(cleanPastedCode(`[回调](${URL_})`).text).toBe(URL_);
    expect(cleanPastedCode(`${URL_}）`).text).toBe(URL_);
  });

  it('leaves an address alone when nothing is around it, or when what follows is its own rest', () => {
    // Nothing around it: a state may end with '.', '!' or ')', and contain a quote.
    for (const text of [URL_, `${URL_}.`, `https://a.com/cb?code=${CODE}&state=(xyz)`, `https://a.com/cb?code=${CODE}&state=it's`]) expect(addressInText(text)).toBeUndefined();
    // A URL inside a parameter of the address is not a label before it.
    expect(addressInText(`/cb?next=https://a.com/home&code=${CODE}&state=s`)).toBeUndefined();
    // Wrapped at a line break, or a fragment after a stray space: half of it would be a cut code.
    expect(addressInText(`https://a.com/cb?code=${CODE.slice(0, 20)}\n${CODE.slice(20)}&state=s1`)).toBeUndefined();
    expect(addressInText(`https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&state=abc #wechat_redirect`)).toBeUndefined();
    // A raw space inside a value, the query going on after it: one URL with a space in it.
    expect(addressInText(`https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&scope=snsapi_base&state=hello world#wechat_redirect`)).toBeUndefined();
    expect(addressInText(`https://a.com/cb?code=${CODE}&state=a b&from=menu`)).toBeUndefined();
    // Words after it that do not go on with the query are still words.
    expect(addressInText(`${URL_} see #3`)).toBe(URL_);
    // Two addresses, or none: nothing to choose.
    expect(addressInText(`code=${CODE} state=s1`)).toBeUndefined();
    expect(addressInText('not a callback at all')).toBeUndefined();
  });

  it('cleanPastedCode reads the address alone and says so; a wrapped URL is not cut', () => {
    expect(cleanPastedCode(`callback: ${URL_}`)).toEqual({ text: URL_, removed: ['surrounding'] });
    const wrapped = `https://a.com/cb?code=${CODE.slice(0, 20)}\n${CODE.slice(20)}&state=s1`;
    expect(cleanPastedCode(wrapped).removed).not.toContain('surrounding');
  });
});
