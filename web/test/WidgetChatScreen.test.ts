import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewMessage } from '../src/composables/useAnswerStream';
import WidgetChatScreen from '../src/screens/widget/WidgetChatScreen.vue';
import { createSessionStore, isWidgetPage, WIDGET_STORAGE_KEY } from '../src/session/sessionStore';
import { authPayload, httpError, meHandler, memoryStorage, ORG, sessionWithGateway, type Handler } from './support/fakeGateway';
import { cleanupScreens, renderScreen } from './support/renderScreen';

afterEach(() => cleanupScreens());

const AT = '2025-01-01T10:00:00Z';
const noSocket = { on: () => () => undefined };
const message = (fields: Partial<ViewMessage>): ViewMessage => ({
  __typename: 'ChatMessage',
  id: 'a1',
  conversationId: 'c1',
  role: 'ASSISTANT',
  text: '',
  status: 'COMPLETE',
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
const conversationPage = (conversations: { id: string; status: string }[]) => ({
  data: {
    conversations: {
      __typename: 'ConversationPage',
      nextCursor: null,
      conversations: conversations.map((c) => ({ __typename: 'Conversation', title: 'Shipping', updatedAt: AT, ...c })),
    },
  },
});
const conversation = (id: string, messages: ViewMessage[]) => ({
  data: {
    conversation: {
      __typename: 'Conversation',
      id,
      status: 'OPEN',
      title: 'Shipping',
      updatedAt: AT,
      lastSeq: 2,
      messages: { __typename: 'ChatMessagePage', nextCursor: null, messages },
    },
  },
});

const VISITOR_ME = meHandler(['chat:ask', 'conversation:read:own'], 'CUSTOMER');

async function render(path: string, handlers: Record<string, Handler>, options: Parameters<typeof sessionWithGateway>[1] = {}) {
  const { view, gateway, router, session } = await renderScreen(path, {
    component: WidgetChatScreen,
    handlers: { SessionViewer: VISITOR_ME, Conversations: () => conversationPage([]), ...handlers },
    role: null,
    sessionOptions: options,
    socket: noSocket,
    settle: 2,
  });
  return { view, gateway, router, session };
}

describe('WidgetChatScreen', () => {
  it('starts a visitor session for the organization and page origin, without a token, and shows the compact chat', async () => {
    const { view, gateway, router, session } = await render('/widget?organization=org-1&origin=https%3A%2F%2Fshop.example.com', {
      StartVisitorSession: () => ({ data: { startVisitorSession: authPayload({ role: 'CUSTOMER' }) } }),
      SendMessage: () => ({
        data: {
          sendMessage: {
            __typename: 'SendMessagePayload',
            conversation: { __typename: 'Conversation', id: 'c9', status: 'OPEN', title: 'Shipping', updatedAt: AT, lastSeq: 2 },
            userMessage: message({ id: 'u1', conversationId: 'c9', role: 'USER', text: 'Do you ship to Norway?' }),
            assistantMessage: message({ id: 'a1', conversationId: 'c9', status: 'GENERATING', lastSeq: 2 }),
          },
        },
      }),
      MessageStream: () => new Promise(() => undefined),
    });
    const started = gateway.named('StartVisitorSession');
    expect(started).toHaveLength(1);
    expect(started[0]!.variables).toEqual({ organizationId: 'org-1', pageOrigin: 'https://shop.example.com' });
    expect(started[0]!.authorization).toBeUndefined();
    expect(session.state).toMatchObject({ status: 'signed-in', role: 'CUSTOMER', organization: { id: 'org-1' } });

    // The customer chat, compact: no conversation list, a message box.
    expect(view.find('.chat--compact').exists()).toBe(true);
    expect(view.find('nav').exists()).toBe(false);
    expect(view.find('h1').text()).toBe('New conversation');
    const box = view.find('textarea');
    expect(box.exists()).toBe(true);

    // The first question starts a conversation in the panel; the app's route does not move.
    await box.setValue('Do you ship to Norway?');
    await view.find('form').trigger('submit');
    await flushPromises();
    expect(gateway.named('SendMessage')[0]!.variables).toEqual({ input: { text: 'Do you ship to Norway?' } });
    // The new conversation is what sendMessage returned: not read again, streamed after its lastSeq.
    expect(gateway.named('Conversation')).toHaveLength(0);
    expect(gateway.named('MessageStream')[0]!.variables).toEqual({ conversationId: 'c9', afterSeq: 2 });
    expect(view.find('h1').text()).toBe('Shipping');
    expect(router.currentRoute.value.name).toBe('widget');
    expect(view.text()).toContain('Do you ship to Norway?');
  });

  it('continues a kept visitor session of that organization, and its latest open conversation', async () => {
    const storage = memoryStorage({
      'scs.session': JSON.stringify({ refreshToken: 'kept', refreshTokenExpiresAt: AT, userId: 'user-1', organizationId: ORG.id }),
    });
    const { view, gateway } = await render(
      '/widget?organization=org-1&origin=https%3A%2F%2Fshop.example.com',
      {
        RefreshSession: () => ({ data: { refreshSession: authPayload({ role: 'CUSTOMER' }) } }),
        Conversations: () =>
          conversationPage([
            { id: 'c2', status: 'CLOSED' },
            { id: 'c1', status: 'OPEN' },
          ]),
        Conversation: ({ variables }) => conversation(variables.id as string, [message({ id: 'u1', role: 'USER', text: 'Where is my parcel?' })]),
        MessageStream: () => new Promise(() => undefined),
      },
      { storage },
    );
    expect(gateway.named('RefreshSession')[0]!.variables).toEqual({ refreshToken: 'kept' });
    expect(gateway.named('StartVisitorSession')).toHaveLength(0);
    expect(gateway.named('Conversation')[0]!.variables).toEqual({ id: 'c1' });
    expect(view.text()).toContain('Where is my parcel?');
  });

  it('says in words why the chat is refused, and offers no chat', async () => {
    const { view } = await render('/widget?organization=org-1&origin=https%3A%2F%2Fevil.example', {
      StartVisitorSession: () =>
        httpError(403, [{ message: 'The chat is not available on this website.', extensions: { code: 'FORBIDDEN', reason: 'ORIGIN_NOT_ALLOWED' } }]),
    });
    const alert = view.find('[role="alert"]');
    expect(alert.text()).toContain('Chat unavailable');
    expect(alert.text()).toContain('The chat is not available on this website.');
    expect(view.find('textarea').exists()).toBe(false);
    expect(view.find('button').exists()).toBe(false); // nothing to retry: the organization decides
  });

  it('offers to try again after a transient failure (rate limit)', async () => {
    let calls = 0;
    const { view, gateway } = await render('/widget?organization=org-1', {
      StartVisitorSession: () =>
        ++calls === 1
          ? httpError(429, [{ message: 'Too many requests; try again later.', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } }])
          : { data: { startVisitorSession: authPayload({ role: 'CUSTOMER' }) } },
    });
    expect(view.find('[role="alert"]').text()).toContain('Try again in 30 seconds');
    await view.find('button').trigger('click');
    await flushPromises();
    await flushPromises();
    expect(gateway.named('StartVisitorSession')).toHaveLength(2);
    expect(view.find('textarea').exists()).toBe(true);
  });

  it('says so when the page did not name the organization, without asking the API', async () => {
    const { view, gateway } = await render('/widget', {});
    expect(view.find('[role="alert"]').text()).toContain('did not say which organization');
    expect(gateway.operations).toHaveLength(0);
  });
});

describe('the widget’s own session storage', () => {
  it('is chosen on the /widget page only', () => {
    expect(isWidgetPage({ pathname: '/widget' })).toBe(true);
    expect(isWidgetPage({ pathname: '/widget/' })).toBe(true);
    expect(isWidgetPage({ pathname: '/chat' })).toBe(false);
    expect(isWidgetPage({ pathname: '/admin/widget' })).toBe(false);
  });

  it('keeps a visitor session apart from the app’s session on the same site', async () => {
    const storage = memoryStorage({
      'scs.session': JSON.stringify({ refreshToken: 'staff', refreshTokenExpiresAt: AT, userId: 'staff-1', organizationId: 'org-1' }),
    });
    const widget = createSessionStore({ storage, locks: null, watchBrowser: false, storageKey: WIDGET_STORAGE_KEY });
    await widget.restore();
    expect(widget.state.status).toBe('signed-out'); // the staff member's session is not the widget's
    await widget.start(authPayload({ role: 'CUSTOMER' }));
    expect(JSON.parse(storage.data.get(WIDGET_STORAGE_KEY)!)).toMatchObject({ organizationId: 'org-1' });
    expect(JSON.parse(storage.data.get('scs.session')!)).toMatchObject({ refreshToken: 'staff' });
    widget.dispose();
  });
});
