// What a value pasted from elsewhere comes wrapped in, shared by the readers of pasted codes, callback
// URLs (callback-url.ts cleanPastedCode) and jsapi_tickets (jssdk.ts unwrapTicket).

/**
 * Quote pairs a pasted value comes wrapped in: a shell quoted twice, a .env line, a chat app or an
 * IME's full-width quotes. Opening → closing.
 */
export const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['＂', '＂'],
  ['＇', '＇'],
];

/** Invisible characters a chat app or a web page slips into copied text: zero-width space and joiners, word joiner, BOM. */
export const INVISIBLE_CHARS = /[\u200b-\u200d\u2060\ufeff]/g;
