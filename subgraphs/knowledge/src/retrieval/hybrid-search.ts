import type { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { KNOWLEDGE_INDEX_ALIAS } from '@scs/contracts/knowledge-index';
import { observeOpenSearch } from '@scs/runtime/observability/opensearch-metrics';
import type { Role } from '@scs/contracts/permissions';
import type { Embedder } from '@scs/embedding/embedder';
import { accessFilter } from './access-filter.js';
import type { SearchSettings } from './search-settings.js';

export const HYBRID_PIPELINE = 'scs-hybrid-minmax';

export interface SearchRequest {
  query: string;
  orgId: string;
  role: Role;
  sourceIds?: readonly string[] | null;
  limit: number;
  includeImages: boolean;
}

export interface ChunkHit {
  id: string;
  /** The fused score (RRF or normalised); comparable only within one result. */
  score: number;
  /** Cosine similarity of the chunk to the question: comparable across questions, the basis of confidence. */
  relevance: number;
  sourceId: string;
  pageUrl: string;
  url: string;
  title: string | null;
  headingPath: string | null;
  anchor: string | null;
  text: string;
  /** Passages with the question's words in <mark>; HTML-escaped otherwise (page text is untrusted). */
  highlights: string[];
}

export interface ImageHit {
  id: string;
  score: number;
  sourceId: string;
  imageUrl: string;
  pageUrl: string;
  alt: string | null;
  caption: string | null;
  thumbnailKey: string | null;
}

export interface SearchOutcome {
  hits: ChunkHit[];
  images: ImageHit[];
  tookMs: number;
}

interface RawHit {
  _id: string;
  _score: number | null;
  _source: Record<string, any>;
  highlight?: Record<string, string[]>;
}

const RRF_K = 60;
const TEXT_FIELDS = ['title^2', 'title.english^2', 'headingPath^1.5', 'headingPath.english^1.5', 'text', 'text.english'];
const IMAGE_FIELDS = ['alt^2', 'alt.english^2', 'caption^2', 'caption.english^2', 'text', 'text.english', 'title'];

function cosine(a: readonly number[], b: readonly number[] | undefined): number {
  if (!b || b.length !== a.length) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot; // both are L2-normalised
}

/** Reciprocal rank fusion: each list adds 1 / (k + rank); documents both retrievers found rise. */
function fuse(lists: RawHit[][]): { hit: RawHit; score: number }[] {
  const fused = new Map<string, { hit: RawHit; score: number }>();
  for (const list of lists) {
    list.forEach((hit, rank) => {
      const entry = fused.get(hit._id) ?? { hit, score: 0 };
      entry.score += 1 / (RRF_K + rank + 1);
      // Keep the copy that carries highlights (the BM25 one), when there is one.
      if (!entry.hit.highlight && hit.highlight) entry.hit = hit;
      fused.set(hit._id, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}

/**
 * Hybrid retrieval over the knowledge index: BM25 on the analysed text fields and k-NN on the
 * sentence vectors, fused (RRF, or OpenSearch's normalisation pipeline), filtered by organization,
 * source and audience, diversified per page and floored by cosine relevance. Images come from
 * BM25 on their alt text and caption and from CLIP text→image vectors.
 */
export class HybridSearch {
  constructor(
    private readonly openSearch: OpenSearchClient,
    private readonly embedder: Pick<Embedder, 'embedTexts' | 'embedImageQueries'>,
    private readonly settings: SearchSettings,
  ) {}

  /** The normalisation pipeline used by `fusion: normalization`; idempotent. */
  static async ensurePipeline(openSearch: OpenSearchClient): Promise<void> {
    await openSearch.transport.request({
      method: 'PUT',
      path: `/_search/pipeline/${HYBRID_PIPELINE}`,
      body: {
        description: 'Hybrid search: min-max normalised BM25 and k-NN scores, weighted mean',
        phase_results_processors: [
          {
            'normalization-processor': {
              normalization: { technique: 'min_max' },
              combination: { technique: 'arithmetic_mean', parameters: { weights: [0.4, 0.6] } },
            },
          },
        ],
      },
    });
  }

  /** Cosine similarity of each sentence to the query (sentence vectors, as the index has them). */
  async rankSentences(query: string, sentences: readonly string[]): Promise<number[]> {
    if (sentences.length === 0) return [];
    const { vectors } = await this.embedder.embedTexts({ texts: [query, ...sentences] });
    const [q, ...rest] = vectors;
    return rest.map((v) => Math.round(cosine(q!, v) * 1000) / 1000);
  }

  async search(request: SearchRequest, overrides: Partial<SearchSettings> = {}): Promise<SearchOutcome> {
    const settings = { ...this.settings, ...overrides };
    const started = performance.now();
    const [textVector, imageVector] = await Promise.all([
      this.embedder.embedTexts({ texts: [request.query] }).then((r) => r.vectors[0]!),
      request.includeImages ? this.embedder.embedImageQueries({ texts: [request.query] }).then((r) => r.vectors[0]!) : Promise.resolve(null),
    ]);
    const filter = accessFilter(request.orgId, request.role, request.sourceIds);
    const [hits, images] = await Promise.all([
      this.searchChunks(request, settings, filter, textVector),
      imageVector ? this.searchImages(request, settings, filter, imageVector) : Promise.resolve([]),
    ]);
    return { hits, images, tookMs: Math.round(performance.now() - started) };
  }

  private async searchChunks(request: SearchRequest, settings: SearchSettings, access: Record<string, unknown>[], vector: number[]): Promise<ChunkHit[]> {
    const filter = [...access, { term: { kind: 'chunk' } }];
    const bm25 = { multi_match: { query: request.query, fields: TEXT_FIELDS, type: 'most_fields' as const } };
    const knn = { knn: { textVector: { vector, k: settings.candidates, filter: { bool: { filter } } } } };
    const common = {
      size: settings.candidates,
      _source: { excludes: ['imageVector'] },
      highlight: {
        encoder: 'html' as const,
        pre_tags: ['<mark>'],
        post_tags: ['</mark>'],
        fields: { text: { fragment_size: 160, number_of_fragments: 2 } },
        highlight_query: { match: { text: request.query } },
      },
    };
    let ranked: { hit: RawHit; score: number }[];
    if (settings.fusion === 'normalization') {
      const { body } = await observeOpenSearch('search_chunks', () =>
        this.openSearch.search({
          index: KNOWLEDGE_INDEX_ALIAS,
          search_pipeline: HYBRID_PIPELINE,
          body: { ...common, query: { hybrid: { queries: [{ bool: { must: bm25, filter } }, knn] } } },
        } as never),
      );
      ranked = (body.hits.hits as unknown as RawHit[]).map((hit) => ({ hit, score: hit._score ?? 0 }));
    } else {
      const { body } = await observeOpenSearch('search_chunks', () =>
        this.openSearch.msearch({
          index: KNOWLEDGE_INDEX_ALIAS,
          body: [{}, { ...common, query: { bool: { must: bm25, filter } } }, {}, { ...common, query: knn }],
        }),
      );
      const lists = (body.responses as { hits?: { hits: RawHit[] }; error?: unknown }[]).map((r) => {
        if (r.error) throw new Error(`search failed: ${JSON.stringify(r.error).slice(0, 500)}`);
        return r.hits!.hits;
      });
      ranked = fuse(lists);
    }

    let scored = ranked.map(({ hit, score }) => ({ hit, score, relevance: cosine(vector, hit._source.textVector as number[] | undefined) }));
    if (settings.rerank === 'semantic') {
      // Exact cosine on the full vectors (HNSW is approximate; BM25-only hits had none), blended with the fused rank.
      const top = scored[0]?.score || 1;
      scored = scored.map((s) => ({ ...s, score: 0.5 * (s.score / top) + 0.5 * s.relevance })).sort((a, b) => b.score - a.score);
    }
    const perPage = new Map<string, number>();
    const hits: ChunkHit[] = [];
    for (const { hit, score, relevance } of scored) {
      if (hits.length >= request.limit) break;
      if (relevance < settings.minRelevance) continue;
      const source = hit._source;
      const seen = perPage.get(source.pageUrl) ?? 0;
      if (seen >= settings.maxPerPage) continue;
      perPage.set(source.pageUrl, seen + 1);
      hits.push({
        id: hit._id,
        score,
        relevance,
        sourceId: source.sourceId,
        pageUrl: source.pageUrl,
        url: source.anchor ? `${source.pageUrl}#${source.anchor}` : source.pageUrl,
        title: source.title ?? null,
        headingPath: source.headingPath ?? null,
        anchor: source.anchor ?? null,
        text: source.text,
        highlights: hit.highlight?.text ?? [],
      });
    }
    return hits;
  }

  private async searchImages(request: SearchRequest, settings: SearchSettings, access: Record<string, unknown>[], vector: number[]): Promise<ImageHit[]> {
    const filter = [...access, { term: { kind: 'image' } }];
    const source = { excludes: ['textVector'] };
    const { body } = await observeOpenSearch('search_images', () =>
      this.openSearch.msearch({
        index: KNOWLEDGE_INDEX_ALIAS,
        body: [
          {},
          { size: 10, _source: source, query: { bool: { must: { multi_match: { query: request.query, fields: IMAGE_FIELDS } }, filter } } },
          {},
          { size: 10, _source: source, query: { knn: { imageVector: { vector, k: 10, filter: { bool: { filter } } } } } },
        ],
      }),
    );
    const [byText, byVector] = (body.responses as { hits?: { hits: RawHit[] } }[]).map((r) => r.hits?.hits ?? []);
    const textIds = new Set(byText!.map((h) => h._id));
    // CLIP alone must clear its own floor; words in the alt text or caption are evidence enough.
    const vectorHits = byVector!.filter((h) => cosine(vector, h._source.imageVector as number[] | undefined) >= settings.imageMinRelevance);
    return fuse([byText!, vectorHits])
      .filter(({ hit }) => textIds.has(hit._id) || vectorHits.includes(hit))
      .slice(0, 3)
      .map(({ hit, score }) => ({
        id: hit._id,
        score,
        sourceId: hit._source.sourceId,
        imageUrl: hit._source.imageUrl,
        pageUrl: hit._source.pageUrl,
        alt: hit._source.alt ?? null,
        caption: hit._source.caption ?? null,
        thumbnailKey: hit._source.thumbnailKey ?? null,
      }));
  }
}
