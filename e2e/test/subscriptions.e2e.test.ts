import { randomUUID } from 'node:crypto';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, graphqlRequest, registerAdmin, startSystem, waitForChannelSubscribers, wsClient, type ServiceProcess, type Session } from '@scs/test-support';

const MESSAGE_ADDED = `subscription($c: ID!) {
  messageAdded(conversationId: $c) {
    id
    text
    author { id name: displayName email }
  }
}`;

describe('subscriptions through the gateway', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gatewayA: ServiceProcess;
  let gatewayB: ServiceProcess;
  let author: Session;
  let auth: Record<string, unknown>;

  beforeAll(async () => {
    system = await startSystem(2);
    [gatewayA, gatewayB] = system.gateways as [ServiceProcess, ServiceProcess];
    author = await registerAdmin(gatewayA, 'Grace Hopper');
    auth = { authorization: `Bearer ${author.accessToken}` };
  });
  afterAll(() => system?.stop());

  const topic = (conversationId: string) => subscriptionTopic('messageAdded', { conversationId }, author.orgId);
  const post = (conversationId: string, text: string) =>
    graphqlRequest(gatewayA.baseUrl, 'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', { i: { conversationId, text } }, author.headers);

  it('delivers one published event to a client on each of two gateway instances, with the author resolved by the users subgraph', async () => {
    const conversationId = randomUUID();
    // The conversation exists first: a subscription on one is allowed only to those who may read it.
    expect((await post(conversationId, 'Hello')).body.errors).toBeUndefined();
    const clientA = wsClient(gatewayA.baseUrl, auth);
    const clientB = wsClient(gatewayB.baseUrl, auth);
    try {
      const onA = collect(clientA, MESSAGE_ADDED, { c: conversationId });
      const onB = collect(clientB, MESSAGE_ADDED, { c: conversationId });
      await waitForChannelSubscribers(topic(conversationId), 2);

      const posted = await post(conversationId, 'Is there a student discount?');
      expect(posted.body.errors).toBeUndefined();
      const expected = {
        data: {
          messageAdded: {
            id: posted.body.data!.postMessage.id,
            text: 'Is there a student discount?',
            author: { id: author.userId, name: 'Grace Hopper', email: author.email },
          },
        },
      };
      expect(await onA.next()).toEqual(expected);
      expect(await onB.next()).toEqual(expected);
      // Published once, delivered once per client.
      await new Promise((r) => setTimeout(r, 300));
      expect(onA.received).toHaveLength(1);
      expect(onB.received).toHaveLength(1);
    } finally {
      await Promise.all([clientA.dispose(), clientB.dispose()]);
    }
  });

  it('scopes events to the subscribed arguments and serves own-field selections from the event alone', async () => {
    const watched = randomUUID();
    const other = randomUUID();
    for (const id of [watched, other]) expect((await post(id, 'Hello')).body.errors).toBeUndefined();
    const client = wsClient(gatewayB.baseUrl, auth);
    try {
      const events = collect(client, 'subscription($c: ID!) { messageAdded(conversationId: $c) { conversationId text } }', { c: watched });
      await waitForChannelSubscribers(topic(watched), 1);
      await post(other, 'not for this conversation');
      await post(watched, 'for this conversation');
      expect(await events.next()).toEqual({ data: { messageAdded: { conversationId: watched, text: 'for this conversation' } } });
      await new Promise((r) => setTimeout(r, 300));
      expect(events.received).toHaveLength(1);
    } finally {
      await client.dispose();
    }
  });

  it('answers queries sent over the WebSocket through the federated executor', async () => {
    const client = wsClient(gatewayA.baseUrl, auth);
    try {
      const result = collect(client, 'query($id: ID!) { user(id: $id) { displayName } }', { id: author.userId });
      expect(await result.next()).toEqual({ data: { user: { displayName: 'Grace Hopper' } } });
    } finally {
      await client.dispose();
    }
  });

  it('rejects an invalid subscription with a validation error', async () => {
    const client = wsClient(gatewayA.baseUrl, auth);
    try {
      const result = collect(client, 'subscription { messageAdded(conversationId: "x") { noSuchField } }');
      await expect(result.next()).rejects.toThrow(/noSuchField/);
    } finally {
      await client.dispose();
    }
  });
});
