import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref, watch } from 'vue';
import type { ChatUserFieldsFragment } from '../gql/graphql';
import { describeError } from '../graphql/errors';
import { CreateUserMutation, UsersQuery } from '../screens/playground/playground.documents';

const STORAGE_KEY = 'scs.playground.userId';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled
  }
}

function store(id: string | null): void {
  try {
    if (id) localStorage.setItem(STORAGE_KEY, id);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: the choice lasts until reload
  }
}

/** Who is writing in the playground: one of the existing users, or a new one. Remembered per browser. */
export function useChatUser(options: { first?: number } = {}) {
  const users = useQuery(UsersQuery, { first: options.first ?? 50 }, { fetchPolicy: 'cache-and-network' });
  const create = useMutation(CreateUserMutation);

  const selectedId = ref<string | null>(stored());
  /** Users created here, in case they fall outside the first page of `users`. */
  const created = ref<ChatUserFieldsFragment[]>([]);

  const choices = computed<ChatUserFieldsFragment[]>(() => {
    const listed = users.result.value?.users ?? [];
    const ids = new Set(listed.map((u) => u.id));
    return [...listed, ...created.value.filter((u) => !ids.has(u.id))];
  });
  const current = computed(() => choices.value.find((u) => u.id === selectedId.value) ?? null);

  watch(selectedId, store);
  // Forget a remembered user the gateway no longer lists (e.g. a reset database); judged on the
  // gateway's answer, not on what the cache had.
  watch([users.result, users.loading], ([result, loading]) => {
    if (result && !loading && selectedId.value && !choices.value.some((u) => u.id === selectedId.value)) {
      selectedId.value = null;
    }
  });

  async function createUser(input: { displayName: string; email: string }): Promise<ChatUserFieldsFragment | null> {
    const result = await create.mutate({ input }).catch(() => null); // shown via createError
    const user = result?.data?.createUser ?? null;
    if (user) {
      created.value = [...created.value, user];
      selectedId.value = user.id;
    }
    return user;
  }

  return {
    users: choices,
    usersLoading: users.loading,
    usersError: computed(() => (users.error.value ? describeError(users.error.value) : null)),
    selectedId,
    current,
    createUser,
    creating: create.loading,
    createError: computed(() => (create.error.value ? describeError(create.error.value) : null)),
  };
}
