import type { Role } from '@scs/contracts/permissions';

/** Roles that manage content see all of it, whatever a source's audience. */
const CONTENT_MANAGERS: readonly Role[] = ['admin', 'curator'];

/**
 * The filter every knowledge query carries: the caller's organization, the sources asked for, and
 * the source's audience — documents whose `accessRoles` is empty are for every role of the
 * organization, otherwise only for the roles listed.
 */
export function accessFilter(orgId: string, role: Role, sourceIds?: readonly string[] | null): Record<string, unknown>[] {
  const filter: Record<string, unknown>[] = [{ term: { orgId } }];
  if (sourceIds && sourceIds.length > 0) filter.push({ terms: { sourceId: [...sourceIds] } });
  if (!CONTENT_MANAGERS.includes(role)) {
    filter.push({ bool: { should: [{ bool: { must_not: { exists: { field: 'accessRoles' } } } }, { term: { accessRoles: role } }], minimum_should_match: 1 } });
  }
  return filter;
}
