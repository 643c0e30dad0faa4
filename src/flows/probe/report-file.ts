// `wxauth probe --html FILE`: the write itself (flows/output-file.ts checks the path before the run).
import fs from 'node:fs';

/** Write the page; the error code (ENOSPC, EACCES…) when that fails, for the report to say after the card. */
export function writeReportFile(file: string, html: string): string | undefined {
  try {
    fs.writeFileSync(file, html);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}
