import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, getCurrentScope, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { ChatMessageFieldsFragment } from '../gql/graphql';
import { describeError } from '../graphql/errors';
import { useGraphqlWsClient } from '../graphql/client';
import {
  ChatMessagesQuery,
  MessageAddedSubscription,
  PostMessageMutation,
} from '../screens/playground/playground.documents';
import { useConnectionState } from './useConnectionState';
import { useMessageList } from './useMessageList';

/**
 * One conversation, live: its history (`chatMessages`), messages pushed by `messageAdded` over
 * graphql-ws, and the ones posted from here, merged into one list without duplicates.
 * `conversationId` may be null while the screen is still choosing one. The live subscription starts
 * once the conversation exists (it has messages, or one was posted from here): the gateway refuses
 * subscriptions on conversations the caller cannot read, and a new id names none yet.
 */
export function useLiveConversation(conversationId: MaybeRefOrGetter<string | null>, options: { first?: number } = {}) {
  const wsClient = useGraphqlWsClient();
  // Before the subscription starts, so its first `connecting` event is seen.
  const { state: connection } = useConnectionState(wsClient);
  const list = useMessageList<ChatMessageFieldsFragment>();

  const id = computed(() => toValue(conversationId));
  const enabled = computed(() => id.value !== null);
  const variables = computed(() => ({ conversationId: id.value ?? '', first: options.first ?? 50 }));

  const exists = ref(false);
  watch(id, () => {
    list.clear();
    exists.value = false;
  });

  const history = useQuery(ChatMessagesQuery, variables, () => ({
    enabled: enabled.value,
    fetchPolicy: 'cache-and-network',
  }));
  history.onResult((result) => {
    // Filtered: a late answer for the previous conversation must not leak into this one.
    if (!result.data) return;
    const own = result.data.chatMessages.filter((m) => m.conversationId === id.value);
    list.add(own);
    if (own.length > 0) exists.value = true;
  });

  const live = useSubscription(MessageAddedSubscription, () => ({ conversationId: id.value ?? '' }), () => ({
    enabled: enabled.value && exists.value,
  }));
  live.onResult((result) => {
    const message = result.data?.messageAdded;
    if (message && message.conversationId === id.value) list.add(message);
  });

  // Messages posted while the socket was down never reach us: catch up after a reconnect.
  const off = wsClient.on('connected', (_socket, _payload, wasRetry) => {
    if (wasRetry && enabled.value) void history.refetch();
  });
  if (getCurrentScope()) onScopeDispose(off);

  const post = useMutation(PostMessageMutation);

  /** Posts `text` as the signed-in user; resolves to false when it failed (see `sendError`). */
  async function send(text: string): Promise<boolean> {
    if (!id.value) return false;
    const result = await post.mutate({ input: { conversationId: id.value, text } }).catch(() => null);
    const message = result?.data?.postMessage;
    if (message) {
      list.add(message);
      exists.value = true;
    }
    return Boolean(message);
  }

  return {
    messages: list.messages,
    loading: computed(() => history.loading.value && list.messages.value.length === 0),
    historyError: computed(() => (history.error.value ? describeError(history.error.value) : null)),
    liveError: computed(() => (live.error.value ? describeError(live.error.value) : null)),
    connection,
    send,
    sending: post.loading,
    sendError: computed(() => (post.error.value ? describeError(post.error.value) : null)),
  };
}
