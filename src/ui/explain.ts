// Presents an errcode explanation (src/core/errcodes.ts). Used by `wxauth errcode` (full, on
// stdout: the explanation is the command's data) and by ui/present/error.ts whenever WeChat answers a command
// with an errcode (compact, on stderr: it is talk around the error).
import type { Bilingual, ErrcodeExplanation, ExplanationItem, UnknownInput } from '../core/errcodes.js';
import { joinList, tOptional, type Lang } from './i18n.js';
import type { Output } from './output.js';
import { formatLocalTime, joinText } from './format.js';

export interface PrintExplanationOptions {
  /** Meaning, top causes and fixes in the user's language only. */
  compact?: boolean;
  /** Where to print; defaults to stderr (talk), as main.ts needs. */
  to?: 'stdout' | 'stderr';
  /** Put before every line (the demo shows an explanation under its step). */
  indent?: string;
}

function other(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The rid note with its time in the terminal's local time, as every other time wxauth prints (--json keeps the ISO UTC). */
function ridNoteText(e: ErrcodeExplanation, lang: Lang): string {
  const text = e.ridNote ? pick(e.ridNote, lang) : '';
  return e.ridIssued ? text.split(e.ridIssued).join(formatLocalTime(Date.parse(e.ridIssued))) : text;
}

function pick(b: Bilingual, lang: Lang): string {
  return b[lang];
}

/** The meaning in one language, with a note when that text is not the sources' own. */
function meaningLine(out: Output, e: Pick<ErrcodeExplanation, 'meaning' | 'untranslated' | 'derived'>, lang: Lang): string {
  const text = e.meaning[lang];
  // The note is in the user's language (out.lang), whichever language the meaning is in.
  if (e.untranslated?.includes(lang)) return untranslatedCell(out, e, lang);
  if (e.derived?.includes(lang)) return joinText(out.lang, text, out.style.dim(out.t(`errcode.derived.${lang}`)));
  return text;
}

/**
 * The meaning in the other language, under the user's: WeChat's own text in that language is worth
 * seeing (an errmsg arrives in English, the docs are Chinese). A Chinese reader gets no English that is
 * wxauth's alone: a translation of a Chinese-only meaning (`derived`) or an error page's explanation,
 * which wxauth wrote in both languages. An English reader keeps the Chinese: it is the page's or the
 * docs' wording.
 */
function otherMeaningLine(out: Output, e: ErrcodeExplanation, lang: Lang): string | undefined {
  const o = other(lang);
  if (lang === 'zh' && (e.page !== undefined || e.derived?.includes(o))) return undefined;
  return meaningLine(out, e, o);
}

/**
 * A meaning in a table's cell: in the user's language, and when no source has that language, the other
 * one with the same note a single code gets. (A meaning wxauth translated is in the right language: a
 * table leaves that note to the code's own explanation and to --json's `derived`.)
 */
export function untranslatedCell(out: Output, e: Pick<ErrcodeExplanation, 'meaning' | 'untranslated'>, lang: Lang = out.lang): string {
  const text = e.meaning[lang];
  return e.untranslated?.includes(lang) ? joinText(out.lang, text, out.style.dim(out.t(`errcode.untranslated.${lang}`))) : text;
}

function ipLine(out: Output, e: ErrcodeExplanation): string | undefined {
  if (e.ip !== undefined && e.ipv6 !== undefined) return out.t('errcode.ip.mapped', { ip: e.ip, ipv6: e.ipv6 });
  if (e.ip !== undefined) return out.t('errcode.ip.value', { ip: e.ip });
  if (e.ipv6 !== undefined) return out.t('errcode.ip.v6only', { ipv6: e.ipv6 });
  return undefined;
}

function title(out: Output, e: ErrcodeExplanation): string {
  if (e.page) {
    const text = pick(e.page.text, out.lang);
    const related = (e.related ?? (e.code !== undefined ? [e.code] : [])).map(String);
    if (e.stage === 'jssdk') return related.length === 0 ? out.t('errcode.title.jssdk.noCode', { text }) : out.t('errcode.title.jssdk', { text, related });
    return related.length === 0 ? out.t('errcode.title.page.noCode', { text }) : out.t('errcode.title.page', { text, related });
  }
  const head = out.t('errcode.title.code', { code: e.code });
  return e.table === 'wecom' ? `${head} · ${out.t('errcode.title.wecom')}` : head;
}

/** Numbered items; without an endpoint, items specific to some endpoints say which. */
function numbered(out: Output, items: ExplanationItem[], lang: Lang, showOn: boolean): string[] {
  return items.map((item, i) => {
    const on = showOn && item.on?.length ? (lang === 'zh' ? '' : ' ') + out.style.dim(out.t('errcode.on', { endpoints: item.on.map((p) => (p.endsWith('/') ? p + '*' : p)) })) : '';
    return `  ${i + 1}. ${pick(item, lang)}${on}`;
  });
}

/** Print one explanation. */
export function printExplanation(out: Output, e: ErrcodeExplanation, opts: PrintExplanationOptions = {}): void {
  const to = opts.to ?? 'stderr';
  const indent = opts.indent ?? '';
  const line = (s = '') => (to === 'stdout' ? out.data(indent + s) : out.say(indent + s));
  const lang = out.lang;

  if (opts.compact) {
    line(`${out.style.bold(title(out, e))}  ${meaningLine(out, e, lang)}`);
    if (e.tableNote) line(pick(e.tableNote, lang));
    const causes = e.causes.slice(0, 3);
    if (causes.length) {
      line(out.t('errcode.label.causes'));
      for (const l of numbered(out, causes, lang, e.endpoint === undefined)) line(l);
    }
    const fixes = e.fixes.slice(0, 3);
    if (fixes.length) {
      line(out.t('errcode.label.fixes'));
      for (const l of numbered(out, fixes, lang, e.endpoint === undefined)) line(l);
    }
    if (e.ridNote) line(out.style.dim(ridNoteText(e, lang)));
    if (e.known) line(out.style.dim(out.t('errcode.compact.more', { code: e.code })));
    return;
  }

  line(out.style.bold(title(out, e)));
  if (e.tableNote) line(pick(e.tableNote, lang));
  // With an endpoint, its stage; without one, every stage the code occurs in.
  const stageNames = (e.endpoint === undefined && e.stages?.length ? e.stages : e.stage !== undefined ? [e.stage] : []).map(
    (s) => {
      return tOptional(out.lang, `errcode.stage.${s}`) ?? s;
    },
  );
  out.fields(
    [
      [out.t('errcode.label.meaning'), meaningLine(out, e, lang)],
      ['', otherMeaningLine(out, e, lang)],
      [out.t('errcode.label.stage'), stageNames.length ? stageNames.join(out.lang === 'zh' ? '；' : '; ') : undefined],
      [out.t('errcode.label.endpoints'), e.endpoints?.length ? joinList(lang, e.endpoints) : undefined],
      [out.t('errcode.label.endpoint'), e.endpoint],
      // A pasted `errcode=-1` has no errmsg: no empty row for it.
      [out.t('errcode.label.errmsg'), e.errmsg === '' ? undefined : e.errmsg],
      [out.t('errcode.label.rid'), e.rid],
      [out.t('errcode.label.ip'), ipLine(out, e)],
    ],
    to,
  );
  if (e.ridNote) line(out.style.dim(ridNoteText(e, lang)));
  if (e.causes.length) {
    line(out.style.bold(out.t('errcode.label.causes')));
    for (const l of numbered(out, e.causes, lang, e.endpoint === undefined)) line(l);
  }
  if (e.fixes.length) {
    line(out.style.bold(out.t('errcode.label.fixes')));
    for (const l of numbered(out, e.fixes, lang, e.endpoint === undefined)) line(l);
  }
  if (!e.rich && e.table === 'wechat') line(out.style.dim(out.t('errcode.noRich')));
  if (e.otherTable) {
    line(
      out.style.dim(
        out.t(`errcode.otherTable.${e.otherTable.table}`, { code: e.code, meaning: clause(pick(e.otherTable.meaning, lang)) }),
      ),
    );
  }
  out.fields(
    [
      [out.t('errcode.label.doc'), e.doc],
      [out.t('errcode.label.sources'), e.sources?.length ? joinList(lang, e.sources.map((s) => tOptional(out.lang, `errcode.source.${s}`) ?? s)) : undefined],
    ],
    to,
  );
}

/** A table's meaning inside a sentence of ours, which ends it: without its own full stop (。。). */
function clause(text: string): string {
  return text.replace(/[。.！!\s]+$/u, '');
}

/** An input that is a number alone, as typed (`007`, `+40029`, `-1`); also present/errcode.ts's. */
export const NUMBER_RE = /^[+-]?\d+$/;

/**
 * An unknown code's range, said in a line of its own (noRange) or over its known codes (nearest): `40xxx` as
 * it is; a range of x alone (a code under 1000: `x`, `-xx`) says nothing as a label, so by the numbers it
 * holds (1 to 9, -99 to -10). With --wecom, in the WeCom table's own words.
 */
function sayRange(out: Output, u: UnknownInput, range: string, line: 'noRange' | 'nearest'): void {
  const wecom = u.table === 'wecom';
  if (!/^-?x+$/.test(range)) {
    if (line === 'noRange') out.say(wecom ? out.t('errcode.unknown.noRange.wecom', { range }) : out.t('errcode.unknown.noRange', { range }));
    else out.say(wecom ? out.t('errcode.unknown.nearest.wecom', { range }) : out.t('errcode.unknown.nearest', { range }));
    return;
  }
  const digits = range.replace('-', '').length;
  const low = digits === 1 ? 1 : 10 ** (digits - 1);
  const high = 10 ** digits - 1;
  const [from, to] = range.startsWith('-') ? [-high, -low] : [low, high];
  if (line === 'noRange') out.say(wecom ? out.t('errcode.unknown.noRange.short.wecom', { from, to }) : out.t('errcode.unknown.noRange.short', { from, to }));
  else out.say(wecom ? out.t('errcode.unknown.nearest.short.wecom', { from, to }) : out.t('errcode.unknown.nearest.short', { from, to }));
}

/** An input that matched nothing: say so, then the nearest codes and where to look (stderr). */
/** An unknown input longer than this (characters), or of several lines, is named by its start. */
const LONG_INPUT = 200;
const QUOTED_START = 80;

export function printUnknown(out: Output, u: UnknownInput): void {
  if (u.outOfRange !== undefined) {
    const { number, min, max } = u.outOfRange;
    // A number of more digits than a line holds (a column of 9s, a blob of digits piped in) is named by its
    // start and its length, as a long text is: quoted whole, it was one line of 100,000 characters.
    const digits = number.replace(/^-/, '');
    if (digits.length > QUOTED_START) {
      const start = `${number.startsWith('-') ? '-' : ''}${digits.slice(0, QUOTED_START)}…`;
      out.failure(out.t('errcode.unknown.outOfRange.long', { start, digits: digits.length, min, max }));
    } else out.failure(out.t('errcode.unknown.outOfRange', { number, min, max }));
    out.say(out.t('errcode.unknown.outOfRange.hint', { digits: String(Math.max(Math.abs(min), Math.abs(max))).length }));
  } else if (u.code !== undefined) {
    const wecom = u.table === 'wecom' ? '.wecom' : '';
    // `007` is named as typed, and said to be read as 7 (an errcode is a JSON number: no leading zeros).
    if (NUMBER_RE.test(u.input) && u.input !== String(u.code)) out.failure(out.t(`errcode.unknown.codeAs${wecom}`, { input: u.input, code: u.code }));
    else out.failure(out.t(`errcode.unknown.code${wecom}`, { code: u.code }));
  } else {
    const input = u.read ?? u.input;
    // A piped log (or a long paste) with nothing to explain is named by its start and size, not quoted
    // back whole: stdin is read up to 1 MiB.
    const lines = input.split('\n');
    if (lines.length > 1 || input.length > LONG_INPUT) {
      const start = lines[0]!.length > QUOTED_START ? `${lines[0]!.slice(0, QUOTED_START)}…` : `${lines[0]}${lines.length > 1 ? ' …' : ''}`;
      out.failure(out.t('errcode.unknown.keyword.long', { start, lines: lines.length, chars: input.length }));
    } else out.failure(out.t('errcode.unknown.keyword', { input }));
  }
  if (u.otherTable) {
    out.say(
      out.t(`errcode.unknown.otherTable.${u.otherTable.table}`, {
        code: u.code,
        meaning: clause(pick(u.otherTable.meaning, out.lang)),
      }),
    );
  }
  for (const n of u.didYouMean ?? []) out.say(out.t('errcode.unknown.didYouMean', { code: n.code, meaning: clause(untranslatedCell(out, n)) }));
  // More digits than any errcode: the number copied is something else, or more than the code.
  if (u.longest !== undefined) out.say(out.t('errcode.unknown.outOfRange.hint', { digits: u.longest }));
  else if (u.range !== undefined && u.nearest.length === 0) sayRange(out, u, u.range, 'noRange');
  if (u.nearest.length) {
    sayRange(out, u, u.range ?? '', 'nearest');
    out.table(
      [out.t('errcode.list.code'), out.t('errcode.list.meaning')],
      u.nearest.map((n) => [String(n.code), untranslatedCell(out, n)]),
      'stderr',
    );
  }
  out.say(out.t('errcode.unknown.where'));
  for (const w of u.where) out.say(`  - ${pick(w, out.lang)}`);
}
