import { getOperationAST, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { computed } from 'vue';
import type { SendMessagePayload, ViewMessage } from '../src/composables/useAnswerStream';
import { useConversationActions, type ActionClient, type ActionTarget } from '../src/composables/useConversationActions';
import { deferred, graphqlErrors } from './support/fakeGateway';

const AT = '2025-01-01T10:00:00Z';
const message = (fields: Partial<ViewMessage> = {}): ViewMessage => ({
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
const payload = (conversationId: string): SendMessagePayload => ({
  __typename: 'SendMessagePayload',
  conversation: { __typename: 'Conversation', id: conversationId, status: 'OPEN', title: 'Shipping', updatedAt: AT, lastSeq: 2 },
  userMessage: message({ id: 'u1', conversationId, role: 'USER', text: 'Do you ship to Norway?', status: 'COMPLETE' }),
  assistantMessage: message({ id: 'a2', conversationId }),
});

/** The stream's side, as plain data: what the actions read, and a log of what they wrote back. */
function fakeStream(conversationId: string | null, generating: ViewMessage | null = null) {
  const writes: unknown[][] = [];
  const stream: ActionTarget = {
    conversationId: computed(() => conversationId),
    generating: computed(() => generating),
    accept: (p) => void writes.push(['accept', p]),
    upsert: (m) => void writes.push(['upsert', m]),
    patch: (id, fields) => void writes.push(['patch', id, fields]),
    setConversationStatus: (status) => void writes.push(['status', status]),
  };
  return { stream, writes };
}

type Answer = { data?: unknown; errors?: unknown } | Error;

/** A mutate that answers by operation name and records the calls; `hold` keeps answers back until released. */
function fakeClient(answers: Record<string, (variables: Record<string, unknown>) => Answer>) {
  const calls: { operationName: string; variables: Record<string, unknown> }[] = [];
  let gate: ReturnType<typeof deferred<void>> | null = null;
  const client = {
    async mutate({ mutation, variables }: { mutation: DocumentNode; variables: Record<string, unknown> }) {
      const operationName = getOperationAST(mutation)!.name!.value;
      calls.push({ operationName, variables });
      if (gate) await gate.promise;
      const answer = answers[operationName]?.(variables) ?? new Error(`No answer for ${operationName}`);
      if (answer instanceof Error) throw answer;
      if (answer.errors) throw Object.assign(new Error('GraphQL error'), { graphQLErrors: answer.errors });
      return { data: answer.data };
    },
  } as unknown as ActionClient;
  return {
    client,
    calls,
    hold: () => void (gate = deferred<void>()),
    release: () => {
      gate?.resolve();
      gate = null;
    },
  };
}

describe('useConversationActions', () => {
  it('sends a first question without a conversation, and hands the payload to the stream', async () => {
    const { stream, writes } = fakeStream(null);
    const gateway = fakeClient({ SendMessage: () => ({ data: { sendMessage: payload('c9') } }) });
    const actions = useConversationActions(stream, { client: gateway.client });

    gateway.hold();
    const sent = actions.send('Do you ship to Norway?');
    expect(actions.busy.send).toBe(true);
    gateway.release();
    expect(await sent).toEqual(payload('c9'));
    expect(actions.busy.send).toBe(false);
    expect(gateway.calls).toEqual([{ operationName: 'SendMessage', variables: { input: { text: 'Do you ship to Norway?' } } }]);
    expect(writes).toEqual([['accept', payload('c9')]]);
  });

  it('sends in the open conversation, and says in words when it was not sent', async () => {
    const { stream, writes } = fakeStream('c1');
    let answer: Answer = new Error('The gateway is down.');
    const gateway = fakeClient({ SendMessage: () => answer });
    const actions = useConversationActions(stream, { client: gateway.client });

    expect(await actions.send('Hello')).toBeNull();
    expect(gateway.calls[0]!.variables).toEqual({ input: { text: 'Hello', conversationId: 'c1' } });
    expect(actions.error.value).toBe('Your message was not sent: The gateway is down.');
    expect(writes).toEqual([]);

    answer = { data: { sendMessage: payload('c1') } };
    expect(await actions.send('Hello')).not.toBeNull();
    expect(actions.error.value).toBeNull(); // cleared when the next action starts
  });

  it('stops the answer being written, and nothing when none is', async () => {
    const stopped = { data: { stopGeneration: { __typename: 'ChatMessage', id: 'a1', status: 'STOPPED' } } };
    const idle = fakeStream('c1', null);
    const idleGateway = fakeClient({ StopGeneration: () => stopped });
    expect(await useConversationActions(idle.stream, { client: idleGateway.client }).stop()).toBe(false);
    expect(idleGateway.calls).toEqual([]);

    const { stream, writes } = fakeStream('c1', message({ id: 'a1' }));
    const gateway = fakeClient({ StopGeneration: () => stopped });
    const actions = useConversationActions(stream, { client: gateway.client });
    expect(await actions.stop()).toBe(true);
    expect(gateway.calls).toEqual([{ operationName: 'StopGeneration', variables: { messageId: 'a1' } }]);
    expect(writes).toEqual([['patch', 'a1', { status: 'STOPPED' }]]);
  });

  it('rates an answer, with the comment only when there is one', async () => {
    const { stream, writes } = fakeStream('c1');
    const gateway = fakeClient({
      RateAnswer: ({ input }) => {
        const { messageId, rating, comment } = input as { messageId: string; rating: string; comment?: string };
        return {
          data: { rateAnswer: { __typename: 'ChatMessage', id: messageId, feedback: { __typename: 'AnswerFeedback', rating, comment: comment ?? null } } },
        };
      },
    });
    const actions = useConversationActions(stream, { client: gateway.client });
    expect(await actions.rate('a1', 'DOWN', null)).toBe(true);
    expect(await actions.rate('a1', 'UP', 'Clear, thanks')).toBe(true);
    expect(gateway.calls.map((c) => c.variables)).toEqual([
      { input: { messageId: 'a1', rating: 'DOWN' } },
      { input: { messageId: 'a1', rating: 'UP', comment: 'Clear, thanks' } },
    ]);
    expect(writes.at(-1)).toEqual(['patch', 'a1', { feedback: { __typename: 'AnswerFeedback', rating: 'UP', comment: 'Clear, thanks' } }]);
  });

  it('escalates to a person, and says so when that failed', async () => {
    const { stream, writes } = fakeStream('c1');
    let answer: Answer = { data: { escalate: { __typename: 'Conversation', id: 'c1', status: 'WAITING_FOR_AGENT', title: null, updatedAt: AT } } };
    const gateway = fakeClient({ Escalate: () => answer });
    const actions = useConversationActions(stream, { client: gateway.client });
    expect(await actions.escalate()).toBe(true);
    expect(gateway.calls[0]!.variables).toEqual({ conversationId: 'c1' });
    expect(writes).toEqual([['status', 'WAITING_FOR_AGENT']]);

    answer = new Error('Nobody is available.');
    expect(await actions.escalate()).toBe(false);
    expect(actions.error.value).toBe('Could not reach a person: Nobody is available.');

    // Without a conversation there is nobody to hand it to.
    const none = fakeStream(null);
    expect(await useConversationActions(none.stream, { client: gateway.client }).escalate()).toBe(false);
    expect(gateway.calls).toHaveLength(2);
  });

  it('replies as an agent: shown at once and with an agent; a failure is thrown for the form', async () => {
    const { stream, writes } = fakeStream('c1');
    const reply = message({ id: 'm9', role: 'AGENT', text: 'On it.', status: 'COMPLETE' });
    let answer: Answer = { data: { agentReply: reply } };
    const gateway = fakeClient({ AgentReply: () => answer });
    const actions = useConversationActions(stream, { client: gateway.client });
    expect(await actions.reply('On it.')).toEqual(reply);
    expect(gateway.calls[0]!.variables).toEqual({ input: { conversationId: 'c1', text: 'On it.' } });
    expect(writes).toEqual([
      ['upsert', reply],
      ['status', 'WITH_AGENT'],
    ]);

    answer = graphqlErrors({ message: 'text must be 1 to 8000 characters', extensions: { code: 'BAD_USER_INPUT', field: 'text' } });
    await expect(actions.reply('x')).rejects.toMatchObject({ graphQLErrors: [{ extensions: { field: 'text' } }] });
    expect(actions.error.value).toBeNull();
    expect(actions.busy.reply).toBe(false);
  });

  it('runs a screen’s own action with the same busy flag and words', async () => {
    const { stream } = fakeStream('c1');
    const actions = useConversationActions(stream, { client: fakeClient({}).client });
    let finish!: (value: string) => void;
    const closing = actions.run('close', 'Could not close the conversation', () => new Promise<string>((resolve) => (finish = resolve)));
    expect(actions.busy.close).toBe(true);
    finish('closed');
    expect(await closing).toBe('closed');
    expect(actions.busy.close).toBe(false);

    expect(await actions.run('close', 'Could not close the conversation', async () => Promise.reject(new Error('It is already closed.')))).toBeNull();
    expect(actions.error.value).toBe('Could not close the conversation: It is already closed.');
  });
});
