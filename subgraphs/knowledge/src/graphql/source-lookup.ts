import { isUuid } from '@scs/graphql-kit/validation';
import { notFound } from '@scs/graphql-kit/auth/errors';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import type { KnowledgeContext } from '../context.js';
import { SourceRecord } from '../entities/source.entity.js';

/** A source of the caller's organization, or NOT_FOUND (also for other organizations' ids). */
export async function sourceOrFail(ctx: KnowledgeContext, id: string): Promise<SourceRecord> {
  const { orgId } = principalOf(ctx.identity);
  const record = isUuid(id) ? await ctx.em.findOne(SourceRecord, { id, organizationId: orgId }) : null;
  if (!record) throw notFound('No source of this organization has that id.');
  return record;
}
