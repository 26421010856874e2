import { audit } from '@scs/graphql-kit/auth/audit';
import { badUserInput } from '@scs/graphql-kit/auth/errors';
import { bumpKnowledgeVersion } from '@scs/contracts/knowledge-version';
import { isUuid } from '@scs/graphql-kit/validation';
import { KNOWLEDGE_INDEX_ALIAS } from '@scs/contracts/knowledge-index';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { sourceOrFail } from './source-lookup.js';
import { removeRecrawlSchedule, syncRecrawlSchedule } from '../crawling/recrawl-schedules.js';
import { SourceRecord } from '../entities/source.entity.js';
import { applySettings, normalizeStartUrl, SOURCE_DEFAULTS, vetStartUrl } from './source-settings.js';
import { AddSourceInput, Source, SourceSettingsInput } from './source.types.js';
import { accessFilter } from '../retrieval/access-filter.js';

/** Everything that changed, for the audit trail. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) diff[key] = { from: before[key], to: after[key] };
  }
  return diff;
}

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => [Source], { description: 'Sources of your organization, newest first.' })
  async sources(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: KnowledgeContext,
  ): Promise<Source[]> {
    const { orgId } = principalOf(ctx.identity);
    if (first < 1 || first > 200) throw badUserInput('first must be between 1 and 200.', 'first');
    if (offset < 0) throw badUserInput('offset must be 0 or more.', 'offset');
    const records = await ctx.em.find(SourceRecord, { organizationId: orgId }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: first, offset });
    return records.map(Source.from);
  }

  @Query(() => Source, { nullable: true, description: 'One source of your organization.' })
  async source(@Arg('id', () => ID) id: string, @Ctx() ctx: KnowledgeContext): Promise<Source | null> {
    const { orgId } = principalOf(ctx.identity);
    if (!isUuid(id)) return null;
    const record = await ctx.em.findOne(SourceRecord, { id, organizationId: orgId });
    return record ? Source.from(record) : null;
  }

  @Query(() => Boolean, {
    description:
      'Whether the assistant has anything to answer you from: a passage of your organization’s sources that your role may retrieve is indexed. False until a first crawl indexes a page.',
  })
  async knowledgeAvailable(@Ctx() ctx: KnowledgeContext): Promise<boolean> {
    const { orgId, role } = principalOf(ctx.identity);
    const query = { bool: { filter: [...accessFilter(orgId, role), { term: { kind: 'chunk' } }] } };
    const { body } = await ctx.openSearch.count({ index: KNOWLEDGE_INDEX_ALIAS, body: { query }, ignore_unavailable: true }, { ignore: [404] });
    return ((body as { count?: number }).count ?? 0) > 0;
  }

  @Mutation(() => Source, { description: 'Adds a website to learn from. Crawl it with startCrawl.' })
  async addSource(@Arg('input', () => AddSourceInput) input: AddSourceInput, @Ctx() ctx: KnowledgeContext): Promise<Source> {
    const principal = principalOf(ctx.identity);
    const startUrl = normalizeStartUrl(input.startUrl);
    await vetStartUrl(startUrl, ctx.urlPolicy);
    const fields: Partial<SourceRecord> = { ...SOURCE_DEFAULTS, includePatterns: [], excludePatterns: [], accessRoles: [], name: new URL(startUrl).host };
    applySettings(fields, input);
    const record = ctx.em.create(SourceRecord, {
      ...(fields as Omit<SourceRecord, 'id' | 'organizationId' | 'startUrl' | 'createdAt' | 'updatedAt'>),
      organizationId: principal.orgId,
      startUrl,
      createdBy: principal.kind === 'user' ? principal.userId : null,
    });
    audit(ctx.em, ctx.identity, { action: 'source.create', targetType: 'source', targetId: record.id, detail: { startUrl, name: record.name } });
    try {
      await ctx.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw badUserInput('This organization already has a source with that start URL.', 'startUrl');
      throw error;
    }
    if (record.recrawlSchedule) await syncRecrawlSchedule(ctx.temporal, record, ctx.ingestionTaskQueue);
    return Source.from(record);
  }

  @Mutation(() => Source, { description: 'Changes how a source is crawled; the next crawl uses the new settings.' })
  async updateSource(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SourceSettingsInput) input: SourceSettingsInput,
    @Ctx() ctx: KnowledgeContext,
  ): Promise<Source> {
    const record = await sourceOrFail(ctx, id);
    // Sources saved before start URLs were vetted are vetted when they are next changed.
    await vetStartUrl(record.startUrl, ctx.urlPolicy);
    const before = { ...Source.from(record) } as Record<string, unknown>;
    applySettings(record, input);
    const diff = changes(before, { ...Source.from(record) } as Record<string, unknown>);
    delete diff.updatedAt;
    if (Object.keys(diff).length > 0) audit(ctx.em, ctx.identity, { action: 'source.update', targetType: 'source', targetId: record.id, detail: diff });
    await ctx.em.flush();
    // After the commit, and idempotent: saving the source again repairs a schedule that failed to sync.
    await syncRecrawlSchedule(ctx.temporal, record, ctx.ingestionTaskQueue);
    return Source.from(record);
  }

  @Mutation(() => Boolean, { description: 'Deletes a source and removes everything indexed from it.' })
  async deleteSource(@Arg('id', () => ID) id: string, @Ctx() ctx: KnowledgeContext): Promise<boolean> {
    const record = await sourceOrFail(ctx, id);
    // Schedule and index entries first: if either fails the source still exists and the delete can be retried.
    await removeRecrawlSchedule(ctx.temporal, record.id);
    await ctx.openSearch.deleteByQuery(
      {
        index: KNOWLEDGE_INDEX_ALIAS,
        body: { query: { bool: { filter: [{ term: { orgId: record.organizationId } }, { term: { sourceId: record.id } }] } } },
        refresh: true,
        ignore_unavailable: true,
        conflicts: 'proceed',
      },
      { ignore: [404] },
    );
    // Answers cached from the removed content must not be served again.
    await bumpKnowledgeVersion(ctx.redis, record.organizationId);
    ctx.em.remove(record);
    audit(ctx.em, ctx.identity, {
      action: 'source.delete',
      targetType: 'source',
      targetId: record.id,
      detail: { startUrl: record.startUrl, name: record.name },
    });
    await ctx.em.flush();
    return true;
  }
}
