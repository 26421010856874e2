import { graphql } from '../../gql';

// The conversation itself (messages, stream, actions): graphql/documents/conversation.documents.ts.

export const ConversationsQuery = graphql(`
  query Conversations($first: Int!, $after: String) {
    conversations(first: $first, after: $after) {
      conversations {
        ...ConversationSummaryFields
      }
      nextCursor
    }
  }
`);

export const KnowledgeAvailableQuery = graphql(`
  query KnowledgeAvailable {
    knowledgeAvailable
  }
`);
