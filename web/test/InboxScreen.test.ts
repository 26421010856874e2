import { ApolloLink, Observable, type FetchResult, type Observer } from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewMessage } from '../src/composables/useAnswerStream';
import type { InboxConversationFieldsFragment } from '../src/gql/graphql';
import InboxScreen from '../src/screens/inbox/InboxScreen.vue';
import { placeUpdate } from '../src/screens/inbox/useInbox';
import { graphqlErrors, httpError, meHandler, USER, type Handler } from './support/fakeGateway';
import { cleanupScreens, renderScreen } from './support/renderScreen';

const happyDOM = (window as unknown as { happyDOM: { setViewport(size: { width: number; height: number }): void } }).happyDOM;
afterEach(() => {
  cleanupScreens();
  happyDOM.setViewport({ width: 1024, height: 768 });
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const user = (id: string, displayName: string) => ({ __typename: 'User' as const, id, displayName });
const conv = (id: string, fields: Partial<InboxConversationFieldsFragment> = {}): InboxConversationFieldsFragment => ({
  __typename: 'Conversation',
  id,
  status: 'OPEN',
  title: `Question ${id}`,
  createdAt: minutesAgo(60),
  updatedAt: minutesAgo(30),
  escalatedAt: null,
  closedAt: null,
  customer: user(`cust-${id}`, `Customer ${id}`),
  assignedAgent: null,
  ...fields,
});
const message = (fields: Partial<ViewMessage>): ViewMessage => ({
  __typename: 'ChatMessage',
  id: 'a1',
  conversationId: 'c1',
  role: 'ASSISTANT',
  text: '',
  status: 'COMPLETE',
  createdAt: minutesAgo(20),
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
const page = (conversations: InboxConversationFieldsFragment[], nextCursor: string | null = null) => ({
  data: { conversations: { __typename: 'ConversationPage', conversations, nextCursor } },
});

/** Subscriptions stay open until the test says what they receive (the fake gateway answers once and completes). */
function liveLink() {
  const open: { operationName: string; variables: Record<string, unknown>; observer: Observer<FetchResult>; closed: boolean }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((observer) => {
        const entry = { operationName: operation.operationName, variables: operation.variables, observer, closed: false };
        open.push(entry);
        return () => void (entry.closed = true);
      }),
  );
  const live = (name: string) => open.filter((e) => e.operationName === name && !e.closed);
  return {
    link,
    live,
    emit(name: string, data: Record<string, unknown>) {
      const targets = live(name);
      if (targets.length === 0) throw new Error(`No open ${name} subscription`);
      targets.forEach((e) => e.observer.next!({ data }));
    },
    /** The gateway answering a subscription with errors. */
    reject(name: string, errors: { message: string; extensions?: Record<string, unknown> }[]) {
      live(name).forEach((e) => e.observer.next!({ errors }));
    },
  };
}

/** The graphql-ws client's events, fired by the test. */
function fakeSocket() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    on(event: string, listener: (...args: unknown[]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => void set.delete(listener);
    },
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args)),
  };
}

const AGENT_PERMISSIONS = ['conversation:read:any', 'conversation:read:own', 'conversation:reply', 'chat:ask', 'user:read'];

