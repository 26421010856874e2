import { computed, shallowRef, type ComputedRef } from 'vue';

/** What the list needs to know about a message. */
export interface ListedMessage {
  id: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

/** Oldest first; messages with the same timestamp in id order, so the order is stable. */
export function compareMessages(a: ListedMessage, b: ListedMessage): number {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime) return byTime; // NaN (unparsable timestamp) falls through to the id order too
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * `current` plus `incoming`, one entry per id (an incoming copy replaces the one already there),
 * ordered by {@link compareMessages}. Pure: returns a new array.
 */
export function mergeMessages<T extends ListedMessage>(current: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort(compareMessages);
}

export interface MessageList<T extends ListedMessage> {
  /** The messages, deduplicated by id, oldest first. */
  messages: ComputedRef<readonly T[]>;
  /** Adds messages from any source (history, subscription, mutation result). */
  add: (incoming: T | readonly T[]) => void;
  /** Empties the list, e.g. when the conversation changes. */
  clear: () => void;
}

/** A conversation's messages as they arrive from several sources, each shown once and in order. */
export function useMessageList<T extends ListedMessage>(): MessageList<T> {
  const list = shallowRef<readonly T[]>([]);
  return {
    messages: computed(() => list.value),
    add(incoming) {
      const batch: readonly T[] = Array.isArray(incoming) ? incoming : [incoming as T];
      if (batch.length > 0) list.value = mergeMessages(list.value, batch);
    },
    clear() {
      list.value = [];
    },
  };
}
