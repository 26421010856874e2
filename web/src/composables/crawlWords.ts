import type { CrawlScope, CrawlStatus, JsRendering } from '../gql/graphql';

export const crawlStatusWords: Record<CrawlStatus, string> = {
  RUNNING: 'Running',
  PAUSED: 'Paused',
  CANCELLED: 'Cancelled',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
};

export const scopeWords: Record<CrawlScope, string> = {
  HOST: 'Whole host',
  PATH_PREFIX: 'Under the start path',
};

export const jsRenderingWords: Record<JsRendering, string> = {
  AUTO: 'Automatic',
  ALWAYS: 'Always',
  NEVER: 'Never',
};

/** "out_of_scope" → "out of scope". */
export const reasonWords = (reason: string) => reason.replace(/_/g, ' ');

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
