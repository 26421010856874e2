/**
 * CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break). Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return: customers' questions are untrusted) is prefixed with an apostrophe.
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
