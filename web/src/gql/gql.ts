/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ChatUserFields on User {\n    id\n    displayName\n    email\n  }\n": typeof types.ChatUserFieldsFragmentDoc,
    "\n  query PlaygroundUsers($first: Int!) {\n    users(first: $first) {\n      ...ChatUserFields\n    }\n  }\n": typeof types.PlaygroundUsersDocument,
    "\n  mutation PlaygroundCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ChatUserFields\n    }\n  }\n": typeof types.PlaygroundCreateUserDocument,
    "\n  fragment ChatMessageFields on ChatMessage {\n    id\n    conversationId\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n": typeof types.ChatMessageFieldsFragmentDoc,
    "\n  query ChatMessages($conversationId: ID!, $first: Int!) {\n    chatMessages(conversationId: $conversationId, first: $first) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.ChatMessagesDocument,
    "\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.MessageAddedDocument,
    "\n  mutation PostMessage($input: PostMessageInput!) {\n    postMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.PostMessageDocument,
    "\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n": typeof types.ServiceStatusFieldsFragmentDoc,
    "\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n": typeof types.SystemStatusDocument,
};
const documents: Documents = {
    "\n  fragment ChatUserFields on User {\n    id\n    displayName\n    email\n  }\n": types.ChatUserFieldsFragmentDoc,
    "\n  query PlaygroundUsers($first: Int!) {\n    users(first: $first) {\n      ...ChatUserFields\n    }\n  }\n": types.PlaygroundUsersDocument,
    "\n  mutation PlaygroundCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ChatUserFields\n    }\n  }\n": types.PlaygroundCreateUserDocument,
    "\n  fragment ChatMessageFields on ChatMessage {\n    id\n    conversationId\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n": types.ChatMessageFieldsFragmentDoc,
    "\n  query ChatMessages($conversationId: ID!, $first: Int!) {\n    chatMessages(conversationId: $conversationId, first: $first) {\n      ...ChatMessageFields\n    }\n  }\n": types.ChatMessagesDocument,
    "\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n": types.MessageAddedDocument,
    "\n  mutation PostMessage($input: PostMessageInput!) {\n    postMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n": types.PostMessageDocument,
    "\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n": types.ServiceStatusFieldsFragmentDoc,
    "\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n": types.SystemStatusDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatUserFields on User {\n    id\n    displayName\n    email\n  }\n"): (typeof documents)["\n  fragment ChatUserFields on User {\n    id\n    displayName\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaygroundUsers($first: Int!) {\n    users(first: $first) {\n      ...ChatUserFields\n    }\n  }\n"): (typeof documents)["\n  query PlaygroundUsers($first: Int!) {\n    users(first: $first) {\n      ...ChatUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaygroundCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ChatUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation PlaygroundCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...ChatUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatMessageFields on ChatMessage {\n    id\n    conversationId\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ChatMessageFields on ChatMessage {\n    id\n    conversationId\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChatMessages($conversationId: ID!, $first: Int!) {\n    chatMessages(conversationId: $conversationId, first: $first) {\n      ...ChatMessageFields\n    }\n  }\n"): (typeof documents)["\n  query ChatMessages($conversationId: ID!, $first: Int!) {\n    chatMessages(conversationId: $conversationId, first: $first) {\n      ...ChatMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n"): (typeof documents)["\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostMessage($input: PostMessageInput!) {\n    postMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation PostMessage($input: PostMessageInput!) {\n    postMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n"): (typeof documents)["\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;