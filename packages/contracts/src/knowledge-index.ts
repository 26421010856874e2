import type { Client } from '@opensearch-project/opensearch';

/** Every knowledge index is read and written through this alias, so it can be rebuilt behind it without downtime. */
export const KNOWLEDGE_INDEX_ALIAS = 'scs-knowledge';

/** Bumped when the mapping changes; a new version is built beside the old one and the alias moved over. */
export const KNOWLEDGE_MAPPING_VERSION = 1;

export interface KnowledgeIndexOptions {
  /** Length of text embeddings (the sentence-transformer's output size). */
  textDimensions: number;
  /** Length of image embeddings (the CLIP model's output size). */
  imageDimensions: number;
}

/** HNSW on Lucene: the engine that works with the plugin build this stack installs (no native libraries needed). */
function vector(dimension: number) {
  return {
    type: 'knn_vector',
    dimension,
    method: { name: 'hnsw', space_type: 'cosinesimil', engine: 'lucene', parameters: { m: 16, ef_construction: 128 } },
  };
}

/**
 * One document per chunk of page text or per image. Text is analysed (standard, plus English
 * stemming in a sub-field); organization, source and access roles are keywords every query filters on.
 */
export function knowledgeIndexBody(options: KnowledgeIndexOptions) {
  return {
    settings: {
      index: { knn: true, number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
    },
    mappings: {
      dynamic: 'strict' as const,
      properties: {
        kind: { type: 'keyword' },
        orgId: { type: 'keyword' },
        sourceId: { type: 'keyword' },
        accessRoles: { type: 'keyword' },
        crawlRunId: { type: 'keyword' },
        pageUrl: { type: 'keyword' },
        canonicalUrl: { type: 'keyword' },
        title: { type: 'text', fields: { english: { type: 'text', analyzer: 'english' }, raw: { type: 'keyword', ignore_above: 512 } } },
        headingPath: { type: 'text', fields: { english: { type: 'text', analyzer: 'english' } } },
        anchor: { type: 'keyword' },
        chunkIndex: { type: 'integer' },
        text: { type: 'text', fields: { english: { type: 'text', analyzer: 'english' } } },
        language: { type: 'keyword' },
        contentHash: { type: 'keyword' },
        lastModified: { type: 'date' },
        indexedAt: { type: 'date' },
        imageUrl: { type: 'keyword' },
        thumbnailKey: { type: 'keyword' },
        alt: { type: 'text', fields: { english: { type: 'text', analyzer: 'english' } } },
        caption: { type: 'text', fields: { english: { type: 'text', analyzer: 'english' } } },
        textVector: vector(options.textDimensions),
        imageVector: vector(options.imageDimensions),
      },
    },
  };
}

function isAlreadyExists(error: unknown): boolean {
  const body = (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body;
  return body?.error?.type === 'resource_already_exists_exception' || body?.error?.type === 'invalid_alias_name_exception';
}

type CreateBody = NonNullable<Parameters<Client['indices']['create']>[0]['body']>;

/**
 * Makes sure `alias` points at an index with the current mapping. Idempotent and safe to race:
 * the concrete name is fixed per mapping version (`<alias>-v1`), so concurrent callers compete to
 * create the same index and the losers find it. Returns the concrete index name.
 */
export async function ensureKnowledgeIndex(client: Client, options: KnowledgeIndexOptions, alias: string = KNOWLEDGE_INDEX_ALIAS): Promise<string> {
  const existing = await client.indices.getAlias({ name: alias }, { ignore: [404] });
  const names = existing.statusCode === 404 ? [] : Object.keys(existing.body ?? {});
  if (names.length > 0) return names[0]!;
  const index = `${alias}-v${KNOWLEDGE_MAPPING_VERSION}`;
  try {
    const body = { ...knowledgeIndexBody(options), aliases: { [alias]: { is_write_index: true } } } as unknown as CreateBody;
    await client.indices.create({ index, body });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  return index;
}
