import { graphql } from '../../gql';

// Replying and stopping: graphql/documents/conversation.documents.ts (shared with the chat).

/** What the inbox shows of a conversation: in the list, in the open conversation's header, and in `conversationUpdated`. */
export const InboxConversationFields = graphql(`
  fragment InboxConversationFields on Conversation {
    id
    status
    title
    createdAt
    updatedAt
    escalatedAt
    closedAt
    customer {
      id
      displayName
    }
    assignedAgent {
      id
      displayName
    }
  }
`);

export const InboxConversationsQuery = graphql(`
  query InboxConversations($status: ConversationStatus, $after: String, $first: Int!) {
    conversations(status: $status, after: $after, first: $first) {
      conversations {
        ...InboxConversationFields
      }
      nextCursor
    }
  }
`);

export const InboxConversationQuery = graphql(`
  query InboxConversation($id: ID!) {
    conversation(id: $id) {
      ...InboxConversationFields
      customer {
        id
        email
      }
    }
  }
`);

export const InboxConversationUpdatedSubscription = graphql(`
  subscription InboxConversationUpdated {
    conversationUpdated {
      ...InboxConversationFields
    }
  }
`);

export const InboxCloseConversationMutation = graphql(`
  mutation InboxCloseConversation($id: ID!) {
    closeConversation(id: $id) {
      ...InboxConversationFields
    }
  }
`);
