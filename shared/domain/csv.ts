/**
 * CSV as RFC 4180 writes it (CRLF line ends, fields quoted when they hold the separator, a quote or a
 * line break, quotes doubled), in UTF-8 with a byte order mark so Excel reads umlauts right.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, and tab or carriage return, which some
 * programs strip first) gets a leading apostrophe: the text shows as typed, nothing is evaluated.
 * (OWASP, "CSV Injection".)
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvField(value: string, separator: ',' | ';'): string {
  const cell = guardFormula(value);
  return cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The whole file: BOM, then one CRLF-terminated record per row. */
export function toCsv(rows: readonly (readonly string[])[], separator: ',' | ';' = ','): string {
  return (
    UTF8_BOM + rows.map((row) => `${row.map((v) => csvField(v, separator)).join(separator)}\r\n`).join('')
  );
}
