import { graphql } from '../../gql';

// One conversation as the chat and the inbox show it: read, streamed and acted on by
// composables/useAnswerStream.ts and composables/useConversationActions.ts.

export const CitationFields = graphql(`
  fragment CitationFields on Citation {
    index
    sourceId
    title
    pageUrl
    url
    headingPath
    snippet
    referenced
  }
`);

export const AnswerImageFields = graphql(`
  fragment AnswerImageFields on AnswerImage {
    id
    imageUrl
    pageUrl
    alt
    caption
    thumbnailUrl
  }
`);

export const ChatMessageViewFields = graphql(`
  fragment ChatMessageViewFields on ChatMessage {
    id
    conversationId
    role
    text
    status
    createdAt
    author {
      id
      displayName
    }
    citations {
      ...CitationFields
    }
    images {
      ...AnswerImageFields
    }
    confidence
    handoffSuggested
    fallback
    feedback {
      rating
      comment
    }
    lastSeq
  }
`);

export const ConversationSummaryFields = graphql(`
  fragment ConversationSummaryFields on Conversation {
    id
    status
    title
    updatedAt
  }
`);

export const ConversationQuery = graphql(`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      ...ConversationSummaryFields
      lastSeq
      messages(first: 50) {
        messages {
          ...ChatMessageViewFields
        }
        nextCursor
      }
    }
  }
`);

export const MessageStreamSubscription = graphql(`
  subscription MessageStream($conversationId: ID!, $afterSeq: Int) {
    messageStream(conversationId: $conversationId, afterSeq: $afterSeq) {
      seq
      kind
      conversationId
      messageId
      text
      citations {
        ...CitationFields
      }
      images {
        ...AnswerImageFields
      }
      status
      confidence
      handoffSuggested
      fallback
      conversationStatus
      message {
        ...ChatMessageViewFields
      }
      at
    }
  }
`);

export const SendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      conversation {
        ...ConversationSummaryFields
        lastSeq
      }
      userMessage {
        ...ChatMessageViewFields
      }
      assistantMessage {
        ...ChatMessageViewFields
      }
    }
  }
`);

export const StopGenerationMutation = graphql(`
  mutation StopGeneration($messageId: ID!) {
    stopGeneration(messageId: $messageId) {
      id
      status
    }
  }
`);

export const RateAnswerMutation = graphql(`
  mutation RateAnswer($input: RateAnswerInput!) {
    rateAnswer(input: $input) {
      id
      feedback {
        rating
        comment
      }
    }
  }
`);

export const EscalateMutation = graphql(`
  mutation Escalate($conversationId: ID!) {
    escalate(conversationId: $conversationId) {
      ...ConversationSummaryFields
    }
  }
`);

export const AgentReplyMutation = graphql(`
  mutation AgentReply($input: AgentReplyInput!) {
    agentReply(input: $input) {
      ...ChatMessageViewFields
    }
  }
`);
