import { badUserInput } from '@scs/graphql-kit/auth/errors';
import { isUuid } from '@scs/graphql-kit/validation';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import { Arg, Ctx, Directive, Float, Query, Resolver } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { ImageHit, SearchHit, SearchInput, SearchResult } from './search.types.js';

async function run(input: SearchInput, ctx: KnowledgeContext): Promise<SearchResult> {
  const { orgId, role } = principalOf(ctx.identity);
  const query = input.query.trim();
  if (!query) throw badUserInput('query must not be empty.', 'query');
  if (input.sourceIds?.some((id) => !isUuid(id))) throw badUserInput('sourceIds must be source ids.', 'sourceIds');
  const outcome = await ctx.search.search({ query, orgId, role, sourceIds: input.sourceIds, limit: input.limit, includeImages: input.includeImages });
  return Object.assign(new SearchResult(), {
    query,
    tookMs: outcome.tookMs,
    hits: outcome.hits.map((hit) => Object.assign(new SearchHit(), hit)),
    images: outcome.images.map(({ thumbnailKey, ...image }) =>
      Object.assign(new ImageHit(), { ...image, thumbnailUrl: thumbnailKey ? ctx.mediaUrls.thumbnailUrl(orgId, thumbnailKey) : null }),
    ),
  });
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchResult, {
    description: 'Hybrid search (BM25 and vectors) over the content of your organization’s sources that your role may read.',
  })
  search(@Arg('input', () => SearchInput) input: SearchInput, @Ctx() ctx: KnowledgeContext): Promise<SearchResult> {
    return run(input, ctx);
  }

  /** The chat subgraph's retrieval for a customer's question: the same search, for those who may ask. */
  @Directive('@inaccessible')
  @Query(() => SearchResult)
  _retrieve(@Arg('input', () => SearchInput) input: SearchInput, @Ctx() ctx: KnowledgeContext): Promise<SearchResult> {
    return run(input, ctx);
  }

  /**
   * The chat subgraph's sentence selection: the cosine similarity of each sentence to the query, with
   * the same sentence model as the index (so the prompt keeps only the sentences that matter).
   */
  @Directive('@inaccessible')
  @Query(() => [Float])
  async _rankSentences(
    @Arg('query', () => String) query: string,
    @Arg('sentences', () => [String]) sentences: string[],
    @Ctx() ctx: KnowledgeContext,
  ): Promise<number[]> {
    principalOf(ctx.identity);
    if (!query.trim()) throw badUserInput('query must not be empty.', 'query');
    if (sentences.length > 200) throw badUserInput('at most 200 sentences.', 'sentences');
    if (sentences.some((s) => s.length > 2000)) throw badUserInput('a sentence is longer than 2000 characters.', 'sentences');
    return ctx.search.rankSentences(query.trim(), sentences);
  }
}
