import { ref, shallowRef, type Ref } from 'vue';
import { describeError } from '../graphql/errors';

/**
 * A list read a page at a time by cursor (`items`, `nextCursor`): the first page on `reload()`,
 * the next on `loadMore()`. Answers for an older reload are dropped.
 */
export function useCursorPages<T>(fetchPage: (after: string | null) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items = shallowRef<T[]>([]) as Ref<T[]>;
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  let generation = 0;

  async function fetch(after: string | null): Promise<void> {
    const mine = generation;
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(after);
      if (mine !== generation) return;
      items.value = after ? [...items.value, ...page.items] : page.items;
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    } catch (e) {
      if (mine === generation) error.value = describeError(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Reads the first page again; `keep` shows the current items until it arrives (a refresh, not a new list). */
  function reload(options: { keep?: boolean } = {}): Promise<void> {
    generation += 1;
    if (!options.keep) {
      items.value = [];
      nextCursor.value = null;
      loaded.value = false;
    }
    return fetch(null);
  }

  function loadMore(): Promise<void> {
    if (loading.value || !nextCursor.value) return Promise.resolve();
    return fetch(nextCursor.value);
  }

  return { items, nextCursor, loading, loaded, error, reload, loadMore };
}
