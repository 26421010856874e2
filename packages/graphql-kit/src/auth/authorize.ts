import type { GraphQLResolveInfo } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { forbidden, unauthenticated } from './errors.js';
import type { Identity, Principal } from '@scs/contracts/identity';
import type { Permission } from '@scs/contracts/permissions';
import { requirementFor, type Requirement } from '@scs/contracts/policy';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Decides whether `identity` may run the root field at `coordinate` (`Query.users`), from the
 * policy table. No entry means no access: new operations are closed until someone writes their policy.
 */
export function authorize(coordinate: string, identity: Identity): void {
  const requirement: Requirement | undefined = requirementFor(coordinate);
  if (!requirement) throw forbidden(`${coordinate} has no access policy, so it is refused.`);
  if ('public' in requirement) return;
  if ('gateway' in requirement) {
    if (identity.kind !== 'gateway') throw forbidden();
    return;
  }
  if (identity.kind !== 'user' && identity.kind !== 'apiKey') throw unauthenticated();
  if ('authenticated' in requirement) return;
  if (!requirement.permissions.some((p) => identity.permissions.includes(p))) throw forbidden(permissionMessage(requirement.permissions));
}

/** The denial message for a permission requirement; clients and tests rely on its wording. */
export function permissionMessage(permissions: readonly Permission[]): string {
  return permissions.length === 1 ? `This requires the ${permissions[0]} permission.` : `This requires one of the ${permissions.join(', ')} permissions.`;
}

export function hasPermission(identity: Identity, permission: Permission): boolean {
  return (identity.kind === 'user' || identity.kind === 'apiKey') && identity.permissions.includes(permission);
}

/** The signed-in principal of a request whose policy already required one. */
export function principalOf(identity: Identity): Principal {
  if (identity.kind !== 'user' && identity.kind !== 'apiKey') throw unauthenticated();
  return identity;
}

/** type-graphql global middleware: every root field of a subgraph passes through the policy table. */
export const enforcePolicy: MiddlewareFn<{ identity: Identity }> = async ({ info, context }, next) => {
  const { parentType, fieldName } = info as GraphQLResolveInfo;
  if (ROOT_TYPES.has(parentType.name)) authorize(`${parentType.name}.${fieldName}`, context.identity);
  return next();
};
