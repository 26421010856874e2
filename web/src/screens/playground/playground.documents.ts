import { graphql } from '../../gql';

export const ChatMessageFields = graphql(`
  fragment ChatMessageFields on ChatMessage {
    id
    conversationId
    text
    createdAt
    author {
      id
      displayName
    }
  }
`);

export const ChatMessagesQuery = graphql(`
  query ChatMessages($conversationId: ID!, $first: Int!) {
    chatMessages(conversationId: $conversationId, first: $first) {
      ...ChatMessageFields
    }
  }
`);

export const MessageAddedSubscription = graphql(`
  subscription MessageAdded($conversationId: ID!) {
    messageAdded(conversationId: $conversationId) {
      ...ChatMessageFields
    }
  }
`);

export const PostMessageMutation = graphql(`
  mutation PostMessage($input: PostMessageInput!) {
    postMessage(input: $input) {
      ...ChatMessageFields
    }
  }
`);