/** The waiting ones, the others, and the conversation c1 with a generating answer. */
function handlers(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  const all = [
    conv('c1', { status: 'WAITING_FOR_AGENT', updatedAt: minutesAgo(5), escalatedAt: minutesAgo(5) }),
    conv('c2', { status: 'WITH_AGENT', updatedAt: minutesAgo(10), assignedAgent: user('agent-2', 'Grace Hopper') }),
    conv('c3', { status: 'OPEN', updatedAt: minutesAgo(15) }),
    conv('c4', { status: 'WAITING_FOR_AGENT', updatedAt: minutesAgo(20), escalatedAt: minutesAgo(21) }),
    conv('c5', { status: 'CLOSED', updatedAt: minutesAgo(120), closedAt: minutesAgo(120) }),
  ];
  return {
    SessionViewer: meHandler(AGENT_PERMISSIONS, 'AGENT'),
    InboxConversations: ({ variables }) => page(all.filter((c) => !variables.status || c.status === variables.status)),
    InboxConversation: ({ variables }) => {
      const found = all.find((c) => c.id === variables.id)!;
      return { data: { conversation: { ...found, customer: { ...found.customer, email: `${found.customer.id}@example.com` } } } };
    },
    Conversation: ({ variables }) => ({
      data: {
        conversation: {
          __typename: 'Conversation',
          id: variables.id,
          status: 'WAITING_FOR_AGENT',
          title: 'Question c1',
          updatedAt: minutesAgo(5),
          lastSeq: 4,
          messages: {
            __typename: 'ChatMessagePage',
            nextCursor: null,
            messages: [
              message({
                id: 'u1',
                role: 'USER',
                text: 'My parcel never arrived.',
                createdAt: minutesAgo(21),
                author: { __typename: 'User', id: 'cust-c1', displayName: 'Customer c1' },
              }),
              message({ id: 'a1', status: 'GENERATING', text: 'Let me ', lastSeq: 4 }),
            ],
          },
        },
      },
    }),
    ...overrides,
  };
}

async function render(path: string, overrides: Record<string, Handler> = {}, options: { permissions?: string[] } = {}) {
  const live = liveLink();
  const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  const socket = fakeSocket();
  const { view, gateway, router, apollo } = await renderScreen(path, {
    component: InboxScreen,
    handlers: { ...handlers(overrides), ...(options.permissions ? { SessionViewer: meHandler(options.permissions, 'AGENT') } : {}) },
    role: 'AGENT',
    link: (gatewayLink) => ApolloLink.split(isSubscription, live.link, gatewayLink),
    socket,
  });
  return { view, gateway, live, router, socket, apollo };
}

const rows = (view: VueWrapper) => view.findAll('a.item');
const customers = (view: VueWrapper) => rows(view).map((r) => r.find('.item__customer').text());
const button = (view: VueWrapper, label: string): DOMWrapper<HTMLButtonElement> => {
  const found = view.findAll('button').find((b) => b.text() === label);
  if (!found)
    throw new Error(
      `No button "${label}" in: ${view
        .findAll('button')
        .map((b) => b.text())
        .join(', ')}`,
    );
  return found as DOMWrapper<HTMLButtonElement>;
};
const tab = (view: VueWrapper, label: string) => view.findAll('a.tab').find((t) => t.text().startsWith(label))!;

describe('placeUpdate', () => {
  const list = [
    conv('a', { updatedAt: '2025-01-01T10:03:00Z' }),
    conv('b', { updatedAt: '2025-01-01T10:02:00Z' }),
    conv('c', { updatedAt: '2025-01-01T10:01:00Z' }),
  ];
  const ids = (l: InboxConversationFieldsFragment[]) => l.map((c) => c.id);

  it('moves a newly active conversation to the top, updates a same-time one in place and ignores an older copy', () => {
    expect(ids(placeUpdate(list, conv('c', { updatedAt: '2025-01-01T10:04:00Z', status: 'WAITING_FOR_AGENT' }), null))).toEqual(['c', 'a', 'b']);
    const inPlace = placeUpdate(list, conv('b', { updatedAt: '2025-01-01T10:02:00Z', status: 'CLOSED' }), null);
    expect(ids(inPlace)).toEqual(['a', 'b', 'c']);
    expect(inPlace[1]!.status).toBe('CLOSED');
    expect(placeUpdate(list, conv('a', { updatedAt: '2025-01-01T09:00:00Z', status: 'CLOSED' }), null)).toBe(list);
    expect(ids(placeUpdate(list, conv('new', { updatedAt: '2025-01-01T10:05:00Z' }), null))).toEqual(['new', 'a', 'b', 'c']);
  });

  it('drops a conversation that no longer matches the filter and leaves out new ones that do not', () => {
    expect(ids(placeUpdate(list, conv('b', { updatedAt: '2025-01-01T10:04:00Z', status: 'WITH_AGENT' }), 'OPEN'))).toEqual(['a', 'c']);
    expect(ids(placeUpdate(list, conv('x', { updatedAt: '2025-01-01T10:04:00Z', status: 'CLOSED' }), 'OPEN'))).toEqual(['a', 'b', 'c']);
  });
});

