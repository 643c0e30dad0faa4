// `wxauth --help`: the root help, written from the tables in src/cli.ts without loading commander.
// Loading commander (~60 KB) and declaring every command for this one page was most of `--help`'s
// start (issue 19). The page is exactly the one commander prints from src/program.ts: the same layout
// rules (the term column as wide as the widest term, descriptions wrapped at the terminal's width when
// at least minWidthToWrap() columns are left beside the terms, else left as they are), ported from commander's
// Help.formatHelp (lib/help.js, commander 14, MIT), with program.ts's wrapping by columns. test/startup.test.ts compares the two pages for
// both languages at widths from 20 to 200 columns.
import { COMMANDS, GLOBAL_OPTIONS } from './cli.js';
import { t, tOptional, type Lang } from './ui/i18n.js';
import { wrapToWidth } from './ui/output.js';

/**
 * The narrowest description column that is wrapped (program.ts sets commander's Help.minWidthToWrap to
 * it). On a terminal 24: at 80 columns the terms take ~45, and commander's own 40 left every description
 * unwrapped, for the terminal to break anywhere (Chinese mid-phrase). Into a pipe or a file commander's
 * 40, so that output stays as it was: nothing there breaks lines, and wrapping ~30 descriptions made
 * `wxauth --help` allocate enough for a scavenge (issue 19).
 */
export function minWidthToWrap(terminal: boolean): number {
  return terminal ? 24 : 40;
}

/** commander's boxWrap as wxauth's help does it (program.ts too): wrapped by terminal columns (ui/output.ts). */
export function boxWrap(text: string, width: number, minWidth: number): string {
  return width < minWidth ? text : wrapToWidth(text, width);
}

/** commander's formatItem: the term padded to the column, the description wrapped beside it. */
function item(term: string, termWidth: number, description: string, helpWidth: number, minWidth: number): string {
  if (!description) return '  ' + term;
  const remaining = helpWidth - termWidth - 2 - 2;
  const text =
    remaining < minWidth || /\n[^\S\r\n]/.test(description)
      ? description
      : boxWrap(description, remaining, minWidth).replace(/\n/g, '\n' + ' '.repeat(termWidth + 2));
  return '  ' + term.padEnd(termWidth) + '  ' + text.replace(/\n/g, '\n  ');
}

/** The root help page in `lang`, wrapped for `width` columns (80 when not a terminal; `terminal`: see minWidthToWrap). */
export function rootHelp(lang: Lang, width = 80, terminal = false): string {
  const minWidth = minWidthToWrap(terminal);
  const options: Array<[string, string]> = [
    ['--version', t(lang, 'cli.global.version')],
    ...GLOBAL_OPTIONS.map((spec): [string, string] => [spec.flags, t(lang, `cli.global.${spec.help}`)]),
    ['-h, --help', t(lang, 'cli.global.help')],
  ];
  const commands: Array<[string, string]> = [
    ...COMMANDS.map((spec): [string, string] => [[spec.name, '[options]', ...(spec.args ? spec.args.split(/\s+/) : [])].join(' '), tOptional(lang, `cli.${spec.name}.desc`) ?? '']),
    ['help [command]', t(lang, 'cli.help.command')],
  ];
  const termWidth = Math.max(...options.map(([term]) => term.length), ...commands.map(([term]) => term.length));
  // commander puts a space after the usage title; a full-width colon already carries its own.
  const usage = t(lang, 'cli.help.usage');
  const page = [
    `${usage}${usage.endsWith('：') ? '' : ' '}wxauth [options] [command]`,
    '',
    boxWrap(t(lang, 'cli.program.desc'), width, minWidth),
    '',
    t(lang, 'cli.help.options'),
    ...options.map(([term, description]) => item(term, termWidth, description, width, minWidth)),
    '',
    t(lang, 'cli.help.commands'),
    ...commands.map(([term, description]) => item(term, termWidth, description, width, minWidth)),
    '',
  ].join('\n');
  return `${page}${rootHelpEnd(lang)}\n`;
}

/** What follows the root page's lists: the examples and the exit codes (src/program.ts adds it to commander's page too). */
export function rootHelpEnd(lang: Lang): string {
  return `\n${t(lang, 'cli.examples')}\n${t(lang, 'cli.program.examples').replace(/^/gm, '  ')}\n\n${t(lang, 'cli.exitCodes')}`;
}
