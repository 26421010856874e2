import { badUserInput } from '@scs/graphql-kit/auth/errors';
import { KNOWLEDGE_INDEX_ALIAS } from '@scs/contracts/knowledge-index';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { sourceOrFail } from './source-lookup.js';
import { IndexedChunk, IndexedChunkPage, IndexedImage, IndexedImagePage, IndexedPage, IndexedPagePage } from './source-content.types.js';

/** Opaque cursors: OpenSearch's own position (search_after values or a composite after_key), base64url JSON. */
const encode = (position: unknown): string => Buffer.from(JSON.stringify(position)).toString('base64url');
function decode<T>(cursor: string | null | undefined, check: (value: unknown) => value is T): T | undefined {
  if (cursor == null) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // falls through to the error below
  }
  throw badUserInput('after must be a cursor returned by the previous page.', 'after');
}
const isSortValues = (v: unknown): v is (string | number)[] =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string' || typeof x === 'number');
const isAfterKey = (v: unknown): v is { pageUrl: string } => typeof v === 'object' && v !== null && typeof (v as { pageUrl?: unknown }).pageUrl === 'string';

/** The index documents of one kind of a source (already checked to be the caller's). */
function ofSource(source: { organizationId: string; id: string }, kind: 'chunk' | 'image'): Record<string, unknown>[] {
  return [{ term: { orgId: source.organizationId } }, { term: { sourceId: source.id } }, { term: { kind } }];
}

function pageSize(first: number): number {
  if (first < 1 || first > 200) throw badUserInput('first must be between 1 and 200.', 'first');
  return first;
}

/** What a crawl put in the index for one source: its pages, chunks and images, paged by cursor. */
@Resolver()
export class SourceContentResolver {
  @Query(() => IndexedPagePage, { description: 'Pages of a source in the index, by URL; `urlContains` filters.' })
  async sourcePages(
    @Arg('sourceId', () => ID) sourceId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('urlContains', () => String, { nullable: true }) urlContains: string | null,
    @Ctx() ctx: KnowledgeContext,
  ): Promise<IndexedPagePage> {
    const size = pageSize(first);
    const source = await sourceOrFail(ctx, sourceId);
    const afterKey = decode(after, isAfterKey);
    const filter = ofSource(source, 'chunk');
    if (urlContains) filter.push({ wildcard: { pageUrl: { value: `*${urlContains.replace(/[*?\\]/g, '\\$&')}*`, case_insensitive: true } } });
    const { body } = await ctx.openSearch.search({
      index: KNOWLEDGE_INDEX_ALIAS,
      body: {
        size: 0,
        query: { bool: { filter } },
        aggs: {
          pages: {
            composite: { size, sources: [{ pageUrl: { terms: { field: 'pageUrl' } } }], ...(afterKey ? { after: afterKey } : {}) },
            aggs: { first: { top_hits: { size: 1, sort: [{ chunkIndex: 'asc' }], _source: ['title', 'language', 'lastModified', 'indexedAt'] } } },
          },
        },
      },
    } as never);
    const pages = (body as any).aggregations.pages as {
      buckets: { key: { pageUrl: string }; doc_count: number; first: { hits: { hits: { _source: any }[] } } }[];
      after_key?: { pageUrl: string };
    };
    const items = pages.buckets.map((bucket) => {
      const doc = bucket.first.hits.hits[0]?._source ?? {};
      return Object.assign(new IndexedPage(), {
        url: bucket.key.pageUrl,
        title: doc.title ?? null,
        language: doc.language ?? null,
        chunkCount: bucket.doc_count,
        lastModified: doc.lastModified ? new Date(doc.lastModified) : null,
        indexedAt: new Date(doc.indexedAt),
      });
    });
    return Object.assign(new IndexedPagePage(), { items, nextCursor: items.length === size && pages.after_key ? encode(pages.after_key) : null });
  }

  @Query(() => IndexedChunkPage, { description: 'Chunks of a source in the index, by page and position; `pageUrl` narrows to one page.' })
  async sourceChunks(
    @Arg('sourceId', () => ID) sourceId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('pageUrl', () => String, { nullable: true }) pageUrl: string | null,
    @Ctx() ctx: KnowledgeContext,
  ): Promise<IndexedChunkPage> {
    const size = pageSize(first);
    const source = await sourceOrFail(ctx, sourceId);
    const searchAfter = decode(after, isSortValues);
    const filter = ofSource(source, 'chunk');
    if (pageUrl) filter.push({ term: { pageUrl } });
    const { body } = await ctx.openSearch.search({
      index: KNOWLEDGE_INDEX_ALIAS,
      body: {
        size,
        query: { bool: { filter } },
        sort: [{ pageUrl: 'asc' }, { chunkIndex: 'asc' }],
        _source: ['pageUrl', 'chunkIndex', 'headingPath', 'anchor', 'text'],
        ...(searchAfter ? { search_after: searchAfter } : {}),
      },
    } as never);
    const hits = (body as any).hits.hits as { _id: string; _source: any; sort: (string | number)[] }[];
    const items = hits.map((hit) =>
      Object.assign(new IndexedChunk(), { id: hit._id, ...hit._source, headingPath: hit._source.headingPath ?? null, anchor: hit._source.anchor ?? null }),
    );
    return Object.assign(new IndexedChunkPage(), { items, nextCursor: hits.length === size ? encode(hits[hits.length - 1]!.sort) : null });
  }

  @Query(() => IndexedImagePage, { description: 'Images of a source in the index, by URL, with thumbnails.' })
  async sourceImages(
    @Arg('sourceId', () => ID) sourceId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: KnowledgeContext,
  ): Promise<IndexedImagePage> {
    const size = pageSize(first);
    const source = await sourceOrFail(ctx, sourceId);
    const searchAfter = decode(after, isSortValues);
    const { body } = await ctx.openSearch.search({
      index: KNOWLEDGE_INDEX_ALIAS,
      body: {
        size,
        query: { bool: { filter: ofSource(source, 'image') } },
        // One document per image URL; the page makes the sort values a pair like the chunks'.
        sort: [{ imageUrl: 'asc' }, { pageUrl: 'asc' }],
        _source: ['imageUrl', 'pageUrl', 'alt', 'caption', 'thumbnailKey'],
        ...(searchAfter ? { search_after: searchAfter } : {}),
      },
    } as never);
    const hits = (body as any).hits.hits as { _id: string; _source: any; sort: (string | number)[] }[];
    const items = hits.map(({ _id, _source }) =>
      Object.assign(new IndexedImage(), {
        id: _id,
        imageUrl: _source.imageUrl,
        pageUrl: _source.pageUrl,
        alt: _source.alt ?? null,
        caption: _source.caption ?? null,
        thumbnailUrl: _source.thumbnailKey ? ctx.mediaUrls.thumbnailUrl(source.organizationId, _source.thumbnailKey) : null,
      }),
    );
    return Object.assign(new IndexedImagePage(), { items, nextCursor: hits.length === size ? encode(hits[hits.length - 1]!.sort) : null });
  }
}
