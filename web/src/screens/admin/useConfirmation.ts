import { ref, shallowRef } from 'vue';
import { describeError } from '../../graphql/errors';

/**
 * A change that waits in a dialog for the person to confirm it: what is pending, busy while it
 * runs, and its error in words (the dialog stays open on failure). Cancelling is refused while
 * the change runs.
 */
export function useConfirmation<T>(options: {
  run: (item: T) => Promise<void>;
  /** Called when a change is asked for (e.g. to clear an earlier announcement). */
  onAsk?: () => void;
  /** Called with the pending change when the person cancels it. */
  onCancel?: (item: T) => void;
}) {
  const pending = shallowRef<T | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);

  function ask(item: T) {
    error.value = null;
    options.onAsk?.();
    pending.value = item;
  }

  function cancel() {
    if (busy.value) return;
    const item = pending.value;
    if (item !== null) options.onCancel?.(item);
    pending.value = null;
    error.value = null;
  }

  async function confirm() {
    const item = pending.value;
    if (item === null || busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await options.run(item);
      pending.value = null;
    } catch (caught) {
      error.value = describeError(caught);
    } finally {
      busy.value = false;
    }
  }

  return { pending, busy, error, ask, cancel, confirm };
}
