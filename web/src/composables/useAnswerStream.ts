import type { ApolloClient, ObservableSubscription } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import type { Client } from 'graphql-ws';
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { ChatMessageViewFieldsFragment, ConversationStatus, MessageStreamSubscription, SendMessageMutation } from '../gql/graphql';
import { describeError } from '../graphql/errors';
import { ConversationQuery, MessageStreamSubscription as MessageStreamDocument } from '../graphql/documents/conversation.documents';
import { compareMessages } from './messageOrder';

export type StreamEvent = MessageStreamSubscription['messageStream'];
export type ViewMessage = ChatMessageViewFieldsFragment;
export type SendMessagePayload = SendMessageMutation['sendMessage'];

/** What `apply` did with an event. */
export type ApplyResult = 'applied' | 'duplicate' | 'gap';

/**
 * The state of one conversation's `messageStream`, fed event by event: pure, no network. Events
 * at or below `lastSeq` are duplicates (a resubscription replaying what we have) and are dropped;
 * an event past `lastSeq + 1` reveals a gap, is not applied, and the caller resubscribes with
 * `afterSeq = lastSeq` to receive the missing ones first.
 */
export class ConversationStreamState {
  lastSeq: number;
  conversationStatus: ConversationStatus | null;
  private readonly byId = new Map<string, ViewMessage>();

  constructor(initial: { lastSeq: number; messages?: readonly ViewMessage[]; conversationStatus?: ConversationStatus | null }) {
    this.lastSeq = initial.lastSeq;
    this.conversationStatus = initial.conversationStatus ?? null;
    for (const message of initial.messages ?? []) this.byId.set(message.id, message);
  }

  /** Messages oldest first. */
  get messages(): ViewMessage[] {
    return [...this.byId.values()].sort(compareMessages);
  }

  /** Adds or replaces whole messages (history, `sendMessage` results). */
  upsert(message: ViewMessage): void {
    const known = this.byId.get(message.id);
    // A whole message read earlier must not undo text that streamed in since.
    if (known && known.lastSeq != null && (message.lastSeq ?? -1) < known.lastSeq) return;
    this.byId.set(message.id, message);
  }

  apply(event: StreamEvent, options: { acceptGap?: boolean } = {}): ApplyResult {
    if (event.seq <= this.lastSeq) return 'duplicate';
    if (event.seq > this.lastSeq + 1 && !options.acceptGap) return 'gap';
    this.lastSeq = event.seq;

    switch (event.kind) {
      case 'USER_MESSAGE':
      case 'AGENT_MESSAGE':
        if (event.message) this.upsert(event.message);
        break;
      case 'DELTA': {
        const message = this.answer(event);
        if (!message) break;
        // Already part of the text read with the history.
        if (message.lastSeq != null && event.seq <= message.lastSeq) break;
        this.byId.set(message.id, { ...message, text: message.text + (event.text ?? ''), lastSeq: event.seq });
        break;
      }
      case 'CITATIONS': {
        const message = this.answer(event);
        if (message) this.byId.set(message.id, { ...message, citations: event.citations ?? [] });
        break;
      }
      case 'IMAGES': {
        const message = this.answer(event);
        if (message) this.byId.set(message.id, { ...message, images: event.images ?? [] });
        break;
      }
      case 'STATUS': {
        const message = this.answer(event);
        if (message) {
          this.byId.set(message.id, {
            ...message,
            // A STATUS with text replaces what streamed (an answer withdrawn after its check).
            text: event.text ?? message.text,
            status: event.status ?? message.status,
            confidence: event.confidence ?? message.confidence,
            handoffSuggested: event.handoffSuggested ?? message.handoffSuggested,
            fallback: event.fallback ?? message.fallback,
          });
        }
        break;
      }
      case 'CONVERSATION_STATUS':
        if (event.conversationStatus) this.conversationStatus = event.conversationStatus;
        break;
    }
    return 'applied';
  }

