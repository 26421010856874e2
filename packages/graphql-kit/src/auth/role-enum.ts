import { registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '@scs/contracts/permissions';

/**
 * Roles as one GraphQL enum (ADMIN, CURATOR, …) whose values are the role names used everywhere
 * else. Registered here once, so every subgraph that mentions roles declares the identical enum.
 */
export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r.toUpperCase(), r])) as Record<Uppercase<Role>, Role>;
registerEnumType(RoleEnum, { name: 'Role', description: 'What a member of an organization may do, through the permissions mapped to it.' });
