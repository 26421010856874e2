import { AuditEntryRecord } from '@scs/graphql-kit/auth/audit-entry.entity';
import { badUserInput } from '@scs/graphql-kit/auth/errors';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { UsersContext } from '../context.js';
import { AuditEntry, AuditLogFilter, AuditLogPage } from './account.types.js';
import { pageSize } from './validation.js';

@Resolver()
export class AuditResolver {
  @Query(() => AuditLogPage, { description: "Your organization's audit trail, newest first, filtered and paged by cursor." })
  async auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: UsersContext,
  ): Promise<AuditLogPage> {
    const { orgId } = principalOf(ctx.identity);
    const limit = pageSize(first);
    if (after != null && !/^\d{1,18}$/.test(after)) throw badUserInput('after must be a cursor returned by auditLog.', 'after');
    const where: FilterQuery<AuditEntryRecord> = { organizationId: orgId };
    if (filter?.action) where.action = filter.action;
    if (filter?.actorId) where.actorId = filter.actorId;
    if (filter?.targetType) where.targetType = filter.targetType;
    if (filter?.targetId) where.targetId = filter.targetId;
    if (filter?.outcome) where.outcome = filter.outcome as AuditEntryRecord['outcome'];
    if (filter?.from || filter?.to) where.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    if (after != null) where.id = { $lt: after };
    const rows = await ctx.em.find(AuditEntryRecord, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return Object.assign(new AuditLogPage(), {
      entries: page.map((r) =>
        Object.assign(new AuditEntry(), {
          id: String(r.id),
          action: r.action,
          actorType: r.actorType,
          actorId: r.actorId,
          targetType: r.targetType,
          targetId: r.targetId,
          outcome: r.outcome,
          ip: r.ip,
          detail: JSON.stringify(r.detail),
          createdAt: r.createdAt,
        }),
      ),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    });
  }
}
