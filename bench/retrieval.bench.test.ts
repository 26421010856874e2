// Retrieval quality and latency, every configuration in one run over the same crawled fixture site:
// fusion (reciprocal rank fusion vs OpenSearch's min-max normalisation pipeline) × re-ranking (none vs
// exact-cosine), in process against the real index, plus p50/p95 of the public `search` query
// through the gateway with the default configuration.
//
//   npm test once (or `npm run up`) so the stack and models exist, then:
//   npx tsc -b && SCS_TEST_PORT_BASE=4700 npx vitest run --config bench/vitest.config.ts retrieval
//
// Writes bench/results/retrieval.md (not committed) and prints it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { expect, it } from 'vitest';
import {
  addAndCrawlSource,
  GENEROUS_RATE_LIMITS,
  graphqlRequest,
  registerAdmin,
  stackEnv,
  startEmbeddingWorker,
  startIngestionWorker,
  startSystem,
} from '@scs/test-support';
import { HybridSearch } from '../subgraphs/knowledge/src/retrieval/hybrid-search.js';
import { searchEnvSchema, searchSettingsFromEnv } from '../subgraphs/knowledge/src/retrieval/search-settings.js';
import { createEmbedder } from '@scs/embedding/embedder';
import { embedderConfigFromEnv, embeddingEnvSchema } from '@scs/embedding/config';
import { startFixtureSite } from '../workflows/test/fixture-site/site.js';
import { EVALUATION_QUESTIONS } from '../workflows/test/fixture-site/questions.js';

const ROUNDS = 5;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

it('retrieval: quality and latency per configuration', async () => {
  const site = await startFixtureSite();
  const system = await startSystem(1, { ...GENEROUS_RATE_LIMITS, CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port });
  const gateway = system.gateways[0]!;
  const workers = [await startIngestionWorker({ CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port }), await startEmbeddingWorker()];
  const openSearch = new OpenSearchClient({ node: stackEnv().OPENSEARCH_URL! });
  const embedder = createEmbedder(embedderConfigFromEnv(embeddingEnvSchema.parse(stackEnv())));
  try {
    const admin = await registerAdmin(gateway, 'Bench');
    const { sourceId } = await addAndCrawlSource(gateway, admin, { startUrl: `${site.baseUrl}/` });
    await HybridSearch.ensurePipeline(openSearch);
    const base = searchSettingsFromEnv(searchEnvSchema.parse({}));
    const search = new HybridSearch(openSearch, embedder, base);
    await embedder.load();

    const rows: string[] = [];
    for (const fusion of ['rrf', 'normalization'] as const) {
      for (const rerank of ['none', 'semantic'] as const) {
        const reciprocal: number[] = [];
        let first = 0;
        let top3 = 0;
        const times: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          for (const { question, answeredBy } of EVALUATION_QUESTIONS) {
            const started = performance.now();
            const { hits } = await search.search(
              { query: question, orgId: admin.orgId, role: 'admin', sourceIds: [sourceId], limit: 5, includeImages: false },
              { fusion, rerank },
            );
            times.push(performance.now() - started);
            if (round > 0) continue;
            const rank = hits.findIndex((h) => new URL(h.pageUrl).pathname === answeredBy) + 1;
            reciprocal.push(rank ? 1 / rank : 0);
            if (rank === 1) first++;
            if (rank >= 1 && rank <= 3) top3++;
          }
        }
        const mrr = reciprocal.reduce((a, b) => a + b, 0) / reciprocal.length;
        rows.push(
          `| ${fusion} | ${rerank} | ${mrr.toFixed(3)} | ${first}/${EVALUATION_QUESTIONS.length} | ${top3}/${EVALUATION_QUESTIONS.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`,
        );
      }
    }

    // The public query end to end (HTTP, gateway, knowledge, query embedding, OpenSearch), default configuration.
    const gatewayTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const { question } of EVALUATION_QUESTIONS) {
        const started = performance.now();
        const { body } = await graphqlRequest(
          gateway.baseUrl,
          'query($i: SearchInput!) { search(input: $i) { hits { id } images { id } } }',
          { i: { query: question, limit: 5 } },
          admin.headers,
        );
        gatewayTimes.push(performance.now() - started);
        expect(body.errors).toBeUndefined();
      }
    }
    const report = [
      `Questions: ${EVALUATION_QUESTIONS.length} (workflows/test/fixture-site/questions.ts), ${ROUNDS} rounds for latency; quality from the first round.`,
      '',
      '| fusion | re-rank | MRR | answer first | answer in top 3 | p50 ms | p95 ms |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Public \`search\` through the gateway (default configuration, images included): p50 ${percentile(gatewayTimes, 50).toFixed(1)} ms, p95 ${percentile(gatewayTimes, 95).toFixed(1)} ms over ${gatewayTimes.length} requests.`,
    ].join('\n');
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/retrieval.md', `${report}\n`);
    console.log(report);
  } finally {
    await embedder.dispose();
    await openSearch.close();
    for (const worker of workers) await worker.stop();
    await system.stop();
    await site.stop();
  }
});
