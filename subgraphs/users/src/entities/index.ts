import { AuditEntryRecord } from '@scs/graphql-kit/auth/audit-entry.entity';
import { ApiKeyRecord } from './api-key.entity.js';
import { MembershipRecord } from './membership.entity.js';
import { OneTimeTokenRecord } from './one-time-token.entity.js';
import { OrganizationRecord } from './organization.entity.js';
import { RefreshTokenRecord } from './refresh-token.entity.js';
import { RolePermissionsRecord } from './role-permissions.entity.js';
import { UserRecord } from './user.entity.js';

export const entities = [
  UserRecord,
  OrganizationRecord,
  MembershipRecord,
  RolePermissionsRecord,
  RefreshTokenRecord,
  OneTimeTokenRecord,
  ApiKeyRecord,
  AuditEntryRecord,
];
