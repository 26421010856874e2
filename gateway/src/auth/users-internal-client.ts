import { IDENTITY_HEADER } from '@scs/contracts/identity';
import { signIdentity } from '@scs/graphql-kit/auth/identity';
import type { Permission, Role } from '@scs/contracts/permissions';

export interface ApiKeyPrincipal {
  apiKeyId: string;
  orgId: string;
  role: Role;
  permissions: Permission[];
}

/**
 * The gateway's own calls to the users subgraph while it authenticates a request. They carry the
 * gateway's signed identity and use fields hidden from the public schema (@inaccessible).
 */
export class UsersInternalClient {
  constructor(
    private readonly url: () => string,
    private readonly signingSecret: string,
  ) {}

  async rolePermissions(orgId: string, role: Role): Promise<Permission[]> {
    const data = await this.call<{ _gatewayRolePermissions: Permission[] }>(
      'query($orgId: ID!, $role: String!) { _gatewayRolePermissions(orgId: $orgId, role: $role) }',
      { orgId, role },
    );
    return data._gatewayRolePermissions;
  }

  async authenticateApiKey(key: string): Promise<ApiKeyPrincipal | null> {
    const data = await this.call<{ _gatewayAuthenticateApiKey: ApiKeyPrincipal | null }>(
      'query($key: String!) { _gatewayAuthenticateApiKey(key: $key) { apiKeyId orgId role permissions } }',
      { key },
    );
    return data._gatewayAuthenticateApiKey;
  }

  private async call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.url(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: await signIdentity({ kind: 'gateway', ip: '127.0.0.1' }, this.signingSecret),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (!response.ok || body.errors?.length || !body.data) {
      throw new Error(`users subgraph refused an internal call: ${body.errors?.[0]?.message ?? response.status}`);
    }
    return body.data;
  }
}
