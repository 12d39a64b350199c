/**
 * The CSV builder every export uses. Pure (no Nest) so it is unit-tested on its own.
 *
 * - UTF-8 with a byte-order mark, so spreadsheet software reads accents (Larrañaga) right;
 * - CRLF line endings (RFC 4180);
 * - a field is quoted when it holds a comma, a quote, CR or LF, or starts/ends with a space;
 *   quotes inside are doubled;
 * - a text field starting with = + - @ TAB or CR gets a leading apostrophe, so a spreadsheet
 *   never runs it as a formula (CSV injection). Numbers are written as numbers.
 */
export type CsvCell = string | number | boolean | null | undefined;

export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || /^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Builds the whole file: BOM, header row, then one row per record, each line ending in CRLF. */
export function buildCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return CSV_BOM + lines.map((line) => `${line}\r\n`).join('');
}
