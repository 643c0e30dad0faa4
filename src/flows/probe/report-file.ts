// `wxauth probe --html FILE`: the write itself (flows/output-file.ts checks the path before the run).
import { writeFileAtomic } from '../../store/files.js';

/**
 * Write the page (a temporary file renamed over FILE, mode 0600, as config and HAR files are: a write
 * that fails part-way leaves the file the user agreed to replace as it was). The error code (ENOSPC,
 * EACCES…) when that fails, for the report to say after the card.
 */
export function writeReportFile(file: string, html: string): string | undefined {
  try {
    writeFileAtomic(file, html);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}
