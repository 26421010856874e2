import { Client } from '@opensearch-project/opensearch';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { stackEnv } from '@scs/test-support';
import { ensureKnowledgeIndex, knowledgeIndexBody } from '@scs/contracts/knowledge-index';

const ALIAS = `scs-knowledge-test-${randomUUID().slice(0, 8)}`;

/** Runs against the real OpenSearch, on an alias of its own so the shared one is left alone. */
describe('knowledge index in OpenSearch', () => {
  const client = new Client({ node: stackEnv().OPENSEARCH_URL! });
  const created: string[] = [];
  afterAll(async () => {
    for (const index of created) await client.indices.delete({ index }, { ignore: [404] });
    await client.close();
  });

  it('creates the index behind the alias once, even when callers race, with the mapping the product relies on', async () => {
    const options = { textDimensions: 8, imageDimensions: 4 };
    const names = await Promise.all([
      ensureKnowledgeIndex(client, options, ALIAS),
      ensureKnowledgeIndex(client, options, ALIAS),
      ensureKnowledgeIndex(client, options, ALIAS),
    ]);
    created.push(...new Set(names));
    expect(new Set(names).size).toBe(1);
    const index = names[0]!;
    expect(index.startsWith(`${ALIAS}-`)).toBe(true);
    const alias = await client.indices.getAlias({ name: ALIAS });
    expect(Object.keys(alias.body)).toEqual([index]);
    const mapping = (await client.indices.getMapping({ index })).body[index]!.mappings as { properties: Record<string, any> };
    expect(mapping.properties.textVector).toMatchObject({ type: 'knn_vector', dimension: 8, method: { engine: 'lucene', space_type: 'cosinesimil' } });
    expect(mapping.properties.orgId.type).toBe('keyword');
    expect(mapping.properties.text.fields.english.analyzer).toBe('english');
  });

  it('answers a k-NN query filtered by organization, and rejects fields outside the mapping', async () => {
    const index = await ensureKnowledgeIndex(client, { textDimensions: 8, imageDimensions: 4 }, ALIAS);
    const doc = (id: string, orgId: string, textVector: number[]) =>
      client.index({ index: ALIAS, id, body: { kind: 'chunk', orgId, sourceId: 's1', text: `text of ${id}`, textVector }, refresh: true });
    await doc('a', 'org-a', [1, 0, 0, 0, 0, 0, 0, 0]);
    await doc('b', 'org-b', [1, 0, 0, 0, 0, 0, 0, 0]);
    await doc('c', 'org-a', [0, 1, 0, 0, 0, 0, 0, 0]);
    const result = await client.search({
      index: ALIAS,
      body: { size: 2, query: { knn: { textVector: { vector: [0.9, 0.1, 0, 0, 0, 0, 0, 0], k: 2, filter: { term: { orgId: 'org-a' } } } } } },
    });
    expect(result.body.hits.hits.map((h) => h._id)).toEqual(['a', 'c']);
    await expect(client.index({ index, body: { kind: 'chunk', surprise: true } })).rejects.toThrow(/strict_dynamic_mapping_exception/);
    expect(knowledgeIndexBody({ textDimensions: 8, imageDimensions: 4 }).mappings.dynamic).toBe('strict');
  });
});
