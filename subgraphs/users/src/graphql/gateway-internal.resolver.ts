import { isRole } from '@scs/contracts/permissions';
import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { UsersContext } from '../context.js';
import { GatewayApiKeyPrincipal } from './account.types.js';
import { isUuid } from './validation.js';

/**
 * Fields only the gateway calls, while it authenticates a request: hidden from the public schema
 * (@inaccessible) and allowed only to the gateway's own signed identity by the policy table.
 */
@Resolver()
export class GatewayInternalResolver {
  @Directive('@inaccessible')
  @Query(() => [String])
  async _gatewayRolePermissions(@Arg('orgId', () => ID) orgId: string, @Arg('role', () => String) role: string, @Ctx() ctx: UsersContext): Promise<string[]> {
    if (!isUuid(orgId) || !isRole(role)) return [];
    return ctx.services.rolePermissions.forRole(ctx.em, orgId, role);
  }

  @Directive('@inaccessible')
  @Query(() => GatewayApiKeyPrincipal, { nullable: true })
  async _gatewayAuthenticateApiKey(@Arg('key', () => String) key: string, @Ctx() ctx: UsersContext): Promise<GatewayApiKeyPrincipal | null> {
    const principal = await ctx.services.apiKeys.authenticate(ctx.em, key);
    return principal ? Object.assign(new GatewayApiKeyPrincipal(), principal) : null;
  }
}
