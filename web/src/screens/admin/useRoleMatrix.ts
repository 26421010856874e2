import { useApolloClient, useQuery } from '@vue/apollo-composable';
import { computed, ref, watch } from 'vue';
import type { Role } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { AdminRolePermissionsQuery, AdminSetRolePermissionsMutation } from './admin.documents';
import { ADMIN_FLOOR, isFloor, PERMISSIONS, ROLES, roleWords, sortPermissions } from './adminWords';

/**
 * The role → permission mapping of the organization as an editable matrix: `rolePermissions` as
 * saved, a draft per role, which roles changed, and `save()` sending `setRolePermissions` for each
 * changed role. The admin floor (ADMIN_FLOOR) is always granted and cannot be unticked.
 */
export function useRoleMatrix() {
  const { client } = useApolloClient();
  const query = useQuery(AdminRolePermissionsQuery, {}, { fetchPolicy: 'cache-and-network' });

  /** As the API last said, per role. */
  const saved = computed(() => {
    const map = new Map<Role, { permissions: string[]; isDefault: boolean }>();
    for (const set of query.result.value?.rolePermissions ?? []) map.set(set.role, { permissions: sortPermissions(set.permissions), isDefault: set.isDefault });
    return map;
  });
  const roles = computed<Role[]>(() => ROLES.filter((role) => saved.value.has(role)));
  /** Every permission: the known ones, in the API's order, and any the API names that this app does not know yet. */
  const permissions = computed(() => {
    const fromApi = [...saved.value.values()].flatMap((set) => set.permissions);
    return sortPermissions([...PERMISSIONS.map((p) => p.id), ...fromApi]);
  });

  /** Edits not saved yet: the full permission list per edited role. */
  const drafts = ref<Partial<Record<Role, string[]>>>({});

  const withFloor = (role: Role, list: readonly string[]) => sortPermissions(role === 'ADMIN' ? [...list, ...ADMIN_FLOOR] : list);
  const current = (role: Role): string[] => drafts.value[role] ?? withFloor(role, saved.value.get(role)?.permissions ?? []);
  const granted = (role: Role, permission: string): boolean => isFloor(role, permission) || current(role).includes(permission);

  const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const changedRoles = computed<Role[]>(() =>
    roles.value.filter((role) => {
      const draft = drafts.value[role];
      return draft !== undefined && !sameSet(draft, withFloor(role, saved.value.get(role)?.permissions ?? []));
    }),
  );
  const dirty = computed(() => changedRoles.value.length > 0);
  const isChanged = (role: Role) => changedRoles.value.includes(role);

  function setGranted(role: Role, permission: string, on: boolean): void {
    if (isFloor(role, permission)) return;
    const list = current(role).filter((p) => p !== permission);
    drafts.value = { ...drafts.value, [role]: withFloor(role, on ? [...list, permission] : list) };
    const { [role]: _cleared, ...rest } = errors.value;
    errors.value = rest;
  }

  function discard(): void {
    drafts.value = {};
    errors.value = {};
  }

  const saving = ref(false);
  /** Why a role's change was refused, per role. */
  const errors = ref<Partial<Record<Role, string>>>({});

  /** Saves every changed role, one `setRolePermissions` each; resolves to the roles saved. */
  async function save(): Promise<{ saved: Role[]; failed: Role[] }> {
    if (saving.value) return { saved: [], failed: [] };
    saving.value = true;
    errors.value = {};
    const done: Role[] = [];
    const failed: Role[] = [];
    try {
      for (const role of changedRoles.value) {
        try {
          const result = await client.mutate({
            mutation: AdminSetRolePermissionsMutation,
            variables: { role, permissions: current(role) },
          });
          const set = result.data?.setRolePermissions;
          if (!set) throw new Error('The gateway sent no answer.');
          // The answer replaces the role's entry in the cached `rolePermissions` list.
          client.cache.updateQuery({ query: AdminRolePermissionsQuery }, (data) =>
            data ? { ...data, rolePermissions: data.rolePermissions.map((s) => (s.role === role ? set : s)) } : data,
          );
          const { [role]: _saved, ...rest } = drafts.value;
          drafts.value = rest;
          done.push(role);
        } catch (error) {
          errors.value = { ...errors.value, [role]: describeError(error) };
          failed.push(role);
        }
      }
    } finally {
      saving.value = false;
    }
    return { saved: done, failed };
  }

  // A refetch (another admin's change) keeps the drafts that still differ and drops the others.
  watch(saved, () => {
    const kept: Partial<Record<Role, string[]>> = {};
    for (const role of changedRoles.value) kept[role] = drafts.value[role];
    drafts.value = kept;
  });

  const loadError = computed(() => (query.error.value ? describeError(query.error.value) : null));
  const roleLabel = (role: Role) => roleWords[role];

  return {
    loading: query.loading,
    loadError,
    refetch: () => query.refetch(),
    saved,
    roles,
    permissions,
    granted,
    setGranted,
    changedRoles,
    isChanged,
    dirty,
    discard,
    save,
    saving,
    errors,
    roleLabel,
  };
}
