import { useApolloClient, useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { useSession } from '../../composables/useSession';
import type { AdminApiKeyFieldsFragment, CreateApiKeyInput, Role } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { AdminApiKeysQuery, AdminCreateApiKeyMutation, AdminRevokeApiKeyMutation, AdminRolePermissionsQuery } from './admin.documents';
import { DEFAULT_KEY_SCOPES, sortPermissions } from './adminWords';

export type AdminApiKey = AdminApiKeyFieldsFragment;

/** A key just created, with its secret: held by the screen only until the person dismisses it. */
export interface CreatedKey {
  apiKey: AdminApiKey;
  secret: string;
}

export type KeyState = 'active' | 'revoked' | 'expired';

export function keyState(key: Pick<AdminApiKey, 'revokedAt' | 'expiresAt'>, now = Date.now()): KeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/**
 * The organization's API keys: the list (revoked ones included), creating one and revoking one.
 * `create` sends the mutation with `fetchPolicy: 'no-cache'`, so the secret is never written to
 * the Apollo cache: only the key's public fields are added to the cached list.
 */
export function useApiKeys() {
  const { client } = useApolloClient();
  const { can } = useSession();
  const query = useQuery(AdminApiKeysQuery, {}, { fetchPolicy: 'cache-and-network' });
  const keys = computed(() => query.result.value?.apiKeys ?? []);
  const loadError = computed(() => (query.error.value ? describeError(query.error.value) : null));

  // With `role:manage` the scopes offered are what the roles grant in this organization; without
  // it, the defaults (the API still checks and says which scope the role does not grant).
  const mayReadRoles = computed(() => can('role:manage'));
  const roleQuery = useQuery(AdminRolePermissionsQuery, {}, () => ({ enabled: mayReadRoles.value, fetchPolicy: 'cache-first' }));
  const scopesKnown = computed(() => mayReadRoles.value && !!roleQuery.result.value);
  function scopesFor(role: Role): string[] {
    const set = roleQuery.result.value?.rolePermissions.find((s) => s.role === role);
    if (set) return sortPermissions(set.permissions);
    return role === 'PARTNER' || role === 'SERVICE' ? [...DEFAULT_KEY_SCOPES[role]] : [];
  }

  async function create(input: CreateApiKeyInput): Promise<CreatedKey> {
    const result = await client.mutate({ mutation: AdminCreateApiKeyMutation, variables: { input }, fetchPolicy: 'no-cache' });
    const created = result.data?.createApiKey;
    if (!created) throw new Error('The gateway sent no answer.');
    const { secret, apiKey } = created;
    // Newest first, like the API lists them; the cached entry has no secret.
    client.cache.updateQuery({ query: AdminApiKeysQuery }, (data) =>
      data ? { ...data, apiKeys: [apiKey, ...data.apiKeys.filter((k) => k.id !== apiKey.id)] } : data,
    );
    return { apiKey, secret };
  }

  /** Revokes a key; the answer (normalized by id) updates the list. */
  async function revoke(id: string): Promise<AdminApiKey> {
    const result = await client.mutate({ mutation: AdminRevokeApiKeyMutation, variables: { id } });
    const key = result.data?.revokeApiKey;
    if (!key) throw new Error('The gateway sent no answer.');
    return key;
  }

  return { keys, loading: query.loading, loadError, refetch: () => query.refetch(), scopesFor, scopesKnown, create, revoke };
}