  /** Merges fields of a message changed by a mutation (status, feedback). */
  patch(id: string, fields: Partial<ViewMessage>): void {
    const message = this.byId.get(id);
    if (message) this.byId.set(id, { ...message, ...fields });
  }

  /** The assistant message an event is about, created when the stream is the first to mention it. */
  private answer(event: StreamEvent): ViewMessage | null {
    if (!event.messageId) return null;
    const known = this.byId.get(event.messageId);
    if (known) return known;
    return {
      __typename: 'ChatMessage',
      id: event.messageId,
      conversationId: event.conversationId,
      role: 'ASSISTANT',
      text: '',
      status: 'GENERATING',
      createdAt: event.at,
      author: null,
      citations: [],
      images: [],
      confidence: null,
      handoffSuggested: false,
      fallback: null,
      feedback: null,
      lastSeq: null,
    };
  }
}

/** The slice of the graphql-ws client used here: its events. */
export type SocketEvents = Pick<Client, 'on'>;

export type StreamConnection = 'idle' | 'loading' | 'live' | 'reconnecting';

/**
 * One conversation of the chat, live: reads it (`conversation { lastSeq messages }`), then
 * follows `messageStream(conversationId, afterSeq: lastSeq)`. A conversation that `sendMessage`
 * has just started is not read: its payload (handed to `accept` before the id changes) holds all
 * of it, `lastSeq` included. After the socket reconnects, after a subscription error, or on a gap
 * in `seq`, it subscribes again with `afterSeq` = the last `seq` it applied, and drops replayed
 * events, so no text is missing or doubled.
 */