describe('InboxScreen', () => {
  it('lists the people waiting first, with a count badge, and switches filters with the tabs', async () => {
    const { view, gateway, router } = await render('/inbox');
    expect(gateway.named('InboxConversations').map((o) => o.variables)).toEqual(
      expect.arrayContaining([
        { status: 'WAITING_FOR_AGENT', after: null, first: 30 },
        { status: 'WAITING_FOR_AGENT', after: null, first: 100 },
      ]),
    );
    expect(view.find('h1').text()).toBe('Inbox');
    expect(customers(view)).toEqual(['Customer c1', 'Customer c4']);
    const first = rows(view)[0]!;
    expect(first.text()).toContain('Question c1');
    expect(first.text()).toContain('Waiting for a person');
    expect(first.find('time').text()).toBe('5 minutes ago');
    expect(first.find('time').attributes('datetime')).toBeTruthy();
    expect(first.classes()).toContain('item--waiting');
    expect(tab(view, 'Waiting for a person').attributes('aria-current')).toBe('true');
    expect(tab(view, 'Waiting for a person').find('.tab__count').text()).toBe('2 waiting');

    await tab(view, 'With an agent').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/inbox?filter=with-agent');
    expect(gateway.named('InboxConversations').at(-1)!.variables).toEqual({ status: 'WITH_AGENT', after: null, first: 30 });
    expect(customers(view)).toEqual(['Customer c2']);
    expect(rows(view)[0]!.text()).toContain('Handled by Grace Hopper');
    expect(tab(view, 'With an agent').attributes('aria-current')).toBe('true');
    expect(tab(view, 'Waiting for a person').attributes('aria-current')).toBeUndefined();

    await tab(view, 'All').trigger('click');
    await flushPromises();
    expect(gateway.named('InboxConversations').at(-1)!.variables).toEqual({ status: null, after: null, first: 30 });
    expect(customers(view)).toEqual(['Customer c1', 'Customer c2', 'Customer c3', 'Customer c4', 'Customer c5']);
    // The badge still counts those waiting, whatever the tab.
    expect(tab(view, 'Waiting for a person').find('.tab__count').text()).toBe('2 waiting');

    await tab(view, 'Closed').trigger('click');
    await flushPromises();
    expect(customers(view)).toEqual(['Customer c5']);
    expect(rows(view)[0]!.text()).toContain('2 hours ago');
  });

  it('moves conversations on conversationUpdated, updates them in place, and announces new hand-offs', async () => {
    const { view, live } = await render('/inbox?filter=all');
    expect(customers(view)).toEqual(['Customer c1', 'Customer c2', 'Customer c3', 'Customer c4', 'Customer c5']);
    const announcer = view.find('[aria-live="polite"]');
    expect(announcer.text()).toBe('');

    // c3 is handed off: to the top, marked new, counted, read out.
    live.emit('InboxConversationUpdated', {
      conversationUpdated: conv('c3', { status: 'WAITING_FOR_AGENT', updatedAt: minutesAgo(0), escalatedAt: minutesAgo(0) }),
    });
    await flushPromises();
    expect(customers(view)).toEqual(['Customer c3', 'Customer c1', 'Customer c2', 'Customer c4', 'Customer c5']);
    expect(rows(view)[0]!.text()).toContain('Waiting for a person');
    expect(rows(view)[0]!.text()).toContain('just now');
    expect(rows(view)[0]!.find('.item__new').text()).toBe('New');
    expect(tab(view, 'Waiting for a person').find('.tab__count').text()).toBe('3 waiting');
    expect(announcer.text()).toBe('New hand-off. Customer c3 is waiting for a person: “Question c3”.');

    // c4 is taken over by the signed-in agent, same activity time: updated where it is.
    const listedAt = rows(view)[3]!.find('time').attributes('datetime')!;
    const c4 = conv('c4', { status: 'WITH_AGENT', updatedAt: listedAt, assignedAgent: user(USER.id, USER.displayName) });
    live.emit('InboxConversationUpdated', { conversationUpdated: c4 });
    await flushPromises();
    expect(customers(view)).toEqual(['Customer c3', 'Customer c1', 'Customer c2', 'Customer c4', 'Customer c5']);
    expect(rows(view)[3]!.text()).toContain('With an agent');
    expect(rows(view)[3]!.text()).toContain('Handled by you');
    expect(tab(view, 'Waiting for a person').find('.tab__count').text()).toBe('2 waiting');

    // A conversation that just started appears at the top; no hand-off to announce.
    live.emit('InboxConversationUpdated', { conversationUpdated: conv('c9', { updatedAt: new Date(Date.now() + 1000).toISOString() }) });
    await flushPromises();
    expect(customers(view)[0]).toBe('Customer c9');
    expect(announcer.findAll('p')).toHaveLength(1);
  });

  it('drops a conversation from the waiting tab when someone takes it over', async () => {
    const { view, live } = await render('/inbox');
    expect(customers(view)).toEqual(['Customer c1', 'Customer c4']);
    live.emit('InboxConversationUpdated', {
      conversationUpdated: conv('c1', { status: 'WITH_AGENT', updatedAt: minutesAgo(0), assignedAgent: user('agent-2', 'Grace Hopper') }),
    });
    await flushPromises();
    expect(customers(view)).toEqual(['Customer c4']);
    expect(tab(view, 'Waiting for a person').find('.tab__count').text()).toBe('1 waiting');
  });

  it('pages with Load more, without listing a conversation twice', async () => {
    const { view, gateway } = await render('/inbox?filter=all', {
      InboxConversations: ({ variables }) => {
        if (variables.status === 'WAITING_FOR_AGENT') return page([]);
        return variables.after === 'cursor-1'
          ? page([conv('c2', { updatedAt: minutesAgo(40) }), conv('c3', { updatedAt: minutesAgo(50) })])
          : page([conv('c1', { updatedAt: minutesAgo(5) }), conv('c2', { updatedAt: minutesAgo(40) })], 'cursor-1');
      },
    });
    expect(customers(view)).toEqual(['Customer c1', 'Customer c2']);
    expect(tab(view, 'Waiting for a person').find('.tab__count').text()).toBe('0 waiting');
    await button(view, 'Load more').trigger('click');
    await flushPromises();
    expect(gateway.named('InboxConversations').at(-1)!.variables).toEqual({ status: null, after: 'cursor-1', first: 30 });
    expect(customers(view)).toEqual(['Customer c1', 'Customer c2', 'Customer c3']);
    expect(view.findAll('button').some((b) => b.text() === 'Load more')).toBe(false);
  });

  it('says in words why the list could not be loaded, and tries again', async () => {
    let fail = true;
    const { view } = await render('/inbox', {
      InboxConversations: () =>
        fail
          ? httpError(429, [{ message: 'Slow down.', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } }])
          : page([conv('c1', { status: 'WAITING_FOR_AGENT' })]),
    });
    expect(view.find('[role="alert"]').text()).toContain('Could not load the conversations: Too many attempts. Try again in 30 seconds.');
    fail = false;
    await button(view, 'Try again').trigger('click');
    await flushPromises();
    expect(view.find('[role="alert"]').exists()).toBe(false);
    expect(customers(view)).toEqual(['Customer c1']);
  });

  it('moves focus through the list with the arrow keys', async () => {
    const { view } = await render('/inbox?filter=all');
    const links = rows(view);
    (links[0]!.element as HTMLElement).focus();
    await view.find('ul.items').trigger('keydown', { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[1]!.element);
    await view.find('ul.items').trigger('keydown', { key: 'End' });
    expect(document.activeElement).toBe(links[4]!.element);
    await view.find('ul.items').trigger('keydown', { key: 'ArrowUp' });
    expect(document.activeElement).toBe(links[3]!.element);
    await view.find('ul.items').trigger('keydown', { key: 'Home' });
    expect(document.activeElement).toBe(links[0]!.element);
    expect(links[0]!.element.tagName).toBe('A');
  });

  it('opens a conversation next to the list: its messages, the live answer and who handles it', async () => {
    const { view, gateway, live, router } = await render('/inbox');
    await rows(view)[0]!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/inbox/c1');
    expect(rows(view)[0]!.attributes('aria-current')).toBe('page');
    expect(gateway.named('InboxConversation')[0]!.variables).toEqual({ id: 'c1' });
    expect(live.live('MessageStream')[0]!.variables).toEqual({ conversationId: 'c1', afterSeq: 4 });

    const pane = view.find('section.conv');
    expect(pane.find('h2').text()).toBe('Question c1');
    expect(pane.text()).toContain('Customer c1');
    expect(pane.text()).toContain('cust-c1@example.com');
    expect(pane.text()).toContain('Waiting for a person: nobody has taken it over yet.');
    // The customer's words under their name, not "You".
    expect(pane.find('.customer-msg').text()).toContain('Customer c1 (customer)');
    expect(pane.find('.customer-msg').text()).toContain('My parcel never arrived.');

    // Tokens stream into the answer's live region.
    live.emit('MessageStream', {
      messageStream: {
        __typename: 'MessageStreamEvent',
        seq: 5,
        kind: 'DELTA',
        conversationId: 'c1',
        messageId: 'a1',
        text: 'check.',
        citations: null,
        images: null,
        status: null,
        confidence: null,
        handoffSuggested: null,
        conversationStatus: null,
        message: null,
        at: minutesAgo(0),
      },
    });
    await flushPromises();
    expect(pane.findAll('article').at(-1)!.find('[aria-live="polite"]').text()).toContain('Let me check.');

    // Grace takes it over elsewhere: the header says so.
    live.emit('InboxConversationUpdated', {
      conversationUpdated: conv('c1', { status: 'WITH_AGENT', updatedAt: minutesAgo(0), assignedAgent: user('agent-2', 'Grace Hopper') }),
    });
    live.emit('MessageStream', {
      messageStream: {
        __typename: 'MessageStreamEvent',
        seq: 6,
        kind: 'CONVERSATION_STATUS',
        conversationId: 'c1',
        messageId: null,
        text: null,
        citations: null,
        images: null,
        status: null,
        confidence: null,
        handoffSuggested: null,
        conversationStatus: 'WITH_AGENT',
        message: null,
        at: minutesAgo(0),
      },
    });
    await flushPromises();
    expect(pane.find('.conv__handling [role="status"]').text()).toBe('Grace Hopper is handling this conversation.');
    expect(pane.text()).toContain('Grace Hopper is handling this conversation; your reply also goes to the customer.');
  });

  it('sends agentReply with the conversation and text, shows the reply and takes the conversation over', async () => {
    const reply = message({
      id: 'm9',
      role: 'AGENT',
      text: 'Sorry about that, I am on it.',
      createdAt: minutesAgo(0),
      author: { __typename: 'User', id: USER.id, displayName: USER.displayName },
    });
    const { view, gateway } = await render('/inbox/c1', {
      AgentReply: () => ({ data: { agentReply: reply } }),
    });
    const pane = view.find('section.conv');
    expect(pane.text()).toContain('Your first reply takes this conversation over from the assistant.');
    const textarea = pane.find('textarea');
    expect(pane.find(`label[for="${textarea.attributes('id')}"]`).text()).toBe('Reply to Customer c1');

    await textarea.setValue('  Sorry about that, I am on it.  ');
    gateway.operations.length = 0;
    await button(view, 'Take over and reply').trigger('click');
    await flushPromises();
    expect(gateway.named('AgentReply')[0]!.variables).toEqual({ input: { conversationId: 'c1', text: 'Sorry about that, I am on it.' } });
    expect(gateway.named('InboxConversation')).toHaveLength(1); // refetched to learn who handles it
    expect(textarea.element.value).toBe('');
    expect(document.activeElement).toBe(textarea.element);
    const sent = pane.findAll('article').at(-1)!;
    expect(sent.text()).toContain('Ada Lovelace (support)');
    expect(sent.text()).toContain('Sorry about that, I am on it.');
    expect(pane.find('[class~="conv__tools"]').text()).toContain('With an agent');
    expect(button(view, 'Send reply').exists()).toBe(true);
  });

  it('says in words why a reply was not sent: next to the text, or for the whole form', async () => {
    let answer = graphqlErrors({ message: 'text must be 1 to 8000 characters', extensions: { code: 'BAD_USER_INPUT', field: 'text' } });
    const { view, gateway } = await render('/inbox/c1', { AgentReply: () => answer });
    const pane = view.find('section.conv');
    const textarea = pane.find('textarea');

    // Nothing written: asked before anything is sent.
    await button(view, 'Take over and reply').trigger('click');
    await flushPromises();
    expect(gateway.named('AgentReply')).toHaveLength(0);
    expect(textarea.attributes('aria-invalid')).toBe('true');
    const errorId = textarea.attributes('aria-describedby')!.split(' ')[0]!;
    expect(view.find(`#${CSS.escape(errorId)}`).text()).toContain('Write a reply first.');
    expect(document.activeElement).toBe(textarea.element);

    // The API's field error lands next to the field.
    await textarea.setValue('Hello');
    expect(textarea.attributes('aria-invalid')).toBeUndefined();
    await button(view, 'Take over and reply').trigger('click');
    await flushPromises();
    expect(gateway.named('AgentReply')[0]!.variables).toEqual({ input: { conversationId: 'c1', text: 'Hello' } });
    expect(view.find(`#${CSS.escape(textarea.attributes('aria-describedby')!.split(' ')[0]!)}`).text()).toContain('text must be 1 to 8000 characters');

    // Any other problem: one sentence for the form, and the draft is kept.
    answer = graphqlErrors({ message: 'This conversation is closed.', extensions: { code: 'BAD_USER_INPUT', field: 'conversationId' } });
    await button(view, 'Take over and reply').trigger('click');
    await flushPromises();
    const alert = pane.find('.composer [role="alert"]');
    expect(alert.text()).toBe('Your reply was not sent: This conversation is closed.');
    expect(document.activeElement).toBe(alert.element);
    expect(textarea.element.value).toBe('Hello');
  });

  it('stops the answer being written, and closes the conversation after asking', async () => {
    const { view, gateway } = await render('/inbox/c1?filter=all', {
      StopGeneration: () => ({ data: { stopGeneration: { __typename: 'ChatMessage', id: 'a1', status: 'STOPPED' } } }),
      InboxCloseConversation: ({ variables }) => ({
        data: {
          closeConversation: conv(variables.id as string, { status: 'CLOSED', updatedAt: minutesAgo(0), closedAt: minutesAgo(0), escalatedAt: minutesAgo(5) }),
        },
      }),
    });
    const pane = view.find('section.conv');
    await button(view, 'Stop answer').trigger('click');
    await flushPromises();
    expect(gateway.named('StopGeneration')[0]!.variables).toEqual({ messageId: 'a1' });
    expect(pane.text()).toContain('Stopped.');
    expect(view.findAll('button').some((b) => b.text() === 'Stop answer')).toBe(false);

    await button(view, 'Close conversation').trigger('click');
    expect(gateway.named('InboxCloseConversation')).toHaveLength(0);
    expect(document.activeElement).toBe(button(view, 'Close it').element);
    await button(view, 'Close it').trigger('click');
    await flushPromises();
    expect(gateway.named('InboxCloseConversation')[0]!.variables).toEqual({ id: 'c1' });
    expect(pane.find('.conv__closed').text()).toContain('This conversation is closed');
    expect(document.activeElement).toBe(pane.find('.conv__closed').element);
    expect(pane.find('textarea').exists()).toBe(false);
    // The list follows: c1 is closed and most recently active.
    expect(customers(view)[0]).toBe('Customer c1');
    expect(rows(view)[0]!.text()).toContain('Closed');
    expect(tab(view, 'Waiting for a person').find('.tab__count').text()).toBe('1 waiting');
  });

  it('says in words why closing failed', async () => {
    const { view } = await render('/inbox/c1', {
      InboxCloseConversation: () => graphqlErrors({ message: 'No such conversation.', extensions: { code: 'NOT_FOUND' } }),
    });
    await button(view, 'Close conversation').trigger('click');
    await button(view, 'Close it').trigger('click');
    await flushPromises();
    expect(view.find('section.conv [role="alert"]').text()).toBe('Could not close the conversation: No such conversation.');
  });

  it('lets readers without conversation:reply read, not reply', async () => {
    const { view } = await render('/inbox/c1', {}, { permissions: ['conversation:read:any', 'conversation:read:own'] });
    const pane = view.find('section.conv');
    expect(pane.find('textarea').exists()).toBe(false);
    expect(pane.text()).toContain('Replying needs the conversation:reply permission.');
  });

  it('on a phone shows the list or the conversation, with a link back to the list', async () => {
    happyDOM.setViewport({ width: 375, height: 740 });
    const { view, router } = await render('/inbox/c1?filter=all');
    expect(view.find('nav.inbox-list').exists()).toBe(false);
    expect(view.find('section.conv h2').text()).toBe('Question c1');
    const back = view.find('a.conv__back');
    expect(back.text()).toContain('All conversations');
    expect(back.attributes('href')).toBe('/inbox?filter=all');

    await back.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/inbox?filter=all');
    expect(view.find('section.conv').exists()).toBe(false);
    expect(customers(view)).toHaveLength(5);

    await rows(view)[1]!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/inbox/c2');
    expect(view.find('nav.inbox-list').exists()).toBe(false);
    expect(view.find('a.conv__back').exists()).toBe(true);
  });

  it('on a wide screen shows both panes and no back link', async () => {
    const { view } = await render('/inbox/c1');
    expect(view.find('nav.inbox-list').exists()).toBe(true);
    expect(view.find('section.conv').exists()).toBe(true);
    expect(view.find('a.conv__back').exists()).toBe(false);
  });

  it('reads the list again after the socket comes back, since missed events are not replayed', async () => {
    const { view, gateway, socket } = await render('/inbox');
    const before = gateway.named('InboxConversations').length;
    socket.emit('closed', { code: 1006 });
    await flushPromises();
    expect(view.find('.live-state').text()).toContain('Reconnecting');
    socket.emit('connected', {}, {}, true);
    await flushPromises();
    expect(view.find('.live-state').exists()).toBe(false);
    expect(gateway.named('InboxConversations').length).toBe(before + 2);
    expect(customers(view)).toEqual(['Customer c1', 'Customer c4']);
  });

  it('says in words when live updates stopped', async () => {
    const { view, live } = await render('/inbox');
    live.reject('InboxConversationUpdated', [{ message: 'You may not watch the inbox.', extensions: { code: 'FORBIDDEN' } }]);
    await flushPromises();
    expect(view.find('nav.inbox-list [role="alert"]').text()).toBe('Live updates stopped: You may not watch the inbox.');
    // The list read before stays.
    expect(customers(view)).toEqual(['Customer c1', 'Customer c4']);
  });

  it('keeps an unsent reply while the agent looks at another conversation', async () => {
    const { view } = await render('/inbox/c1?filter=all');
    await view.find('section.conv textarea').setValue('Half-written answer');
    await rows(view)[1]!.trigger('click');
    await flushPromises();
    expect((view.find('section.conv textarea').element as HTMLTextAreaElement).value).toBe('');
    await rows(view)[0]!.trigger('click');
    await flushPromises();
    expect((view.find('section.conv textarea').element as HTMLTextAreaElement).value).toBe('Half-written answer');
  });

  it('starts over when the Apollo store is reset (another organization)', async () => {
    let organization = 'Acme';
    const { view, apollo } = await render('/inbox', {
      InboxConversations: ({ variables }) =>
        page(variables.status === 'WAITING_FOR_AGENT' ? [conv(organization === 'Acme' ? 'c1' : 'g1', { status: 'WAITING_FOR_AGENT' })] : []),
    });
    expect(customers(view)).toEqual(['Customer c1']);
    organization = 'Globex';
    await apollo.resetStore();
    await flushPromises();
    expect(customers(view)).toEqual(['Customer g1']);
  });
});
