/** A piece of an answer's text: plain text, or a `[n]` marker that refers to a citation. */
export type AnswerSegment<C> = { kind: 'text'; text: string } | { kind: 'cite'; index: number; citation: C; marker: string };

/**
 * Splits an answer into text and citation markers (`[1]`, `[2]`…). Markers without a matching
 * citation stay text. Nothing here is HTML: the template renders every segment as text.
 */
export function splitCitations<C extends { index: number }>(text: string, citations: readonly C[]): AnswerSegment<C>[] {
  const byIndex = new Map(citations.map((c) => [c.index, c]));
  const segments: AnswerSegment<C>[] = [];
  let rest = '';
  let last = 0;
  for (const match of text.matchAll(/\[(\d{1,3})\]/g)) {
    const citation = byIndex.get(Number(match[1]));
    if (!citation) continue;
    rest += text.slice(last, match.index);
    if (rest) segments.push({ kind: 'text', text: rest });
    rest = '';
    segments.push({ kind: 'cite', index: citation.index, citation, marker: match[0] });
    last = match.index + match[0].length;
  }
  rest += text.slice(last);
  if (rest) segments.push({ kind: 'text', text: rest });
  return segments;
}

/** The URL when it is http(s), else null: crawled pages must not smuggle `javascript:` links in. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
