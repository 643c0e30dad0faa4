// A value written into a command line wxauth prints for the user to run (a --curl trace, the emulator
// page's verify line, init's example): POSIX single quotes, the one quoting sh, bash and zsh read alike.
// Pure.

/** `value` in single quotes, a quote inside written as '\'' . */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `value` as it is when a shell reads it as one plain word, else shellQuote'd. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : shellQuote(value);
}
