import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import type { ApolloClient } from '@apollo/client/core';
import { ConversationStreamState, useAnswerStream, type StreamEvent, type ViewMessage } from '../src/composables/useAnswerStream';

const AT = '2025-01-01T10:00:00Z';
const delta = (seq: number, text: string, messageId = 'a1'): StreamEvent => ({
  __typename: 'MessageStreamEvent',
  seq,
  kind: 'DELTA',
  conversationId: 'c1',
  messageId,
  text,
  citations: null,
  images: null,
  status: null,
  confidence: null,
  handoffSuggested: null,
  fallback: null,
  conversationStatus: null,
  message: null,
  at: AT,
});
const answer = (fields: Partial<ViewMessage> = {}): ViewMessage => ({
  __typename: 'ChatMessage',
  id: 'a1',
  conversationId: 'c1',
  role: 'ASSISTANT',
  text: '',
  status: 'GENERATING',
  createdAt: AT,
  author: null,
  citations: [],
  images: [],
  confidence: null,
  handoffSuggested: false,
  fallback: null,
  feedback: null,
  lastSeq: null,
  ...fields,
});

describe('ConversationStreamState', () => {
  it('appends deltas in order, drops duplicates and reports gaps without applying them', () => {
    const state = new ConversationStreamState({ lastSeq: 3, messages: [answer()] });
    expect(state.apply(delta(4, 'Hel'))).toBe('applied');
    expect(state.apply(delta(4, 'Hel'))).toBe('duplicate');
    expect(state.apply(delta(6, 'ld'))).toBe('gap');
    expect(state.messages[0]!.text).toBe('Hel');
    expect(state.apply(delta(5, 'lo wor'))).toBe('applied');
    expect(state.apply(delta(6, 'ld'))).toBe('applied');
    expect(state.messages[0]!.text).toBe('Hello world');
    expect(state.lastSeq).toBe(6);
  });

  it('does not double text already in the history (message lastSeq)', () => {
    const state = new ConversationStreamState({ lastSeq: 2, messages: [answer({ text: 'Hi', lastSeq: 5 })] });
    state.apply({ ...delta(3, 'x'), kind: 'STATUS', messageId: 'other', status: 'COMPLETE' });
    state.apply(delta(4, 'H')); // already part of text
    state.apply(delta(5, 'i'));
    state.apply(delta(6, ' there'));
    expect(state.messages.find((m) => m.id === 'a1')!.text).toBe('Hi there');
  });

  it('creates an answer the stream mentions first, and applies citations and the final status', () => {
    const state = new ConversationStreamState({ lastSeq: 0 });
    state.apply(delta(1, 'See [1].', 'a9'));
    state.apply({
      ...delta(2, ''),
      messageId: 'a9',
      kind: 'CITATIONS',
      text: null,
      citations: [
        {
          __typename: 'Citation',
          index: 1,
          sourceId: 's',
          title: 'T',
          pageUrl: 'https://x/',
          url: 'https://x/#a',
          headingPath: null,
          snippet: 'q',
          referenced: true,
        },
      ],
    });
    state.apply({ ...delta(3, ''), messageId: 'a9', kind: 'STATUS', text: null, status: 'COMPLETE', confidence: 0.8 });
    const [m] = state.messages;
    expect(m).toMatchObject({ id: 'a9', role: 'ASSISTANT', text: 'See [1].', status: 'COMPLETE', confidence: 0.8 });
    expect(m!.citations).toHaveLength(1);
  });

  it('replaces the streamed text with the text of a final STATUS (an answer withdrawn after its check)', () => {
    const state = new ConversationStreamState({ lastSeq: 0 });
    state.apply(delta(1, 'No, the agent does not run on ', 'a9'));
    state.apply(delta(2, 'a Raspberry Pi [1].', 'a9'));
    state.apply({ ...delta(3, ''), messageId: 'a9', kind: 'STATUS', text: "I'm sorry, I don't know.", status: 'COMPLETE', handoffSuggested: true });
    expect(state.messages[0]).toMatchObject({ text: "I'm sorry, I don't know.", status: 'COMPLETE', handoffSuggested: true });
  });
});

/** A stand-in ApolloClient: `query` answers the conversation, `subscribe` hands each subscription to the test. */
function fakeClient(lastSeq: number, messages: ViewMessage[]) {
  const subscriptions: { variables: Record<string, unknown>; next: (e: StreamEvent) => void; error: (e: unknown) => void; closed: boolean }[] = [];
  const queries: Record<string, unknown>[] = [];
  const client = {
    query: async ({ variables }: { variables: Record<string, unknown> }) => (
      queries.push(variables),
      {
        data: {
          conversation: { __typename: 'Conversation', id: 'c1', status: 'OPEN', title: 'Q', updatedAt: AT, lastSeq, messages: { messages, nextCursor: null } },
        },
      }
    ),
    subscribe: ({ variables }: { variables: Record<string, unknown> }) => ({
      subscribe(observer: { next: (r: unknown) => void; error: (e: unknown) => void }) {
        const entry = {
          variables,
          closed: false,
          next: (event: StreamEvent) => !entry.closed && observer.next({ data: { messageStream: event } }),
          error: (e: unknown) => observer.error(e),
        };
        subscriptions.push(entry);
        return { unsubscribe: () => (entry.closed = true), closed: false };
      },
    }),
  } as unknown as ApolloClient<unknown>;
  return { client, subscriptions, queries };
}

