import { graphql } from '../../gql';

// The administration screens' documents: members and invitations, the role → permission mapping,
// API keys and the audit log (users subgraph). Operation names start with "Admin" so they stay
// unique across the app.

export const AdminMemberFields = graphql(`
  fragment AdminMemberFields on Member {
    role
    joinedAt
    user {
      id
      displayName
      email
      emailVerified
    }
  }
`);

export const AdminMembersQuery = graphql(`
  query AdminMembers($first: Int!, $offset: Int!) {
    members(first: $first, offset: $offset) {
      ...AdminMemberFields
    }
  }
`);

export const AdminInviteUserMutation = graphql(`
  mutation AdminInviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      email
      role
      expiresAt
    }
  }
`);

export const AdminChangeRoleMutation = graphql(`
  mutation AdminChangeRole($userId: ID!, $role: Role!) {
    changeRole(userId: $userId, role: $role) {
      ...AdminMemberFields
    }
  }
`);

export const AdminRemoveMemberMutation = graphql(`
  mutation AdminRemoveMember($userId: ID!) {
    removeMember(userId: $userId)
  }
`);

export const AdminRolePermissionsQuery = graphql(`
  query AdminRolePermissions {
    rolePermissions {
      role
      permissions
      isDefault
    }
  }
`);

export const AdminSetRolePermissionsMutation = graphql(`
  mutation AdminSetRolePermissions($role: Role!, $permissions: [String!]!) {
    setRolePermissions(role: $role, permissions: $permissions) {
      role
      permissions
      isDefault
    }
  }
`);

export const AdminApiKeyFields = graphql(`
  fragment AdminApiKeyFields on ApiKey {
    id
    name
    prefix
    role
    scopes
    expiresAt
    revokedAt
    lastUsedAt
    createdAt
  }
`);

export const AdminApiKeysQuery = graphql(`
  query AdminApiKeys {
    apiKeys {
      ...AdminApiKeyFields
    }
  }
`);

/** Send with `fetchPolicy: 'no-cache'`: the secret must not stay in the Apollo cache. */
export const AdminCreateApiKeyMutation = graphql(`
  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        ...AdminApiKeyFields
      }
    }
  }
`);

export const AdminRevokeApiKeyMutation = graphql(`
  mutation AdminRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...AdminApiKeyFields
    }
  }
`);

export const AdminAuditLogQuery = graphql(`
  query AdminAuditLog($filter: AuditLogFilter, $after: String, $first: Int!) {
    auditLog(filter: $filter, after: $after, first: $first) {
      entries {
        id
        action
        actorType
        actorId
        targetType
        targetId
        outcome
        ip
        detail
        createdAt
      }
      nextCursor
    }
  }
`);
