// The crawler's parsing stage: HTML → metadata, main text and content blocks (parsePage), retrieval chunks that
// follow the heading structure (chunkPage), and URL normalisation with the crawl-scope check (scopeFilter).
export {
  contentHashOf,
  decodeHtml,
  DEFAULT_PARSE_LIMITS,
  isPageParseError,
  PageParseError,
  parsePage,
  primaryLanguage,
  type BlockType,
  type ContentBlock,
  type OpenGraph,
  type PageHeading,
  type PageImage,
  type PageLink,
  type PageParseErrorReason,
  type ParseLimits,
  type ParsedPage,
  type ParsePageInput,
} from './parse-page.js';
export { chunkPage, estimateTokens, type Chunk, type ChunkOptions } from './chunk.js';
export {
  normalizeUrl,
  scopeFilter,
  scopePrefix,
  TRACKING_PARAMS,
  type CrawlScope,
  type OutOfScopeReason,
  type ScopeDecision,
  type ScopeFilter,
  type ScopeSource,
} from './links.js';
