// `wxauth probe --html FILE`: the write itself (flows/output-file.ts checks the path before the run).
import { writeOutputFile, type OutputCheck, type PlacedFile } from '../output-file.js';

/**
 * Write the page (a temporary file renamed to FILE, mode 0600, as HAR files are: a write that fails
 * part-way leaves the file the user agreed to replace as it was). A symlink at FILE is replaced
 * itself, never written through; a file that took FILE after the check is kept, the page written
 * beside it (output-file.ts placeOutputFile). Where it went, or the error code (ENOSPC, EACCES…) when
 * that fails, for the report to say after the card.
 */
export function writeReportFile(file: string, html: string, check: OutputCheck, yes: boolean): PlacedFile | { error: string } {
  try {
    return writeOutputFile(file, html, check, yes);
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}