export function useAnswerStream(
  conversationId: MaybeRefOrGetter<string | null>,
  options: { socket: SocketEvents; client?: ApolloClient<unknown>; retryDelayMs?: number },
) {
  const client = options.client ?? useApolloClient().client;
  const retryDelayMs = options.retryDelayMs ?? 2_000;

  const state = shallowRef<ConversationStreamState | null>(null);
  /** Bumped after every change to `state`, which mutates in place. */
  const version = ref(0);
  const title = ref<string | null>(null);
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  const connection = ref<StreamConnection>('idle');
  const notFound = ref(false);

  let subscription: ObservableSubscription | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The `afterSeq` of the subscription in force: a gap seen twice from it is accepted. */
  let subscribedAfter: number | null = null;
  let generation = 0;
  /** A `sendMessage` payload that started another conversation, for the load that follows. */
  let seed: SendMessagePayload | null = null;

  const id = computed(() => toValue(conversationId));
  const bump = () => (version.value += 1);

  function stop(): void {
    subscription?.unsubscribe();
    subscription = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function subscribe(gapRetry = false): void {
    const current = state.value;
    const conversation = id.value;
    if (!current || !conversation) return;
    subscription?.unsubscribe();
    const afterSeq = current.lastSeq;
    const acceptGap = gapRetry && subscribedAfter === afterSeq;
    subscribedAfter = afterSeq;
    const mine = generation;
    subscription = client
      .subscribe({ query: MessageStreamDocument, variables: { conversationId: conversation, afterSeq }, fetchPolicy: 'no-cache' })
      .subscribe({
        next: (result) => {
          if (mine !== generation) return;
          const event = result.data?.messageStream;
          if (!event || event.conversationId !== conversation) return;
          connection.value = 'live';
          const outcome = current.apply(event, { acceptGap });
          if (outcome === 'applied') bump();
          else if (outcome === 'gap') subscribe(true);
        },
        error: () => {
          if (mine !== generation) return;
          connection.value = 'reconnecting';
          retryTimer = setTimeout(() => subscribe(), retryDelayMs);
        },
      });
    if (connection.value !== 'reconnecting') connection.value = 'live';
  }

  async function load(): Promise<void> {
    stop();
    generation += 1;
    const mine = generation;
    state.value = null;
    title.value = null;
    notFound.value = false;
    loadError.value = null;
    subscribedAfter = null;
    const conversation = id.value;
    const seeded = seed?.conversation.id === conversation ? seed : null;
    seed = null;
    if (!conversation) {
      connection.value = 'idle';
      bump();
      return;
    }
    if (seeded) {
      title.value = seeded.conversation.title ?? null;
      state.value = new ConversationStreamState({
        lastSeq: seeded.conversation.lastSeq,
        messages: [seeded.userMessage, ...(seeded.assistantMessage ? [seeded.assistantMessage] : [])],
        conversationStatus: seeded.conversation.status,
      });
      bump();
      subscribe();
      return;
    }
    loading.value = true;
    connection.value = 'loading';
    try {
      const result = await client.query({ query: ConversationQuery, variables: { id: conversation }, fetchPolicy: 'no-cache' });
      if (mine !== generation) return;
      const found = result.data.conversation;
      if (!found) {
        notFound.value = true;
        connection.value = 'idle';
        return;
      }
      title.value = found.title ?? null;
      state.value = new ConversationStreamState({
        lastSeq: found.lastSeq,
        messages: found.messages.messages,
        conversationStatus: found.status,
      });
      bump();
      subscribe();
    } catch (error) {
      if (mine !== generation) return;
      loadError.value = describeError(error);
      connection.value = 'idle';
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(id, () => void load(), { immediate: true });

  // graphql-ws resubscribes by itself after a reconnect, but with the `afterSeq` it started with:
  // start over from the last event we have instead.
  const offs = [
    options.socket.on('connected', (_socket, _payload, wasRetry) => {
      if (wasRetry && state.value) subscribe();
    }),
    options.socket.on('closed', () => {
      if (subscription) connection.value = 'reconnecting';
    }),
  ];
  if (getCurrentScope()) {
    onScopeDispose(() => {
      generation += 1;
      stop();
      offs.forEach((off) => off());
    });
  }

  /**
   * Takes in what `sendMessage` returned: for this conversation, its messages and status; for one
   * it has just started, the whole of it, used instead of reading it once the id turns to it.
   */
  function accept(payload: SendMessagePayload): void {
    const current = state.value;
    if (payload.conversation.id !== id.value) {
      seed = payload;
      return;
    }
    if (!current) return;
    current.upsert(payload.userMessage);
    if (payload.assistantMessage) current.upsert(payload.assistantMessage);
    current.conversationStatus = payload.conversation.status;
    bump();
  }

  /** Adds or replaces one whole message (e.g. an agent's reply as `agentReply` returned it). */
  function upsert(message: ViewMessage): void {
    const current = state.value;
    if (!current || message.conversationId !== id.value) return;
    current.upsert(message);
    bump();
  }

  function patch(messageId: string, fields: Partial<ViewMessage>): void {
    state.value?.patch(messageId, fields);
    bump();
  }

  function setConversationStatus(status: ConversationStatus): void {
    if (state.value) state.value.conversationStatus = status;
    bump();
  }

  const messages = computed(() => {
    void version.value;
    return state.value?.messages ?? [];
  });
  const conversationStatus = computed(() => {
    void version.value;
    return state.value?.conversationStatus ?? null;
  });
  const lastSeq = computed(() => {
    void version.value;
    return state.value?.lastSeq ?? null;
  });
  /** The answer being written, if any. */
  const generating = computed(() => [...messages.value].reverse().find((m) => m.role === 'ASSISTANT' && m.status === 'GENERATING') ?? null);

  return {
    conversationId: id,
    messages,
    conversationStatus,
    lastSeq,
    generating,
    title,
    loading,
    loadError,
    notFound,
    connection,
    accept,
    upsert,
    patch,
    setConversationStatus,
    reload: load,
  };
}

export type AnswerStream = ReturnType<typeof useAnswerStream>;
