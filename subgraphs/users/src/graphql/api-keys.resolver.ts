import { API_KEY_ROLES, isPermission, type Permission, type Role } from '@scs/contracts/permissions';
import { badUserInput, notFound } from '@scs/graphql-kit/auth/errors';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import { audit } from '@scs/graphql-kit/auth/audit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { UsersContext } from '../context.js';
import { ApiKeyRecord } from '../entities/api-key.entity.js';
import { ApiKey, CreatedApiKey, CreateApiKeyInput } from './account.types.js';
import { requireUuid } from './validation.js';

function view(record: ApiKeyRecord, lastUsed?: Date): ApiKey {
  const latest = [record.lastUsedAt, lastUsed].filter((d): d is Date => d instanceof Date).sort((a, b) => b.getTime() - a.getTime())[0];
  return Object.assign(new ApiKey(), {
    id: record.id,
    name: record.name,
    prefix: `scs_${record.prefix}`,
    role: record.role,
    scopes: record.scopes,
    expiresAt: record.expiresAt,
    revokedAt: record.revokedAt,
    lastUsedAt: latest ?? null,
    createdAt: record.createdAt,
  });
}

@Resolver()
export class ApiKeysResolver {
  @Query(() => [ApiKey], { description: "Your organization's API keys, newest first, revoked ones included." })
  async apiKeys(@Ctx() ctx: UsersContext): Promise<ApiKey[]> {
    const { orgId } = principalOf(ctx.identity);
    const records = await ctx.em.find(ApiKeyRecord, { organizationId: orgId }, { orderBy: { createdAt: 'desc' }, limit: 500 });
    const lastUsed = await ctx.services.apiKeys.lastUsed(records.map((r) => r.id));
    return records.map((r) => view(r, lastUsed.get(r.id)));
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates an API key for a partner or an internal service. The secret is returned only here.' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: UsersContext): Promise<CreatedApiKey> {
    const principal = principalOf(ctx.identity);
    if (!API_KEY_ROLES.includes(input.role)) throw badUserInput('API keys have the PARTNER or SERVICE role.', 'role');
    const unknown = input.scopes.filter((s) => !isPermission(s));
    if (unknown.length) throw badUserInput(`Unknown scopes: ${unknown.slice(0, 5).join(', ')}.`, 'scopes');
    const granted = await ctx.services.rolePermissions.forRole(ctx.em, principal.orgId, input.role as Role);
    const outside = input.scopes.filter((s) => !granted.includes(s as Permission));
    if (outside.length) throw badUserInput(`The ${input.role} role does not grant: ${outside.join(', ')}.`, 'scopes');
    if (input.scopes.length === 0) throw badUserInput('Give the key at least one scope.', 'scopes');
    if (input.expiresAt && input.expiresAt <= new Date()) throw badUserInput('expiresAt must be in the future.', 'expiresAt');
    const { record, secret } = await ctx.services.apiKeys.create(ctx.em, {
      orgId: principal.orgId,
      name: input.name.trim(),
      role: input.role,
      scopes: [...new Set(input.scopes)] as Permission[],
      expiresAt: input.expiresAt ?? null,
      createdBy: principal.kind === 'user' ? principal.userId : null,
    });
    audit(ctx.em, ctx.identity, {
      action: 'apikey.create',
      targetType: 'apiKey',
      targetId: record.id,
      detail: { name: record.name, role: record.role, scopes: record.scopes },
    });
    await ctx.em.flush();
    return Object.assign(new CreatedApiKey(), { apiKey: view(record), secret });
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key. It stops working at once, also on open subscriptions.' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<ApiKey> {
    const { orgId } = principalOf(ctx.identity);
    const record = await ctx.em.findOne(ApiKeyRecord, { id: requireUuid(id, 'id'), organizationId: orgId });
    if (!record) throw notFound('No API key of this organization has that id.');
    const alreadyRevoked = record.revokedAt !== null;
    if (!alreadyRevoked) audit(ctx.em, ctx.identity, { action: 'apikey.revoke', targetType: 'apiKey', targetId: record.id, detail: { name: record.name } });
    await ctx.services.apiKeys.revoke(ctx.em, record);
    return view(record);
  }
}
