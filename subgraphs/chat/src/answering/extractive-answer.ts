import { snippetOf } from './citations.js';
import type { ContextDocument } from './context-builder.js';

/**
 * The answer when the model's output is unusable (nothing, or only what the output guard held
 * back): the best passage quoted, and the next best page named, with citation markers, so the
 * customer still gets the sources retrieval found.
 */
export function extractiveAnswer(documents: readonly ContextDocument[]): string {
  const [best, ...rest] = documents;
  if (!best) return '';
  const lines = [`Here is what our help pages say: “${snippetOf(best, 320)}” [${best.index}]`];
  const next = rest.find((d) => d.hit.pageUrl !== best.hit.pageUrl && d.hit.relevance >= best.hit.relevance - 0.1);
  if (next) lines.push(`See also: ${next.hit.title ?? next.hit.url} [${next.index}].`);
  return lines.join('\n');
}
