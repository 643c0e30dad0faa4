// Wall-clock time as the user reads it. Pure: the moment is passed in.

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time `2026-01-15 10:00:00` (the terminal's time zone, as the user reads it). */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
