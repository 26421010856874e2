import { KNOWLEDGE_INDEX_ALIAS } from '@scs/contracts/knowledge-index';
import type { CrawlDependencies } from './dependencies.js';

/** After a complete run, everything of the source not written by this run is from pages that are gone. */
export function removeStalePages(deps: CrawlDependencies) {
  return async (input: { orgId: string; sourceId: string; runId: string }): Promise<number> => {
    const { body } = await deps.openSearch.deleteByQuery({
      index: KNOWLEDGE_INDEX_ALIAS,
      refresh: true,
      conflicts: 'proceed',
      body: {
        query: {
          bool: {
            filter: [{ term: { orgId: input.orgId } }, { term: { sourceId: input.sourceId } }],
            must_not: [{ term: { crawlRunId: input.runId } }],
          },
        },
      },
    });
    return Number((body as { deleted?: number }).deleted ?? 0);
  };
}
