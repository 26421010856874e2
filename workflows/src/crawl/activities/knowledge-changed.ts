import { bumpKnowledgeVersion } from '@scs/shared';
import type { CrawlDependencies } from './dependencies.js';

/** After a run changed what the organization knows: caches derived from the index (chat's answers) start over. */
export function markKnowledgeChanged(deps: CrawlDependencies) {
  return async (input: { orgId: string }): Promise<number> => bumpKnowledgeVersion(deps.redis, input.orgId);
}
