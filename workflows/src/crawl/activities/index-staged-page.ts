import type { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { Context, ApplicationFailure } from '@temporalio/activity';
import { KNOWLEDGE_INDEX_ALIAS } from '@scs/contracts/knowledge-index';
import type { Redis } from '@scs/runtime/redis';
import type { EmbeddingActivities } from '@scs/contracts/embedding';
import type { CrawlRequest, IndexedPage } from '@scs/contracts/crawl';
import { completeStage, readStage } from './page-stage.js';

/** What the embedding worker needs to index staged pages. */
export interface IndexingDependencies {
  redis: Redis;
  openSearch: OpenSearchClient;
  embedder: Pick<EmbeddingActivities, 'embedTexts' | 'embedImages'>;
}

/**
 * Embeds a staged page (sentence vectors for chunks and image descriptions, CLIP vectors for the
 * images) and writes it to the index in one idempotent bulk request (ids are stable), then drops
 * the page's chunks past its new end. Runs on the embedding worker, next to the models.
 */
export function indexStagedPage(deps: IndexingDependencies) {
  return async (input: { request: CrawlRequest; runId: string; url: string; stageKey: string }): Promise<IndexedPage> => {
    const found = await readStage(deps.redis, input.stageKey);
    if (found === null) {
      throw ApplicationFailure.create({ type: 'StageMissing', nonRetryable: true, message: `the staged page ${input.url} is gone and was never indexed` });
    }
    if ('done' in found) return found.done;
    const { stage } = found;
    const { orgId, sourceId } = input.request;

    Context.current().heartbeat({ url: input.url, step: 'embed' });
    const documents = [...stage.chunks, ...stage.images];
    const texts = documents.length > 0 ? (await deps.embedder.embedTexts({ texts: documents.map((d) => d.embedText || d.id) })).vectors : [];
    Context.current().heartbeat({ url: input.url, step: 'embed-images' });
    const pictures = stage.images.length > 0 ? (await deps.embedder.embedImages({ images: stage.images.map((i) => i.modelInput) })).vectors : [];

    const operations = documents.flatMap((doc, i) => [
      { index: { _index: KNOWLEDGE_INDEX_ALIAS, _id: doc.id } },
      { ...doc.source, textVector: texts[i], ...(i >= stage.chunks.length ? { imageVector: pictures[i - stage.chunks.length] } : {}) },
    ]);
    Context.current().heartbeat({ url: input.url, step: 'index' });
    if (operations.length > 0) {
      const { body } = await deps.openSearch.bulk({ body: operations, refresh: false });
      if (body.errors) throw new Error(`indexing ${input.url} failed: ${JSON.stringify(body.items.find((i) => Object.values(i)[0]?.error))}`);
    }
    // The page may have shrunk since the last crawl: drop its chunks past the new end.
    await deps.openSearch.deleteByQuery({
      index: KNOWLEDGE_INDEX_ALIAS,
      conflicts: 'proceed',
      body: {
        query: {
          bool: {
            filter: [
              { term: { orgId } },
              { term: { sourceId } },
              { term: { kind: 'chunk' } },
              { term: { pageUrl: stage.pageUrl } },
              { range: { chunkIndex: { gte: stage.chunks.length } } },
            ],
          },
        },
      },
    });
    const result = { chunks: stage.chunks.length, images: stage.images.length };
    await completeStage(deps.redis, input.stageKey, result);
    return result;
  };
}
