import { describe, expect, it } from 'vitest';
import { ConversationRecord } from '../src/entities/conversation.entity.js';
import { MessageRecord } from '../src/entities/message.entity.js';
import { conversationEvent, messageEvent } from '../src/events/chat-events.js';

const AT = new Date('2026-12-01T10:00:00.000Z');

describe('subscription events carry the API form the query resolvers serve', () => {
  it('a message: every field, __typename on each object, ISO dates, enum names', () => {
    const record = Object.assign(new MessageRecord(), {
      id: 'm1',
      organizationId: 'o1',
      conversationId: 'c1',
      authorId: 'u1',
      role: 'assistant',
      text: 'It is valid for one hour [1].',
      status: 'complete',
      citations: [{ index: 1, sourceId: 's1', title: 'Reset', pageUrl: 'https://x/', url: 'https://x/#a', headingPath: null, snippet: 'q', referenced: true }],
      images: [],
      confidence: 0.8,
      fallback: 'llm_timeout',
      lastSeq: 7,
      feedbackRating: 'up',
      feedbackComment: null,
      feedbackAt: AT,
      createdAt: AT,
      updatedAt: AT,
    });
    expect(messageEvent(record)).toEqual({
      __typename: 'ChatMessage',
      id: 'm1',
      conversationId: 'c1',
      role: 'ASSISTANT',
      text: 'It is valid for one hour [1].',
      status: 'COMPLETE',
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
      author: { __typename: 'User', id: 'u1' },
      citations: [
        {
          __typename: 'Citation',
          index: 1,
          sourceId: 's1',
          title: 'Reset',
          pageUrl: 'https://x/',
          url: 'https://x/#a',
          headingPath: null,
          snippet: 'q',
          referenced: true,
        },
      ],
      images: [],
      confidence: 0.8,
      handoffSuggested: false,
      fromCache: false,
      fallback: 'LLM_TIMEOUT',
      standaloneQuestion: null,
      feedback: { __typename: 'AnswerFeedback', rating: 'UP', comment: null, createdAt: '2026-12-01T10:00:00.000Z' },
      lastSeq: 7,
    });
  });

  it('a conversation: no messages field (the gateway fetches it when asked), its lastSeq', () => {
    const record = Object.assign(new ConversationRecord(), {
      id: 'c1',
      organizationId: 'o1',
      customerId: 'u1',
      assignedAgentId: null,
      status: 'waiting_for_agent',
      title: 'Reset link',
      createdAt: AT,
      updatedAt: AT,
      escalatedAt: AT,
      closedAt: null,
    });
    const event = conversationEvent(record, 12);
    expect(event).toMatchObject({
      __typename: 'Conversation',
      id: 'c1',
      status: 'WAITING_FOR_AGENT',
      customer: { __typename: 'User', id: 'u1' },
      assignedAgent: null,
      escalatedAt: '2026-12-01T10:00:00.000Z',
      closedAt: null,
      lastSeq: 12,
    });
    expect(event).not.toHaveProperty('messages');
  });
});
