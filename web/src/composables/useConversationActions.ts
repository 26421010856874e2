import type { ApolloClient } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import { reactive, ref } from 'vue';
import type { AnswerRating } from '../gql/graphql';
import {
  AgentReplyMutation,
  EscalateMutation,
  RateAnswerMutation,
  SendMessageMutation,
  StopGenerationMutation,
} from '../graphql/documents/conversation.documents';
import { describeError } from '../graphql/errors';
import type { AnswerStream, SendMessagePayload, ViewMessage } from './useAnswerStream';

/** What the actions read from and write back to the conversation's stream (`useAnswerStream` has all of it). */
export type ActionTarget = Pick<AnswerStream, 'conversationId' | 'generating' | 'accept' | 'upsert' | 'patch' | 'setConversationStatus'>;

/** The mutations' client: Apollo's, or a stand-in in tests. */
export type ActionClient = Pick<ApolloClient<unknown>, 'mutate'>;

/**
 * What people do in one conversation — ask (`sendMessage`), stop the answer being written
 * (`stopGeneration`), rate an answer (`rateAnswer`), ask for a person (`escalate`), reply as an
 * agent (`agentReply`) — with each result written into the conversation's stream at once, so the
 * chat and the inbox show it before the stream's own event arrives (which then changes nothing).
 *
 * Failures become one sentence in `error` ("Could not stop the answer: …") and the action
 * resolves to null or false; `error` clears when the next action starts. `reply` alone throws,
 * for the inbox's form to show the API's errors next to the field. `busy.<action>` is true while
 * that action is on its way. `run` gives a screen's own actions (the inbox's Close) the same
 * error and busy handling.
 */
export function useConversationActions(stream: ActionTarget, options: { client?: ActionClient } = {}) {
  const client = options.client ?? useApolloClient().client;
  const error = ref<string | null>(null);
  const busy = reactive<Record<string, boolean>>({ send: false, stop: false, rate: false, escalate: false, reply: false });

  /** Runs `action` as `name`: busy meanwhile; a failure is put in `error` after `failure` and resolves to null. */
  async function run<T>(name: string, failure: string, action: () => Promise<T | null | undefined>): Promise<T | null> {
    error.value = null;
    busy[name] = true;
    try {
      return (await action()) ?? null;
    } catch (caught) {
      error.value = `${failure}: ${describeError(caught)}`;
      return null;
    } finally {
      busy[name] = false;
    }
  }

  /** Asks `text` in this conversation, or in a new one while there is none; resolves to the payload. */
  function send(text: string): Promise<SendMessagePayload | null> {
    const conversationId = stream.conversationId.value;
    return run('send', 'Your message was not sent', async () => {
      const input = { text, ...(conversationId ? { conversationId } : {}) };
      const payload = (await client.mutate({ mutation: SendMessageMutation, variables: { input } })).data?.sendMessage;
      if (payload) stream.accept(payload);
      return payload;
    });
  }

  /** Stops the answer being written, if there is one. */
  async function stop(): Promise<boolean> {
    const answer = stream.generating.value;
    if (!answer || busy.stop) return false;
    const stopped = await run(
      'stop',
      'Could not stop the answer',
      async () => (await client.mutate({ mutation: StopGenerationMutation, variables: { messageId: answer.id } })).data?.stopGeneration,
    );
    if (stopped) stream.patch(stopped.id, { status: stopped.status });
    return Boolean(stopped);
  }

  /** Thumbs up or down on an answer, with an optional comment. */
  async function rate(messageId: string, rating: AnswerRating, comment: string | null): Promise<boolean> {
    const rated = await run('rate', 'Your rating was not saved', async () => {
      const input = { messageId, rating, ...(comment ? { comment } : {}) };
      return (await client.mutate({ mutation: RateAnswerMutation, variables: { input } })).data?.rateAnswer;
    });
    if (rated) stream.patch(rated.id, { feedback: rated.feedback ? { ...rated.feedback } : null });
    return Boolean(rated);
  }

  /** Hands the conversation to a person. */
  async function escalate(): Promise<boolean> {
    const conversationId = stream.conversationId.value;
    if (!conversationId) return false;
    const conversation = await run(
      'escalate',
      'Could not reach a person',
      async () => (await client.mutate({ mutation: EscalateMutation, variables: { conversationId } })).data?.escalate,
    );
    if (conversation) stream.setConversationStatus(conversation.status);
    return Boolean(conversation);
  }

  /** An agent's reply (the first one takes the conversation over). Throws when it was not sent. */
  async function reply(text: string): Promise<ViewMessage> {
    const conversationId = stream.conversationId.value;
    if (!conversationId) throw new Error('There is no conversation to reply in.');
    busy.reply = true;
    try {
      const result = await client.mutate({ mutation: AgentReplyMutation, variables: { input: { conversationId, text } } });
      const message = result.data?.agentReply;
      if (!message) throw new Error('The reply was not sent.');
      // Shown now; the same message arriving on the stream replaces it, it is not doubled.
      stream.upsert(message);
      stream.setConversationStatus('WITH_AGENT');
      return message;
    } finally {
      busy.reply = false;
    }
  }

  return { send, stop, rate, escalate, reply, run, error, busy };
}
