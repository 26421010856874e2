import { z } from 'zod';

/** How hybrid search fuses BM25 and k-NN, and what it keeps; every knob has a measured default (docs/benchmarks.md). */
export const searchEnvSchema = z.object({
  /** `rrf`: reciprocal rank fusion of a BM25 and a k-NN query; `normalization`: OpenSearch's hybrid query with min-max normalisation. */
  SEARCH_FUSION: z.enum(['rrf', 'normalization']).default('normalization'),
  /** `semantic` re-orders the fused candidates by exact cosine similarity blended with the fused rank; `none` keeps the fused order. */
  SEARCH_RERANK: z.enum(['none', 'semantic']).default('none'),
  /** Candidates each retriever returns before fusion. */
  SEARCH_CANDIDATES: z.coerce.number().int().min(5).max(200).default(40),
  /** Chunks of one page in a result, at most (diversity). */
  SEARCH_MAX_PER_PAGE: z.coerce.number().int().min(1).max(20).default(2),
  /** Hits whose cosine similarity to the question is below this are dropped (MiniLM: nonsense scores ~0.2 against this kind of text). */
  SEARCH_MIN_RELEVANCE: z.coerce.number().min(-1).max(1).default(0.25),
  /** Images found only by the CLIP vector need at least this cosine similarity (text→image). */
  IMAGE_MIN_RELEVANCE: z.coerce.number().min(-1).max(1).default(0.25),
});

export type SearchEnv = z.infer<typeof searchEnvSchema>;

export interface SearchSettings {
  fusion: SearchEnv['SEARCH_FUSION'];
  rerank: SearchEnv['SEARCH_RERANK'];
  candidates: number;
  maxPerPage: number;
  minRelevance: number;
  imageMinRelevance: number;
}

export function searchSettingsFromEnv(env: SearchEnv): SearchSettings {
  return {
    fusion: env.SEARCH_FUSION,
    rerank: env.SEARCH_RERANK,
    candidates: env.SEARCH_CANDIDATES,
    maxPerPage: env.SEARCH_MAX_PER_PAGE,
    minRelevance: env.SEARCH_MIN_RELEVANCE,
    imageMinRelevance: env.IMAGE_MIN_RELEVANCE,
  };
}
