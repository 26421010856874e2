import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewMessage } from '../src/composables/useAnswerStream';
import ChatMessageItem from '../src/components/ChatMessageItem.vue';
import ChatScreen from '../src/screens/chat/ChatScreen.vue';
import { meHandler, type Handler } from './support/fakeGateway';
import { cleanupScreens, renderScreen } from './support/renderScreen';

afterEach(() => cleanupScreens());

const AT = '2025-01-01T10:00:00Z';
const citation = (index: number, url: string) => ({
  __typename: 'Citation' as const,
  index,
  sourceId: 's1',
  title: `Page ${index}`,
  pageUrl: url,
  url,
  headingPath: null,
  snippet: `Passage ${index}`,
  referenced: true,
});
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
const noSocket = { on: () => () => undefined };

describe('ChatMessageItem', () => {
  it('renders the answer as text, with [n] markers as safe links to the cited passage', () => {
    const view = mount(ChatMessageItem, {
      props: {
        message: message({
          text: 'Reset it in Settings [1]. <img src=x onerror=alert(1)> Also [2] and [9].',
          citations: [citation(1, 'https://docs.example.com/account#reset'), citation(2, 'javascript:alert(1)')],
        }),
        canRate: false,
        rate: async () => true,
      },
    });
    const text = view.find('.msg__text');
    expect(text.find('img').exists()).toBe(false);
    expect(text.text()).toContain('<img src=x onerror=alert(1)>');
    const links = text.findAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.attributes()).toMatchObject({ href: 'https://docs.example.com/account#reset', target: '_blank', rel: 'noopener noreferrer' });
    expect(links[0]!.attributes('title')).toBe('Page 1 — Passage 1');
    expect(text.text()).toContain('[2]'); // a javascript: citation stays text
    expect(text.text()).toContain('[9]');
    expect(view.findAll('a[href^="javascript"]')).toHaveLength(0);
  });

  it('says so when the answer is a quoted passage because the assistant was unavailable or too slow', () => {
    const render = (fallback: ViewMessage['fallback']) =>
      mount(ChatMessageItem, {
        props: { message: message({ text: 'Here is what our help pages say: “…” [1]', fallback }), canRate: false, rate: async () => true },
      });
    expect(render(null).find('[data-testid="answer-fallback"]').exists()).toBe(false);
    expect(render('LLM_UNAVAILABLE').find('[data-testid="answer-fallback"]').text()).toMatch(/unavailable.*quote from our help pages/);
    expect(render('LLM_TIMEOUT').find('[data-testid="answer-fallback"]').text()).toMatch(/took too long.*quote/);
  });
});

describe('ChatScreen', () => {
  async function render() {
    const handlers: Record<string, Handler> = {
      SessionViewer: meHandler(['chat:ask', 'conversation:read:own'], 'CUSTOMER'),
      Conversations: () => ({
        data: {
          conversations: {
            __typename: 'ConversationPage',
            conversations: [{ __typename: 'Conversation', id: 'c1', status: 'OPEN', title: 'How do I reset?', updatedAt: AT }],
            nextCursor: null,
          },
        },
      }),
      Conversation: () => ({
        data: {
          conversation: {
            __typename: 'Conversation',
            id: 'c1',
            status: 'OPEN',
            title: 'How do I reset?',
            updatedAt: AT,
            lastSeq: 4,
            messages: {
              __typename: 'ChatMessagePage',
              nextCursor: null,
              messages: [
                message({ id: 'u1', role: 'USER', text: 'How do I reset?', createdAt: '2025-01-01T09:59:00Z' }),
                message({ id: 'a1', status: 'GENERATING', text: 'Open ', lastSeq: 4 }),
              ],
            },
          },
        },
      }),
      MessageStream: ({ variables }) => ({
        data: {
          messageStream: {
            __typename: 'MessageStreamEvent',
            seq: (variables.afterSeq as number) + 1,
            kind: 'DELTA',
            conversationId: 'c1',
            messageId: 'a1',
            text: 'Settings [1].',
            citations: null,
            images: null,
            status: null,
            confidence: null,
            handoffSuggested: null,
            conversationStatus: null,
            message: null,
            at: AT,
          },
        },
      }),
      StopGeneration: () => ({ data: { stopGeneration: { __typename: 'ChatMessage', id: 'a1', status: 'STOPPED' } } }),
      RateAnswer: () => ({
        data: { rateAnswer: { __typename: 'ChatMessage', id: 'a1', feedback: { __typename: 'AnswerFeedback', rating: 'DOWN', comment: null } } },
      }),
      Escalate: () => ({ data: { escalate: { __typename: 'Conversation', id: 'c1', status: 'WAITING_FOR_AGENT', title: 'How do I reset?', updatedAt: AT } } }),
    };
    const { view, gateway } = await renderScreen('/chat/c1', { component: ChatScreen, handlers, role: 'CUSTOMER', socket: noSocket });
    return { view, gateway };
  }

  it('streams the answer after lastSeq, then stop, thumbs and escalate call their mutations', async () => {
    const { view, gateway } = await render();
    expect(gateway.named('MessageStream')[0]!.variables).toEqual({ conversationId: 'c1', afterSeq: 4 });
    const answer = view.findAll('article').at(-1)!;
    expect(answer.find('[aria-live="polite"]').text()).toBe('Open Settings [1].');
    expect(view.find('h1').text()).toBe('How do I reset?');

    await view
      .findAll('button')
      .find((b) => b.text() === 'Stop')!
      .trigger('click');
    await flushPromises();
    expect(gateway.named('StopGeneration')[0]!.variables).toEqual({ messageId: 'a1' });
    expect(view.text()).toContain('Stopped.');

    await view.find('button[aria-pressed]:nth-child(2)').trigger('click');
    await flushPromises();
    expect(gateway.named('RateAnswer')[0]!.variables).toEqual({ input: { messageId: 'a1', rating: 'DOWN' } });
    expect(view.text()).toContain('Thanks for your feedback.');

    await view
      .findAll('button')
      .find((b) => b.text() === 'Talk to a person')!
      .trigger('click');
    await flushPromises();
    expect(gateway.named('Escalate')[0]!.variables).toEqual({ conversationId: 'c1' });
    expect(view.text()).toContain('A person will answer here soon.');
  });
});
