const TABLE_ROW = /^\|.*\|$/;
const TABLE_RULE = /^\|(\s*:?-{3,}:?\s*\|)+$/;

/** The cells of a `| a | b |` row as the parser renders tables (a `|` inside a cell is escaped). */
function cellsOf(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replace(/\\\|/g, '|').trim());
}

/**
 * A table row as a sentence that stands on its own: each cell with its column's header
 * ("Plan: Business; Price per seat / month: $49"), so that the sentence model and a small language
 * model see which number belongs to what, even when only this row is chosen.
 */
function rowSentence(cells: readonly string[], header: readonly string[] | null): string {
  const parts = cells.map((cell, i) => (cell && header?.[i] ? `${header[i]}: ${cell}` : cell)).filter((part) => part.length > 0);
  return header ? `${parts.join('; ')}.` : parts.join(', ');
}

/**
 * Splits passage text into sentences (and list items, lines or table rows), keeping each one's
 * text as written; table rows come out labelled with their headers, the header and rule lines go.
 */
export function splitSentences(text: string): string[] {
  const lines = text.split(/\n+/).map((line) => line.trim());
  const units: string[] = [];
  let header: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!TABLE_ROW.test(line)) {
      header = null;
      units.push(...line.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/));
      continue;
    }
    if (TABLE_RULE.test(line)) continue;
    if (TABLE_RULE.test(lines[i + 1] ?? '')) {
      header = cellsOf(line);
      continue;
    }
    units.push(rowSentence(cellsOf(line), header));
  }
  return units.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}