function fakeSocket() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    on(event: string, listener: (...args: unknown[]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args)),
  };
}

describe('useAnswerStream', () => {
  it('subscribes after the conversation’s lastSeq and, after a reconnect, from the last seq received: nothing lost or doubled', async () => {
    const { client, subscriptions } = fakeClient(10, [answer({ text: 'The ', lastSeq: 10 })]);
    const socket = fakeSocket();
    const scope = effectScope();
    const stream = scope.run(() => useAnswerStream(ref('c1'), { socket: socket as never, client }))!;
    await flushPromises();

    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]!.variables).toEqual({ conversationId: 'c1', afterSeq: 10 });
    subscriptions[0]!.next(delta(11, 'answer '));
    subscriptions[0]!.next(delta(12, 'is '));
    expect(stream.messages.value[0]!.text).toBe('The answer is ');

    // The socket drops and comes back: start over from seq 12.
    socket.emit('closed', { code: 1006 });
    expect(stream.connection.value).toBe('reconnecting');
    socket.emit('connected', {}, {}, true);
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions[0]!.closed).toBe(true);
    expect(subscriptions[1]!.variables).toEqual({ conversationId: 'c1', afterSeq: 12 });

    // The server replays from 12 on; a late replay of 11–12 (e.g. graphql-ws' own resubscription) is dropped.
    subscriptions[1]!.next(delta(12, 'is '));
    subscriptions[1]!.next(delta(13, '42'));
    subscriptions[1]!.next(delta(11, 'answer '));
    expect(stream.messages.value[0]!.text).toBe('The answer is 42');
    expect(stream.connection.value).toBe('live');
    expect(stream.lastSeq.value).toBe(13);
    scope.stop();
  });

  it('fills a gap by resubscribing from the last seq applied', async () => {
    const { client, subscriptions } = fakeClient(0, [answer()]);
    const scope = effectScope();
    const stream = scope.run(() => useAnswerStream(ref('c1'), { socket: fakeSocket() as never, client }))!;
    await flushPromises();
    subscriptions[0]!.next(delta(1, 'a'));
    subscriptions[0]!.next(delta(3, 'c')); // 2 went missing
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions[1]!.variables).toMatchObject({ afterSeq: 1 });
    subscriptions[1]!.next(delta(2, 'b'));
    subscriptions[1]!.next(delta(3, 'c'));
    expect(stream.messages.value[0]!.text).toBe('abc');
    scope.stop();
  });

  it('takes a conversation sendMessage has just started from its payload, without reading it again', async () => {
    const { client, subscriptions, queries } = fakeClient(0, []);
    const id = ref<string | null>(null);
    const scope = effectScope();
    const stream = scope.run(() => useAnswerStream(id, { socket: fakeSocket() as never, client }))!;
    await flushPromises();
    expect(stream.connection.value).toBe('idle');

    const question = answer({
      id: 'u1',
      conversationId: 'c9',
      role: 'USER',
      text: 'Do you ship to Norway?',
      status: 'COMPLETE',
      createdAt: '2025-01-01T09:59:59Z',
    });
    const generating = answer({ id: 'a2', conversationId: 'c9', lastSeq: 2 });
    stream.accept({
      __typename: 'SendMessagePayload',
      conversation: { __typename: 'Conversation', id: 'c9', status: 'OPEN', title: 'Shipping', updatedAt: AT, lastSeq: 2 },
      userMessage: question,
      assistantMessage: generating,
    });
    id.value = 'c9'; // the screen moves to the new conversation
    await flushPromises();

    expect(queries).toEqual([]);
    expect(stream.messages.value.map((m) => m.id)).toEqual(['u1', 'a2']);
    expect(stream.title.value).toBe('Shipping');
    expect(stream.conversationStatus.value).toBe('OPEN');
    expect(subscriptions.map((s) => s.variables)).toEqual([{ conversationId: 'c9', afterSeq: 2 }]);
    subscriptions[0]!.next({ ...delta(3, 'Yes.', 'a2'), conversationId: 'c9' });
    expect(stream.messages.value.at(-1)!.text).toBe('Yes.');

    // Any other conversation is read as before.
    id.value = 'c1';
    await flushPromises();
    expect(queries).toEqual([{ id: 'c1' }]);
    scope.stop();
  });
});
