import { badUserInput, isUuid, principalOf } from '@scs/shared';
import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
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
}
