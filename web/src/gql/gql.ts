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
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  fragment CitationFields on Citation {\n    index\n    sourceId\n    title\n    pageUrl\n    url\n    headingPath\n    snippet\n    referenced\n  }\n": typeof types.CitationFieldsFragmentDoc,
    "\n  fragment AnswerImageFields on AnswerImage {\n    id\n    imageUrl\n    pageUrl\n    alt\n    caption\n    thumbnailUrl\n  }\n": typeof types.AnswerImageFieldsFragmentDoc,
    "\n  fragment ChatMessageViewFields on ChatMessage {\n    id\n    conversationId\n    role\n    text\n    status\n    createdAt\n    author {\n      id\n      displayName\n    }\n    citations {\n      ...CitationFields\n    }\n    images {\n      ...AnswerImageFields\n    }\n    confidence\n    handoffSuggested\n    feedback {\n      rating\n      comment\n    }\n    lastSeq\n  }\n": typeof types.ChatMessageViewFieldsFragmentDoc,
    "\n  fragment ConversationSummaryFields on Conversation {\n    id\n    status\n    title\n    updatedAt\n  }\n": typeof types.ConversationSummaryFieldsFragmentDoc,
    "\n  query Conversations($first: Int!, $after: String) {\n    conversations(first: $first, after: $after) {\n      conversations {\n        ...ConversationSummaryFields\n      }\n      nextCursor\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      lastSeq\n      messages(first: 50) {\n        messages {\n          ...ChatMessageViewFields\n        }\n        nextCursor\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  subscription MessageStream($conversationId: ID!, $afterSeq: Int) {\n    messageStream(conversationId: $conversationId, afterSeq: $afterSeq) {\n      seq\n      kind\n      conversationId\n      messageId\n      text\n      citations {\n        ...CitationFields\n      }\n      images {\n        ...AnswerImageFields\n      }\n      status\n      confidence\n      handoffSuggested\n      conversationStatus\n      message {\n        ...ChatMessageViewFields\n      }\n      at\n    }\n  }\n": typeof types.MessageStreamDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        ...ConversationSummaryFields\n        lastSeq\n      }\n      userMessage {\n        ...ChatMessageViewFields\n      }\n      assistantMessage {\n        ...ChatMessageViewFields\n      }\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      id\n      status\n    }\n  }\n": typeof types.StopGenerationDocument,
    "\n  mutation RateAnswer($input: RateAnswerInput!) {\n    rateAnswer(input: $input) {\n      id\n      feedback {\n        rating\n        comment\n      }\n    }\n  }\n": typeof types.RateAnswerDocument,
    "\n  mutation Escalate($conversationId: ID!) {\n    escalate(conversationId: $conversationId) {\n      ...ConversationSummaryFields\n    }\n  }\n": typeof types.EscalateDocument,
    "\n  fragment ChatMessageFields on ChatMessage {\n    id\n    conversationId\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n": typeof types.ChatMessageFieldsFragmentDoc,
    "\n  query ChatMessages($conversationId: ID!, $first: Int!) {\n    chatMessages(conversationId: $conversationId, first: $first) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.ChatMessagesDocument,
    "\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.MessageAddedDocument,
    "\n  mutation PostMessage($input: PostMessageInput!) {\n    postMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.PostMessageDocument,
    "\n  fragment SourceFields on Source {\n    id\n    name\n    startUrl\n    scope\n    includePatterns\n    excludePatterns\n    maxDepth\n    maxPages\n    useSitemap\n    jsRendering\n    recrawlSchedule\n    accessRoles\n    createdAt\n    updatedAt\n  }\n": typeof types.SourceFieldsFragmentDoc,
    "\n  fragment CrawlProgressFields on CrawlProgress {\n    sourceId\n    runId\n    status\n    discovered\n    fetched\n    indexed\n    skipped\n    failed\n    skippedByReason {\n      reason\n      count\n    }\n    failedByReason {\n      reason\n      count\n    }\n    imagesIndexed\n    imagesFailed\n    imagesFailedByReason {\n      reason\n      count\n    }\n  }\n": typeof types.CrawlProgressFieldsFragmentDoc,
    "\n  fragment CrawlRunFields on CrawlRun {\n    runId\n    sourceId\n    status\n    startedAt\n    closedAt\n    temporalUiUrl\n    progress {\n      ...CrawlProgressFields\n    }\n  }\n": typeof types.CrawlRunFieldsFragmentDoc,
    "\n  query Sources($first: Int!) {\n    sources(first: $first) {\n      ...SourceFields\n    }\n  }\n": typeof types.SourcesDocument,
    "\n  query LatestCrawlRun($sourceId: ID!) {\n    crawlRuns(sourceId: $sourceId, first: 1) {\n      runId\n      sourceId\n      status\n      startedAt\n    }\n  }\n": typeof types.LatestCrawlRunDocument,
    "\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n    }\n  }\n": typeof types.SourceDocument,
    "\n  query CrawlRuns($sourceId: ID!, $first: Int!) {\n    crawlRuns(sourceId: $sourceId, first: $first) {\n      ...CrawlRunFields\n    }\n  }\n": typeof types.CrawlRunsDocument,
    "\n  subscription CrawlProgress($sourceId: ID!) {\n    crawlProgress(sourceId: $sourceId) {\n      ...CrawlProgressFields\n    }\n  }\n": typeof types.CrawlProgressDocument,
    "\n  query SourcePages($sourceId: ID!, $after: String, $first: Int!) {\n    sourcePages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        url\n        title\n        language\n        chunkCount\n        lastModified\n        indexedAt\n      }\n      nextCursor\n    }\n  }\n": typeof types.SourcePagesDocument,
    "\n  query SourceImages($sourceId: ID!, $after: String, $first: Int!) {\n    sourceImages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        id\n        imageUrl\n        pageUrl\n        alt\n        caption\n        thumbnailUrl\n      }\n      nextCursor\n    }\n  }\n": typeof types.SourceImagesDocument,
    "\n  mutation AddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": typeof types.AddSourceDocument,
    "\n  mutation StartCrawl($sourceId: ID!) {\n    startCrawl(sourceId: $sourceId) {\n      ...CrawlRunFields\n    }\n  }\n": typeof types.StartCrawlDocument,
    "\n  mutation PauseCrawl($sourceId: ID!) {\n    pauseCrawl(sourceId: $sourceId)\n  }\n": typeof types.PauseCrawlDocument,
    "\n  mutation ResumeCrawl($sourceId: ID!) {\n    resumeCrawl(sourceId: $sourceId)\n  }\n": typeof types.ResumeCrawlDocument,
    "\n  mutation CancelCrawl($sourceId: ID!) {\n    cancelCrawl(sourceId: $sourceId)\n  }\n": typeof types.CancelCrawlDocument,
    "\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n": typeof types.ServiceStatusFieldsFragmentDoc,
    "\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n": typeof types.SystemStatusDocument,
    "\n  fragment SessionUserFields on User {\n    id\n    displayName\n    email\n    emailVerified\n  }\n": typeof types.SessionUserFieldsFragmentDoc,
    "\n  fragment SessionOrganizationFields on Organization {\n    id\n    name\n    slug\n  }\n": typeof types.SessionOrganizationFieldsFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    role\n    user {\n      ...SessionUserFields\n    }\n    organization {\n      ...SessionOrganizationFields\n    }\n  }\n": typeof types.AuthPayloadFieldsFragmentDoc,
    "\n  fragment ViewerFields on Viewer {\n    role\n    permissions\n    user {\n      ...SessionUserFields\n    }\n    organization {\n      ...SessionOrganizationFields\n    }\n    memberships {\n      role\n      organization {\n        ...SessionOrganizationFields\n      }\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query SessionViewer {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.SessionViewerDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.LogoutDocument,
    "\n  mutation SwitchOrganization($organizationId: ID!) {\n    switchOrganization(organizationId: $organizationId) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.SwitchOrganizationDocument,
};
const documents: Documents = {
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": types.VerifyEmailDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  fragment CitationFields on Citation {\n    index\n    sourceId\n    title\n    pageUrl\n    url\n    headingPath\n    snippet\n    referenced\n  }\n": types.CitationFieldsFragmentDoc,
    "\n  fragment AnswerImageFields on AnswerImage {\n    id\n    imageUrl\n    pageUrl\n    alt\n    caption\n    thumbnailUrl\n  }\n": types.AnswerImageFieldsFragmentDoc,
    "\n  fragment ChatMessageViewFields on ChatMessage {\n    id\n    conversationId\n    role\n    text\n    status\n    createdAt\n    author {\n      id\n      displayName\n    }\n    citations {\n      ...CitationFields\n    }\n    images {\n      ...AnswerImageFields\n    }\n    confidence\n    handoffSuggested\n    feedback {\n      rating\n      comment\n    }\n    lastSeq\n  }\n": types.ChatMessageViewFieldsFragmentDoc,
    "\n  fragment ConversationSummaryFields on Conversation {\n    id\n    status\n    title\n    updatedAt\n  }\n": types.ConversationSummaryFieldsFragmentDoc,
    "\n  query Conversations($first: Int!, $after: String) {\n    conversations(first: $first, after: $after) {\n      conversations {\n        ...ConversationSummaryFields\n      }\n      nextCursor\n    }\n  }\n": types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      lastSeq\n      messages(first: 50) {\n        messages {\n          ...ChatMessageViewFields\n        }\n        nextCursor\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  subscription MessageStream($conversationId: ID!, $afterSeq: Int) {\n    messageStream(conversationId: $conversationId, afterSeq: $afterSeq) {\n      seq\n      kind\n      conversationId\n      messageId\n      text\n      citations {\n        ...CitationFields\n      }\n      images {\n        ...AnswerImageFields\n      }\n      status\n      confidence\n      handoffSuggested\n      conversationStatus\n      message {\n        ...ChatMessageViewFields\n      }\n      at\n    }\n  }\n": types.MessageStreamDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        ...ConversationSummaryFields\n        lastSeq\n      }\n      userMessage {\n        ...ChatMessageViewFields\n      }\n      assistantMessage {\n        ...ChatMessageViewFields\n      }\n    }\n  }\n": types.SendMessageDocument,
    "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      id\n      status\n    }\n  }\n": types.StopGenerationDocument,
    "\n  mutation RateAnswer($input: RateAnswerInput!) {\n    rateAnswer(input: $input) {\n      id\n      feedback {\n        rating\n        comment\n      }\n    }\n  }\n": types.RateAnswerDocument,
    "\n  mutation Escalate($conversationId: ID!) {\n    escalate(conversationId: $conversationId) {\n      ...ConversationSummaryFields\n    }\n  }\n": types.EscalateDocument,
    "\n  fragment ChatMessageFields on ChatMessage {\n    id\n    conversationId\n    text\n    createdAt\n    author {\n      id\n      displayName\n    }\n  }\n": types.ChatMessageFieldsFragmentDoc,
    "\n  query ChatMessages($conversationId: ID!, $first: Int!) {\n    chatMessages(conversationId: $conversationId, first: $first) {\n      ...ChatMessageFields\n    }\n  }\n": types.ChatMessagesDocument,
    "\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n": types.MessageAddedDocument,
    "\n  mutation PostMessage($input: PostMessageInput!) {\n    postMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n": types.PostMessageDocument,
    "\n  fragment SourceFields on Source {\n    id\n    name\n    startUrl\n    scope\n    includePatterns\n    excludePatterns\n    maxDepth\n    maxPages\n    useSitemap\n    jsRendering\n    recrawlSchedule\n    accessRoles\n    createdAt\n    updatedAt\n  }\n": types.SourceFieldsFragmentDoc,
    "\n  fragment CrawlProgressFields on CrawlProgress {\n    sourceId\n    runId\n    status\n    discovered\n    fetched\n    indexed\n    skipped\n    failed\n    skippedByReason {\n      reason\n      count\n    }\n    failedByReason {\n      reason\n      count\n    }\n    imagesIndexed\n    imagesFailed\n    imagesFailedByReason {\n      reason\n      count\n    }\n  }\n": types.CrawlProgressFieldsFragmentDoc,
    "\n  fragment CrawlRunFields on CrawlRun {\n    runId\n    sourceId\n    status\n    startedAt\n    closedAt\n    temporalUiUrl\n    progress {\n      ...CrawlProgressFields\n    }\n  }\n": types.CrawlRunFieldsFragmentDoc,
    "\n  query Sources($first: Int!) {\n    sources(first: $first) {\n      ...SourceFields\n    }\n  }\n": types.SourcesDocument,
    "\n  query LatestCrawlRun($sourceId: ID!) {\n    crawlRuns(sourceId: $sourceId, first: 1) {\n      runId\n      sourceId\n      status\n      startedAt\n    }\n  }\n": types.LatestCrawlRunDocument,
    "\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n    }\n  }\n": types.SourceDocument,
    "\n  query CrawlRuns($sourceId: ID!, $first: Int!) {\n    crawlRuns(sourceId: $sourceId, first: $first) {\n      ...CrawlRunFields\n    }\n  }\n": types.CrawlRunsDocument,
    "\n  subscription CrawlProgress($sourceId: ID!) {\n    crawlProgress(sourceId: $sourceId) {\n      ...CrawlProgressFields\n    }\n  }\n": types.CrawlProgressDocument,
    "\n  query SourcePages($sourceId: ID!, $after: String, $first: Int!) {\n    sourcePages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        url\n        title\n        language\n        chunkCount\n        lastModified\n        indexedAt\n      }\n      nextCursor\n    }\n  }\n": types.SourcePagesDocument,
    "\n  query SourceImages($sourceId: ID!, $after: String, $first: Int!) {\n    sourceImages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        id\n        imageUrl\n        pageUrl\n        alt\n        caption\n        thumbnailUrl\n      }\n      nextCursor\n    }\n  }\n": types.SourceImagesDocument,
    "\n  mutation AddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": types.AddSourceDocument,
    "\n  mutation StartCrawl($sourceId: ID!) {\n    startCrawl(sourceId: $sourceId) {\n      ...CrawlRunFields\n    }\n  }\n": types.StartCrawlDocument,
    "\n  mutation PauseCrawl($sourceId: ID!) {\n    pauseCrawl(sourceId: $sourceId)\n  }\n": types.PauseCrawlDocument,
    "\n  mutation ResumeCrawl($sourceId: ID!) {\n    resumeCrawl(sourceId: $sourceId)\n  }\n": types.ResumeCrawlDocument,
    "\n  mutation CancelCrawl($sourceId: ID!) {\n    cancelCrawl(sourceId: $sourceId)\n  }\n": types.CancelCrawlDocument,
    "\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n": types.ServiceStatusFieldsFragmentDoc,
    "\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n": types.SystemStatusDocument,
    "\n  fragment SessionUserFields on User {\n    id\n    displayName\n    email\n    emailVerified\n  }\n": types.SessionUserFieldsFragmentDoc,
    "\n  fragment SessionOrganizationFields on Organization {\n    id\n    name\n    slug\n  }\n": types.SessionOrganizationFieldsFragmentDoc,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    role\n    user {\n      ...SessionUserFields\n    }\n    organization {\n      ...SessionOrganizationFields\n    }\n  }\n": types.AuthPayloadFieldsFragmentDoc,
    "\n  fragment ViewerFields on Viewer {\n    role\n    permissions\n    user {\n      ...SessionUserFields\n    }\n    organization {\n      ...SessionOrganizationFields\n    }\n    memberships {\n      role\n      organization {\n        ...SessionOrganizationFields\n      }\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query SessionViewer {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.SessionViewerDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.LogoutDocument,
    "\n  mutation SwitchOrganization($organizationId: ID!) {\n    switchOrganization(organizationId: $organizationId) {\n      ...AuthPayloadFields\n    }\n  }\n": types.SwitchOrganizationDocument,
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
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CitationFields on Citation {\n    index\n    sourceId\n    title\n    pageUrl\n    url\n    headingPath\n    snippet\n    referenced\n  }\n"): (typeof documents)["\n  fragment CitationFields on Citation {\n    index\n    sourceId\n    title\n    pageUrl\n    url\n    headingPath\n    snippet\n    referenced\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnswerImageFields on AnswerImage {\n    id\n    imageUrl\n    pageUrl\n    alt\n    caption\n    thumbnailUrl\n  }\n"): (typeof documents)["\n  fragment AnswerImageFields on AnswerImage {\n    id\n    imageUrl\n    pageUrl\n    alt\n    caption\n    thumbnailUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatMessageViewFields on ChatMessage {\n    id\n    conversationId\n    role\n    text\n    status\n    createdAt\n    author {\n      id\n      displayName\n    }\n    citations {\n      ...CitationFields\n    }\n    images {\n      ...AnswerImageFields\n    }\n    confidence\n    handoffSuggested\n    feedback {\n      rating\n      comment\n    }\n    lastSeq\n  }\n"): (typeof documents)["\n  fragment ChatMessageViewFields on ChatMessage {\n    id\n    conversationId\n    role\n    text\n    status\n    createdAt\n    author {\n      id\n      displayName\n    }\n    citations {\n      ...CitationFields\n    }\n    images {\n      ...AnswerImageFields\n    }\n    confidence\n    handoffSuggested\n    feedback {\n      rating\n      comment\n    }\n    lastSeq\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationSummaryFields on Conversation {\n    id\n    status\n    title\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ConversationSummaryFields on Conversation {\n    id\n    status\n    title\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversations($first: Int!, $after: String) {\n    conversations(first: $first, after: $after) {\n      conversations {\n        ...ConversationSummaryFields\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query Conversations($first: Int!, $after: String) {\n    conversations(first: $first, after: $after) {\n      conversations {\n        ...ConversationSummaryFields\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      lastSeq\n      messages(first: 50) {\n        messages {\n          ...ChatMessageViewFields\n        }\n        nextCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      lastSeq\n      messages(first: 50) {\n        messages {\n          ...ChatMessageViewFields\n        }\n        nextCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageStream($conversationId: ID!, $afterSeq: Int) {\n    messageStream(conversationId: $conversationId, afterSeq: $afterSeq) {\n      seq\n      kind\n      conversationId\n      messageId\n      text\n      citations {\n        ...CitationFields\n      }\n      images {\n        ...AnswerImageFields\n      }\n      status\n      confidence\n      handoffSuggested\n      conversationStatus\n      message {\n        ...ChatMessageViewFields\n      }\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription MessageStream($conversationId: ID!, $afterSeq: Int) {\n    messageStream(conversationId: $conversationId, afterSeq: $afterSeq) {\n      seq\n      kind\n      conversationId\n      messageId\n      text\n      citations {\n        ...CitationFields\n      }\n      images {\n        ...AnswerImageFields\n      }\n      status\n      confidence\n      handoffSuggested\n      conversationStatus\n      message {\n        ...ChatMessageViewFields\n      }\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        ...ConversationSummaryFields\n        lastSeq\n      }\n      userMessage {\n        ...ChatMessageViewFields\n      }\n      assistantMessage {\n        ...ChatMessageViewFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        ...ConversationSummaryFields\n        lastSeq\n      }\n      userMessage {\n        ...ChatMessageViewFields\n      }\n      assistantMessage {\n        ...ChatMessageViewFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateAnswer($input: RateAnswerInput!) {\n    rateAnswer(input: $input) {\n      id\n      feedback {\n        rating\n        comment\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RateAnswer($input: RateAnswerInput!) {\n    rateAnswer(input: $input) {\n      id\n      feedback {\n        rating\n        comment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Escalate($conversationId: ID!) {\n    escalate(conversationId: $conversationId) {\n      ...ConversationSummaryFields\n    }\n  }\n"): (typeof documents)["\n  mutation Escalate($conversationId: ID!) {\n    escalate(conversationId: $conversationId) {\n      ...ConversationSummaryFields\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment SourceFields on Source {\n    id\n    name\n    startUrl\n    scope\n    includePatterns\n    excludePatterns\n    maxDepth\n    maxPages\n    useSitemap\n    jsRendering\n    recrawlSchedule\n    accessRoles\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment SourceFields on Source {\n    id\n    name\n    startUrl\n    scope\n    includePatterns\n    excludePatterns\n    maxDepth\n    maxPages\n    useSitemap\n    jsRendering\n    recrawlSchedule\n    accessRoles\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CrawlProgressFields on CrawlProgress {\n    sourceId\n    runId\n    status\n    discovered\n    fetched\n    indexed\n    skipped\n    failed\n    skippedByReason {\n      reason\n      count\n    }\n    failedByReason {\n      reason\n      count\n    }\n    imagesIndexed\n    imagesFailed\n    imagesFailedByReason {\n      reason\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment CrawlProgressFields on CrawlProgress {\n    sourceId\n    runId\n    status\n    discovered\n    fetched\n    indexed\n    skipped\n    failed\n    skippedByReason {\n      reason\n      count\n    }\n    failedByReason {\n      reason\n      count\n    }\n    imagesIndexed\n    imagesFailed\n    imagesFailedByReason {\n      reason\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CrawlRunFields on CrawlRun {\n    runId\n    sourceId\n    status\n    startedAt\n    closedAt\n    temporalUiUrl\n    progress {\n      ...CrawlProgressFields\n    }\n  }\n"): (typeof documents)["\n  fragment CrawlRunFields on CrawlRun {\n    runId\n    sourceId\n    status\n    startedAt\n    closedAt\n    temporalUiUrl\n    progress {\n      ...CrawlProgressFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sources($first: Int!) {\n    sources(first: $first) {\n      ...SourceFields\n    }\n  }\n"): (typeof documents)["\n  query Sources($first: Int!) {\n    sources(first: $first) {\n      ...SourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestCrawlRun($sourceId: ID!) {\n    crawlRuns(sourceId: $sourceId, first: 1) {\n      runId\n      sourceId\n      status\n      startedAt\n    }\n  }\n"): (typeof documents)["\n  query LatestCrawlRun($sourceId: ID!) {\n    crawlRuns(sourceId: $sourceId, first: 1) {\n      runId\n      sourceId\n      status\n      startedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n    }\n  }\n"): (typeof documents)["\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CrawlRuns($sourceId: ID!, $first: Int!) {\n    crawlRuns(sourceId: $sourceId, first: $first) {\n      ...CrawlRunFields\n    }\n  }\n"): (typeof documents)["\n  query CrawlRuns($sourceId: ID!, $first: Int!) {\n    crawlRuns(sourceId: $sourceId, first: $first) {\n      ...CrawlRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CrawlProgress($sourceId: ID!) {\n    crawlProgress(sourceId: $sourceId) {\n      ...CrawlProgressFields\n    }\n  }\n"): (typeof documents)["\n  subscription CrawlProgress($sourceId: ID!) {\n    crawlProgress(sourceId: $sourceId) {\n      ...CrawlProgressFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourcePages($sourceId: ID!, $after: String, $first: Int!) {\n    sourcePages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        url\n        title\n        language\n        chunkCount\n        lastModified\n        indexedAt\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query SourcePages($sourceId: ID!, $after: String, $first: Int!) {\n    sourcePages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        url\n        title\n        language\n        chunkCount\n        lastModified\n        indexedAt\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourceImages($sourceId: ID!, $after: String, $first: Int!) {\n    sourceImages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        id\n        imageUrl\n        pageUrl\n        alt\n        caption\n        thumbnailUrl\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query SourceImages($sourceId: ID!, $after: String, $first: Int!) {\n    sourceImages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        id\n        imageUrl\n        pageUrl\n        alt\n        caption\n        thumbnailUrl\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCrawl($sourceId: ID!) {\n    startCrawl(sourceId: $sourceId) {\n      ...CrawlRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartCrawl($sourceId: ID!) {\n    startCrawl(sourceId: $sourceId) {\n      ...CrawlRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseCrawl($sourceId: ID!) {\n    pauseCrawl(sourceId: $sourceId)\n  }\n"): (typeof documents)["\n  mutation PauseCrawl($sourceId: ID!) {\n    pauseCrawl(sourceId: $sourceId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeCrawl($sourceId: ID!) {\n    resumeCrawl(sourceId: $sourceId)\n  }\n"): (typeof documents)["\n  mutation ResumeCrawl($sourceId: ID!) {\n    resumeCrawl(sourceId: $sourceId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelCrawl($sourceId: ID!) {\n    cancelCrawl(sourceId: $sourceId)\n  }\n"): (typeof documents)["\n  mutation CancelCrawl($sourceId: ID!) {\n    cancelCrawl(sourceId: $sourceId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n"): (typeof documents)["\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUserFields on User {\n    id\n    displayName\n    email\n    emailVerified\n  }\n"): (typeof documents)["\n  fragment SessionUserFields on User {\n    id\n    displayName\n    email\n    emailVerified\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionOrganizationFields on Organization {\n    id\n    name\n    slug\n  }\n"): (typeof documents)["\n  fragment SessionOrganizationFields on Organization {\n    id\n    name\n    slug\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    role\n    user {\n      ...SessionUserFields\n    }\n    organization {\n      ...SessionOrganizationFields\n    }\n  }\n"): (typeof documents)["\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    role\n    user {\n      ...SessionUserFields\n    }\n    organization {\n      ...SessionOrganizationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    role\n    permissions\n    user {\n      ...SessionUserFields\n    }\n    organization {\n      ...SessionOrganizationFields\n    }\n    memberships {\n      role\n      organization {\n        ...SessionOrganizationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    role\n    permissions\n    user {\n      ...SessionUserFields\n    }\n    organization {\n      ...SessionOrganizationFields\n    }\n    memberships {\n      role\n      organization {\n        ...SessionOrganizationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionViewer {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query SessionViewer {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchOrganization($organizationId: ID!) {\n    switchOrganization(organizationId: $organizationId) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchOrganization($organizationId: ID!) {\n    switchOrganization(organizationId: $organizationId) {\n      ...AuthPayloadFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;