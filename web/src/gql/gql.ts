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
    "\n  fragment CitationFields on Citation {\n    index\n    sourceId\n    title\n    pageUrl\n    url\n    headingPath\n    snippet\n    referenced\n  }\n": typeof types.CitationFieldsFragmentDoc,
    "\n  fragment AnswerImageFields on AnswerImage {\n    id\n    imageUrl\n    pageUrl\n    alt\n    caption\n    thumbnailUrl\n  }\n": typeof types.AnswerImageFieldsFragmentDoc,
    "\n  fragment ChatMessageViewFields on ChatMessage {\n    id\n    conversationId\n    role\n    text\n    status\n    createdAt\n    author {\n      id\n      displayName\n    }\n    citations {\n      ...CitationFields\n    }\n    images {\n      ...AnswerImageFields\n    }\n    confidence\n    handoffSuggested\n    fallback\n    feedback {\n      rating\n      comment\n    }\n    lastSeq\n  }\n": typeof types.ChatMessageViewFieldsFragmentDoc,
    "\n  fragment ConversationSummaryFields on Conversation {\n    id\n    status\n    title\n    updatedAt\n  }\n": typeof types.ConversationSummaryFieldsFragmentDoc,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      lastSeq\n      messages(first: 50) {\n        messages {\n          ...ChatMessageViewFields\n        }\n        nextCursor\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  subscription MessageStream($conversationId: ID!, $afterSeq: Int) {\n    messageStream(conversationId: $conversationId, afterSeq: $afterSeq) {\n      seq\n      kind\n      conversationId\n      messageId\n      text\n      citations {\n        ...CitationFields\n      }\n      images {\n        ...AnswerImageFields\n      }\n      status\n      confidence\n      handoffSuggested\n      fallback\n      conversationStatus\n      message {\n        ...ChatMessageViewFields\n      }\n      at\n    }\n  }\n": typeof types.MessageStreamDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        ...ConversationSummaryFields\n        lastSeq\n      }\n      userMessage {\n        ...ChatMessageViewFields\n      }\n      assistantMessage {\n        ...ChatMessageViewFields\n      }\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      id\n      status\n    }\n  }\n": typeof types.StopGenerationDocument,
    "\n  mutation RateAnswer($input: RateAnswerInput!) {\n    rateAnswer(input: $input) {\n      id\n      feedback {\n        rating\n        comment\n      }\n    }\n  }\n": typeof types.RateAnswerDocument,
    "\n  mutation Escalate($conversationId: ID!) {\n    escalate(conversationId: $conversationId) {\n      ...ConversationSummaryFields\n    }\n  }\n": typeof types.EscalateDocument,
    "\n  mutation AgentReply($input: AgentReplyInput!) {\n    agentReply(input: $input) {\n      ...ChatMessageViewFields\n    }\n  }\n": typeof types.AgentReplyDocument,
    "\n  fragment SourceFields on Source {\n    id\n    name\n    startUrl\n    scope\n    includePatterns\n    excludePatterns\n    maxDepth\n    maxPages\n    useSitemap\n    jsRendering\n    recrawlSchedule\n    accessRoles\n    createdAt\n    updatedAt\n  }\n": typeof types.SourceFieldsFragmentDoc,
    "\n  fragment CrawlProgressFields on CrawlProgress {\n    sourceId\n    runId\n    status\n    discovered\n    fetched\n    indexed\n    skipped\n    failed\n    skippedByReason {\n      reason\n      count\n    }\n    failedByReason {\n      reason\n      count\n    }\n    imagesIndexed\n    imagesFailed\n    imagesFailedByReason {\n      reason\n      count\n    }\n  }\n": typeof types.CrawlProgressFieldsFragmentDoc,
    "\n  fragment CrawlRunFields on CrawlRun {\n    runId\n    sourceId\n    status\n    startedAt\n    closedAt\n    temporalUiUrl\n    progress {\n      ...CrawlProgressFields\n    }\n  }\n": typeof types.CrawlRunFieldsFragmentDoc,
    "\n  query Sources($first: Int!) {\n    sources(first: $first) {\n      ...SourceFields\n    }\n  }\n": typeof types.SourcesDocument,
    "\n  query CrawlRuns($sourceId: ID!, $first: Int!) {\n    crawlRuns(sourceId: $sourceId, first: $first) {\n      ...CrawlRunFields\n    }\n  }\n": typeof types.CrawlRunsDocument,
    "\n  subscription CrawlProgress($sourceId: ID!) {\n    crawlProgress(sourceId: $sourceId) {\n      ...CrawlProgressFields\n    }\n  }\n": typeof types.CrawlProgressDocument,
    "\n  mutation AddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": typeof types.AddSourceDocument,
    "\n  mutation StartCrawl($sourceId: ID!) {\n    startCrawl(sourceId: $sourceId) {\n      ...CrawlRunFields\n    }\n  }\n": typeof types.StartCrawlDocument,
    "\n  fragment AdminMemberFields on Member {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n      email\n      emailVerified\n    }\n  }\n": typeof types.AdminMemberFieldsFragmentDoc,
    "\n  query AdminMembers($first: Int!, $offset: Int!) {\n    members(first: $first, offset: $offset) {\n      ...AdminMemberFields\n    }\n  }\n": typeof types.AdminMembersDocument,
    "\n  mutation AdminInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n": typeof types.AdminInviteUserDocument,
    "\n  mutation AdminChangeRole($userId: ID!, $role: Role!) {\n    changeRole(userId: $userId, role: $role) {\n      ...AdminMemberFields\n    }\n  }\n": typeof types.AdminChangeRoleDocument,
    "\n  mutation AdminRemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": typeof types.AdminRemoveMemberDocument,
    "\n  query AdminRolePermissions {\n    rolePermissions {\n      role\n      permissions\n      isDefault\n    }\n  }\n": typeof types.AdminRolePermissionsDocument,
    "\n  mutation AdminSetRolePermissions($role: Role!, $permissions: [String!]!) {\n    setRolePermissions(role: $role, permissions: $permissions) {\n      role\n      permissions\n      isDefault\n    }\n  }\n": typeof types.AdminSetRolePermissionsDocument,
    "\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    role\n    scopes\n    expiresAt\n    revokedAt\n    lastUsedAt\n    createdAt\n  }\n": typeof types.AdminApiKeyFieldsFragmentDoc,
    "\n  query AdminApiKeys {\n    apiKeys {\n      ...AdminApiKeyFields\n    }\n  }\n": typeof types.AdminApiKeysDocument,
    "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": typeof types.AdminCreateApiKeyDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n": typeof types.AdminRevokeApiKeyDocument,
    "\n  query AdminAuditLog($filter: AuditLogFilter, $after: String, $first: Int!) {\n    auditLog(filter: $filter, after: $after, first: $first) {\n      entries {\n        id\n        action\n        actorType\n        actorId\n        targetType\n        targetId\n        outcome\n        ip\n        detail\n        createdAt\n      }\n      nextCursor\n    }\n  }\n": typeof types.AdminAuditLogDocument,
    "\n  query AnalyticsOverviewFigures($period: AnalyticsPeriod!, $sourceId: ID) {\n    analyticsOverview(period: $period, sourceId: $sourceId) {\n      from\n      to\n      sourceId\n      questions\n      answered\n      unanswered\n      failed\n      answerRate\n      cacheHits\n      conversations\n      averageConfidence\n      thumbsUp\n      thumbsDown\n      satisfaction\n      handoffs\n      timeToFirstTokenMs {\n        p50\n        p95\n      }\n      totalTimeMs {\n        p50\n        p95\n      }\n    }\n  }\n": typeof types.AnalyticsOverviewFiguresDocument,
    "\n  query AnalyticsVolume($period: AnalyticsPeriod!, $interval: VolumeInterval!, $sourceId: ID) {\n    questionVolume(period: $period, interval: $interval, sourceId: $sourceId) {\n      start\n      questions\n      answered\n      unanswered\n      handoffs\n    }\n  }\n": typeof types.AnalyticsVolumeDocument,
    "\n  query AnalyticsTopQuestions($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {\n    topQuestions(period: $period, sourceId: $sourceId, limit: $limit) {\n      representative\n      count\n      answered\n      examples\n      lastAskedAt\n    }\n  }\n": typeof types.AnalyticsTopQuestionsDocument,
    "\n  query AnalyticsContentGaps($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!, $pagesPerGap: Int!) {\n    contentGaps(period: $period, sourceId: $sourceId, limit: $limit, pagesPerGap: $pagesPerGap) {\n      representative\n      count\n      examples\n      lastAskedAt\n      suggestedPages {\n        pageUrl\n        url\n        title\n        sourceId\n        bestRelevance\n        retrievals\n      }\n    }\n  }\n": typeof types.AnalyticsContentGapsDocument,
    "\n  query AnalyticsSourceCoverage($period: AnalyticsPeriod!, $sourceId: ID!, $limit: Int!) {\n    sourceCoverage(period: $period, sourceId: $sourceId, limit: $limit) {\n      sourceId\n      pagesIndexed\n      lastCrawlAt\n      pagesCited\n      pagesRetrieved\n      coverage\n      pages {\n        pageUrl\n        title\n        citations\n        retrievals\n        lastCitedAt\n      }\n    }\n  }\n": typeof types.AnalyticsSourceCoverageDocument,
    "\n  query AnalyticsApiUsage($period: AnalyticsPeriod!) {\n    apiUsage(period: $period) {\n      apiKeyId\n      role\n      requests\n      rateLimited\n      firstHour\n      lastHour\n    }\n  }\n": typeof types.AnalyticsApiUsageDocument,
    "\n  query AnalyticsApiKeyNames {\n    apiKeys {\n      id\n      name\n      prefix\n    }\n  }\n": typeof types.AnalyticsApiKeyNamesDocument,
    "\n  query AnalyticsCrawlHistory($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {\n    crawlHistory(period: $period, sourceId: $sourceId, limit: $limit) {\n      runId\n      sourceId\n      status\n      startedAt\n      finishedAt\n      durationMs\n      discovered\n      fetched\n      indexed\n      skipped\n      failed\n      imagesIndexed\n      imagesFailed\n      failedByReason {\n        reason\n        count\n      }\n    }\n  }\n": typeof types.AnalyticsCrawlHistoryDocument,
    "\n  query AnalyticsExportCsv($period: AnalyticsPeriod!, $sourceId: ID, $report: AnalyticsReport!) {\n    exportAnalyticsCsv(period: $period, sourceId: $sourceId, report: $report)\n  }\n": typeof types.AnalyticsExportCsvDocument,
    "\n  fragment AnalyticsCounterFields on AnalyticsCounters {\n    day\n    questions\n    answered\n    unanswered\n    handoffs\n    thumbsUp\n    thumbsDown\n    updatedAt\n  }\n": typeof types.AnalyticsCounterFieldsFragmentDoc,
    "\n  query AnalyticsCountersToday {\n    analyticsCounters {\n      ...AnalyticsCounterFields\n    }\n  }\n": typeof types.AnalyticsCountersTodayDocument,
    "\n  subscription AnalyticsCountersLive {\n    analyticsCounters {\n      ...AnalyticsCounterFields\n    }\n  }\n": typeof types.AnalyticsCountersLiveDocument,
    "\n  query AnalyticsSources($first: Int!) {\n    sources(first: $first) {\n      id\n      name\n      startUrl\n    }\n  }\n": typeof types.AnalyticsSourcesDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Conversations($first: Int!, $after: String) {\n    conversations(first: $first, after: $after) {\n      conversations {\n        ...ConversationSummaryFields\n      }\n      nextCursor\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  query KnowledgeAvailable {\n    knowledgeAvailable\n  }\n": typeof types.KnowledgeAvailableDocument,
    "\n  fragment InboxConversationFields on Conversation {\n    id\n    status\n    title\n    createdAt\n    updatedAt\n    escalatedAt\n    closedAt\n    customer {\n      id\n      displayName\n    }\n    assignedAgent {\n      id\n      displayName\n    }\n  }\n": typeof types.InboxConversationFieldsFragmentDoc,
    "\n  query InboxConversations($status: ConversationStatus, $after: String, $first: Int!) {\n    conversations(status: $status, after: $after, first: $first) {\n      conversations {\n        ...InboxConversationFields\n      }\n      nextCursor\n    }\n  }\n": typeof types.InboxConversationsDocument,
    "\n  query InboxConversation($id: ID!) {\n    conversation(id: $id) {\n      ...InboxConversationFields\n      customer {\n        id\n        email\n      }\n    }\n  }\n": typeof types.InboxConversationDocument,
    "\n  subscription InboxConversationUpdated {\n    conversationUpdated {\n      ...InboxConversationFields\n    }\n  }\n": typeof types.InboxConversationUpdatedDocument,
    "\n  mutation InboxCloseConversation($id: ID!) {\n    closeConversation(id: $id) {\n      ...InboxConversationFields\n    }\n  }\n": typeof types.InboxCloseConversationDocument,
    "\n  query LatestCrawlRun($sourceId: ID!) {\n    crawlRuns(sourceId: $sourceId, first: 1) {\n      runId\n      sourceId\n      status\n      startedAt\n    }\n  }\n": typeof types.LatestCrawlRunDocument,
    "\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n    }\n  }\n": typeof types.SourceDocument,
    "\n  query SourcePages($sourceId: ID!, $after: String, $first: Int!) {\n    sourcePages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        url\n        title\n        language\n        chunkCount\n        lastModified\n        indexedAt\n      }\n      nextCursor\n    }\n  }\n": typeof types.SourcePagesDocument,
    "\n  query SourceImages($sourceId: ID!, $after: String, $first: Int!) {\n    sourceImages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        id\n        imageUrl\n        pageUrl\n        alt\n        caption\n        thumbnailUrl\n      }\n      nextCursor\n    }\n  }\n": typeof types.SourceImagesDocument,
    "\n  mutation UpdateSource($id: ID!, $input: SourceSettingsInput!) {\n    updateSource(id: $id, input: $input) {\n      ...SourceFields\n    }\n  }\n": typeof types.UpdateSourceDocument,
    "\n  mutation DeleteSource($id: ID!) {\n    deleteSource(id: $id)\n  }\n": typeof types.DeleteSourceDocument,
    "\n  mutation PauseCrawl($sourceId: ID!) {\n    pauseCrawl(sourceId: $sourceId)\n  }\n": typeof types.PauseCrawlDocument,
    "\n  mutation ResumeCrawl($sourceId: ID!) {\n    resumeCrawl(sourceId: $sourceId)\n  }\n": typeof types.ResumeCrawlDocument,
    "\n  mutation CancelCrawl($sourceId: ID!) {\n    cancelCrawl(sourceId: $sourceId)\n  }\n": typeof types.CancelCrawlDocument,
    "\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n": typeof types.ServiceStatusFieldsFragmentDoc,
    "\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n": typeof types.SystemStatusDocument,
    "\n  fragment WidgetSettingsFields on WidgetSettings {\n    organizationId\n    enabled\n    allowedOrigins\n  }\n": typeof types.WidgetSettingsFieldsFragmentDoc,
    "\n  query ReadWidgetSettings {\n    widgetSettings {\n      ...WidgetSettingsFields\n    }\n  }\n": typeof types.ReadWidgetSettingsDocument,
    "\n  mutation UpdateWidgetSettings($input: WidgetSettingsInput!) {\n    updateWidgetSettings(input: $input) {\n      ...WidgetSettingsFields\n    }\n  }\n": typeof types.UpdateWidgetSettingsDocument,
    "\n  mutation StartVisitorSession($organizationId: ID!, $pageOrigin: String) {\n    startVisitorSession(organizationId: $organizationId, pageOrigin: $pageOrigin) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.StartVisitorSessionDocument,
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
    "\n  fragment CitationFields on Citation {\n    index\n    sourceId\n    title\n    pageUrl\n    url\n    headingPath\n    snippet\n    referenced\n  }\n": types.CitationFieldsFragmentDoc,
    "\n  fragment AnswerImageFields on AnswerImage {\n    id\n    imageUrl\n    pageUrl\n    alt\n    caption\n    thumbnailUrl\n  }\n": types.AnswerImageFieldsFragmentDoc,
    "\n  fragment ChatMessageViewFields on ChatMessage {\n    id\n    conversationId\n    role\n    text\n    status\n    createdAt\n    author {\n      id\n      displayName\n    }\n    citations {\n      ...CitationFields\n    }\n    images {\n      ...AnswerImageFields\n    }\n    confidence\n    handoffSuggested\n    fallback\n    feedback {\n      rating\n      comment\n    }\n    lastSeq\n  }\n": types.ChatMessageViewFieldsFragmentDoc,
    "\n  fragment ConversationSummaryFields on Conversation {\n    id\n    status\n    title\n    updatedAt\n  }\n": types.ConversationSummaryFieldsFragmentDoc,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      lastSeq\n      messages(first: 50) {\n        messages {\n          ...ChatMessageViewFields\n        }\n        nextCursor\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  subscription MessageStream($conversationId: ID!, $afterSeq: Int) {\n    messageStream(conversationId: $conversationId, afterSeq: $afterSeq) {\n      seq\n      kind\n      conversationId\n      messageId\n      text\n      citations {\n        ...CitationFields\n      }\n      images {\n        ...AnswerImageFields\n      }\n      status\n      confidence\n      handoffSuggested\n      fallback\n      conversationStatus\n      message {\n        ...ChatMessageViewFields\n      }\n      at\n    }\n  }\n": types.MessageStreamDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      conversation {\n        ...ConversationSummaryFields\n        lastSeq\n      }\n      userMessage {\n        ...ChatMessageViewFields\n      }\n      assistantMessage {\n        ...ChatMessageViewFields\n      }\n    }\n  }\n": types.SendMessageDocument,
    "\n  mutation StopGeneration($messageId: ID!) {\n    stopGeneration(messageId: $messageId) {\n      id\n      status\n    }\n  }\n": types.StopGenerationDocument,
    "\n  mutation RateAnswer($input: RateAnswerInput!) {\n    rateAnswer(input: $input) {\n      id\n      feedback {\n        rating\n        comment\n      }\n    }\n  }\n": types.RateAnswerDocument,
    "\n  mutation Escalate($conversationId: ID!) {\n    escalate(conversationId: $conversationId) {\n      ...ConversationSummaryFields\n    }\n  }\n": types.EscalateDocument,
    "\n  mutation AgentReply($input: AgentReplyInput!) {\n    agentReply(input: $input) {\n      ...ChatMessageViewFields\n    }\n  }\n": types.AgentReplyDocument,
    "\n  fragment SourceFields on Source {\n    id\n    name\n    startUrl\n    scope\n    includePatterns\n    excludePatterns\n    maxDepth\n    maxPages\n    useSitemap\n    jsRendering\n    recrawlSchedule\n    accessRoles\n    createdAt\n    updatedAt\n  }\n": types.SourceFieldsFragmentDoc,
    "\n  fragment CrawlProgressFields on CrawlProgress {\n    sourceId\n    runId\n    status\n    discovered\n    fetched\n    indexed\n    skipped\n    failed\n    skippedByReason {\n      reason\n      count\n    }\n    failedByReason {\n      reason\n      count\n    }\n    imagesIndexed\n    imagesFailed\n    imagesFailedByReason {\n      reason\n      count\n    }\n  }\n": types.CrawlProgressFieldsFragmentDoc,
    "\n  fragment CrawlRunFields on CrawlRun {\n    runId\n    sourceId\n    status\n    startedAt\n    closedAt\n    temporalUiUrl\n    progress {\n      ...CrawlProgressFields\n    }\n  }\n": types.CrawlRunFieldsFragmentDoc,
    "\n  query Sources($first: Int!) {\n    sources(first: $first) {\n      ...SourceFields\n    }\n  }\n": types.SourcesDocument,
    "\n  query CrawlRuns($sourceId: ID!, $first: Int!) {\n    crawlRuns(sourceId: $sourceId, first: $first) {\n      ...CrawlRunFields\n    }\n  }\n": types.CrawlRunsDocument,
    "\n  subscription CrawlProgress($sourceId: ID!) {\n    crawlProgress(sourceId: $sourceId) {\n      ...CrawlProgressFields\n    }\n  }\n": types.CrawlProgressDocument,
    "\n  mutation AddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": types.AddSourceDocument,
    "\n  mutation StartCrawl($sourceId: ID!) {\n    startCrawl(sourceId: $sourceId) {\n      ...CrawlRunFields\n    }\n  }\n": types.StartCrawlDocument,
    "\n  fragment AdminMemberFields on Member {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n      email\n      emailVerified\n    }\n  }\n": types.AdminMemberFieldsFragmentDoc,
    "\n  query AdminMembers($first: Int!, $offset: Int!) {\n    members(first: $first, offset: $offset) {\n      ...AdminMemberFields\n    }\n  }\n": types.AdminMembersDocument,
    "\n  mutation AdminInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n": types.AdminInviteUserDocument,
    "\n  mutation AdminChangeRole($userId: ID!, $role: Role!) {\n    changeRole(userId: $userId, role: $role) {\n      ...AdminMemberFields\n    }\n  }\n": types.AdminChangeRoleDocument,
    "\n  mutation AdminRemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": types.AdminRemoveMemberDocument,
    "\n  query AdminRolePermissions {\n    rolePermissions {\n      role\n      permissions\n      isDefault\n    }\n  }\n": types.AdminRolePermissionsDocument,
    "\n  mutation AdminSetRolePermissions($role: Role!, $permissions: [String!]!) {\n    setRolePermissions(role: $role, permissions: $permissions) {\n      role\n      permissions\n      isDefault\n    }\n  }\n": types.AdminSetRolePermissionsDocument,
    "\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    role\n    scopes\n    expiresAt\n    revokedAt\n    lastUsedAt\n    createdAt\n  }\n": types.AdminApiKeyFieldsFragmentDoc,
    "\n  query AdminApiKeys {\n    apiKeys {\n      ...AdminApiKeyFields\n    }\n  }\n": types.AdminApiKeysDocument,
    "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": types.AdminCreateApiKeyDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n": types.AdminRevokeApiKeyDocument,
    "\n  query AdminAuditLog($filter: AuditLogFilter, $after: String, $first: Int!) {\n    auditLog(filter: $filter, after: $after, first: $first) {\n      entries {\n        id\n        action\n        actorType\n        actorId\n        targetType\n        targetId\n        outcome\n        ip\n        detail\n        createdAt\n      }\n      nextCursor\n    }\n  }\n": types.AdminAuditLogDocument,
    "\n  query AnalyticsOverviewFigures($period: AnalyticsPeriod!, $sourceId: ID) {\n    analyticsOverview(period: $period, sourceId: $sourceId) {\n      from\n      to\n      sourceId\n      questions\n      answered\n      unanswered\n      failed\n      answerRate\n      cacheHits\n      conversations\n      averageConfidence\n      thumbsUp\n      thumbsDown\n      satisfaction\n      handoffs\n      timeToFirstTokenMs {\n        p50\n        p95\n      }\n      totalTimeMs {\n        p50\n        p95\n      }\n    }\n  }\n": types.AnalyticsOverviewFiguresDocument,
    "\n  query AnalyticsVolume($period: AnalyticsPeriod!, $interval: VolumeInterval!, $sourceId: ID) {\n    questionVolume(period: $period, interval: $interval, sourceId: $sourceId) {\n      start\n      questions\n      answered\n      unanswered\n      handoffs\n    }\n  }\n": types.AnalyticsVolumeDocument,
    "\n  query AnalyticsTopQuestions($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {\n    topQuestions(period: $period, sourceId: $sourceId, limit: $limit) {\n      representative\n      count\n      answered\n      examples\n      lastAskedAt\n    }\n  }\n": types.AnalyticsTopQuestionsDocument,
    "\n  query AnalyticsContentGaps($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!, $pagesPerGap: Int!) {\n    contentGaps(period: $period, sourceId: $sourceId, limit: $limit, pagesPerGap: $pagesPerGap) {\n      representative\n      count\n      examples\n      lastAskedAt\n      suggestedPages {\n        pageUrl\n        url\n        title\n        sourceId\n        bestRelevance\n        retrievals\n      }\n    }\n  }\n": types.AnalyticsContentGapsDocument,
    "\n  query AnalyticsSourceCoverage($period: AnalyticsPeriod!, $sourceId: ID!, $limit: Int!) {\n    sourceCoverage(period: $period, sourceId: $sourceId, limit: $limit) {\n      sourceId\n      pagesIndexed\n      lastCrawlAt\n      pagesCited\n      pagesRetrieved\n      coverage\n      pages {\n        pageUrl\n        title\n        citations\n        retrievals\n        lastCitedAt\n      }\n    }\n  }\n": types.AnalyticsSourceCoverageDocument,
    "\n  query AnalyticsApiUsage($period: AnalyticsPeriod!) {\n    apiUsage(period: $period) {\n      apiKeyId\n      role\n      requests\n      rateLimited\n      firstHour\n      lastHour\n    }\n  }\n": types.AnalyticsApiUsageDocument,
    "\n  query AnalyticsApiKeyNames {\n    apiKeys {\n      id\n      name\n      prefix\n    }\n  }\n": types.AnalyticsApiKeyNamesDocument,
    "\n  query AnalyticsCrawlHistory($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {\n    crawlHistory(period: $period, sourceId: $sourceId, limit: $limit) {\n      runId\n      sourceId\n      status\n      startedAt\n      finishedAt\n      durationMs\n      discovered\n      fetched\n      indexed\n      skipped\n      failed\n      imagesIndexed\n      imagesFailed\n      failedByReason {\n        reason\n        count\n      }\n    }\n  }\n": types.AnalyticsCrawlHistoryDocument,
    "\n  query AnalyticsExportCsv($period: AnalyticsPeriod!, $sourceId: ID, $report: AnalyticsReport!) {\n    exportAnalyticsCsv(period: $period, sourceId: $sourceId, report: $report)\n  }\n": types.AnalyticsExportCsvDocument,
    "\n  fragment AnalyticsCounterFields on AnalyticsCounters {\n    day\n    questions\n    answered\n    unanswered\n    handoffs\n    thumbsUp\n    thumbsDown\n    updatedAt\n  }\n": types.AnalyticsCounterFieldsFragmentDoc,
    "\n  query AnalyticsCountersToday {\n    analyticsCounters {\n      ...AnalyticsCounterFields\n    }\n  }\n": types.AnalyticsCountersTodayDocument,
    "\n  subscription AnalyticsCountersLive {\n    analyticsCounters {\n      ...AnalyticsCounterFields\n    }\n  }\n": types.AnalyticsCountersLiveDocument,
    "\n  query AnalyticsSources($first: Int!) {\n    sources(first: $first) {\n      id\n      name\n      startUrl\n    }\n  }\n": types.AnalyticsSourcesDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": types.VerifyEmailDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Conversations($first: Int!, $after: String) {\n    conversations(first: $first, after: $after) {\n      conversations {\n        ...ConversationSummaryFields\n      }\n      nextCursor\n    }\n  }\n": types.ConversationsDocument,
    "\n  query KnowledgeAvailable {\n    knowledgeAvailable\n  }\n": types.KnowledgeAvailableDocument,
    "\n  fragment InboxConversationFields on Conversation {\n    id\n    status\n    title\n    createdAt\n    updatedAt\n    escalatedAt\n    closedAt\n    customer {\n      id\n      displayName\n    }\n    assignedAgent {\n      id\n      displayName\n    }\n  }\n": types.InboxConversationFieldsFragmentDoc,
    "\n  query InboxConversations($status: ConversationStatus, $after: String, $first: Int!) {\n    conversations(status: $status, after: $after, first: $first) {\n      conversations {\n        ...InboxConversationFields\n      }\n      nextCursor\n    }\n  }\n": types.InboxConversationsDocument,
    "\n  query InboxConversation($id: ID!) {\n    conversation(id: $id) {\n      ...InboxConversationFields\n      customer {\n        id\n        email\n      }\n    }\n  }\n": types.InboxConversationDocument,
    "\n  subscription InboxConversationUpdated {\n    conversationUpdated {\n      ...InboxConversationFields\n    }\n  }\n": types.InboxConversationUpdatedDocument,
    "\n  mutation InboxCloseConversation($id: ID!) {\n    closeConversation(id: $id) {\n      ...InboxConversationFields\n    }\n  }\n": types.InboxCloseConversationDocument,
    "\n  query LatestCrawlRun($sourceId: ID!) {\n    crawlRuns(sourceId: $sourceId, first: 1) {\n      runId\n      sourceId\n      status\n      startedAt\n    }\n  }\n": types.LatestCrawlRunDocument,
    "\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n    }\n  }\n": types.SourceDocument,
    "\n  query SourcePages($sourceId: ID!, $after: String, $first: Int!) {\n    sourcePages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        url\n        title\n        language\n        chunkCount\n        lastModified\n        indexedAt\n      }\n      nextCursor\n    }\n  }\n": types.SourcePagesDocument,
    "\n  query SourceImages($sourceId: ID!, $after: String, $first: Int!) {\n    sourceImages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        id\n        imageUrl\n        pageUrl\n        alt\n        caption\n        thumbnailUrl\n      }\n      nextCursor\n    }\n  }\n": types.SourceImagesDocument,
    "\n  mutation UpdateSource($id: ID!, $input: SourceSettingsInput!) {\n    updateSource(id: $id, input: $input) {\n      ...SourceFields\n    }\n  }\n": types.UpdateSourceDocument,
    "\n  mutation DeleteSource($id: ID!) {\n    deleteSource(id: $id)\n  }\n": types.DeleteSourceDocument,
    "\n  mutation PauseCrawl($sourceId: ID!) {\n    pauseCrawl(sourceId: $sourceId)\n  }\n": types.PauseCrawlDocument,
    "\n  mutation ResumeCrawl($sourceId: ID!) {\n    resumeCrawl(sourceId: $sourceId)\n  }\n": types.ResumeCrawlDocument,
    "\n  mutation CancelCrawl($sourceId: ID!) {\n    cancelCrawl(sourceId: $sourceId)\n  }\n": types.CancelCrawlDocument,
    "\n  fragment ServiceStatusFields on ServiceStatus {\n    service\n    ready\n    dependencies {\n      name\n      ok\n      latencyMs\n      detail\n    }\n  }\n": types.ServiceStatusFieldsFragmentDoc,
    "\n  query SystemStatus {\n    systemStatus {\n      id\n      users {\n        ...ServiceStatusFields\n      }\n      knowledge {\n        ...ServiceStatusFields\n      }\n      chat {\n        ...ServiceStatusFields\n      }\n      analytics {\n        ...ServiceStatusFields\n      }\n    }\n  }\n": types.SystemStatusDocument,
    "\n  fragment WidgetSettingsFields on WidgetSettings {\n    organizationId\n    enabled\n    allowedOrigins\n  }\n": types.WidgetSettingsFieldsFragmentDoc,
    "\n  query ReadWidgetSettings {\n    widgetSettings {\n      ...WidgetSettingsFields\n    }\n  }\n": types.ReadWidgetSettingsDocument,
    "\n  mutation UpdateWidgetSettings($input: WidgetSettingsInput!) {\n    updateWidgetSettings(input: $input) {\n      ...WidgetSettingsFields\n    }\n  }\n": types.UpdateWidgetSettingsDocument,
    "\n  mutation StartVisitorSession($organizationId: ID!, $pageOrigin: String) {\n    startVisitorSession(organizationId: $organizationId, pageOrigin: $pageOrigin) {\n      ...AuthPayloadFields\n    }\n  }\n": types.StartVisitorSessionDocument,
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
export function graphql(source: "\n  fragment CitationFields on Citation {\n    index\n    sourceId\n    title\n    pageUrl\n    url\n    headingPath\n    snippet\n    referenced\n  }\n"): (typeof documents)["\n  fragment CitationFields on Citation {\n    index\n    sourceId\n    title\n    pageUrl\n    url\n    headingPath\n    snippet\n    referenced\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnswerImageFields on AnswerImage {\n    id\n    imageUrl\n    pageUrl\n    alt\n    caption\n    thumbnailUrl\n  }\n"): (typeof documents)["\n  fragment AnswerImageFields on AnswerImage {\n    id\n    imageUrl\n    pageUrl\n    alt\n    caption\n    thumbnailUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatMessageViewFields on ChatMessage {\n    id\n    conversationId\n    role\n    text\n    status\n    createdAt\n    author {\n      id\n      displayName\n    }\n    citations {\n      ...CitationFields\n    }\n    images {\n      ...AnswerImageFields\n    }\n    confidence\n    handoffSuggested\n    fallback\n    feedback {\n      rating\n      comment\n    }\n    lastSeq\n  }\n"): (typeof documents)["\n  fragment ChatMessageViewFields on ChatMessage {\n    id\n    conversationId\n    role\n    text\n    status\n    createdAt\n    author {\n      id\n      displayName\n    }\n    citations {\n      ...CitationFields\n    }\n    images {\n      ...AnswerImageFields\n    }\n    confidence\n    handoffSuggested\n    fallback\n    feedback {\n      rating\n      comment\n    }\n    lastSeq\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationSummaryFields on Conversation {\n    id\n    status\n    title\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ConversationSummaryFields on Conversation {\n    id\n    status\n    title\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      lastSeq\n      messages(first: 50) {\n        messages {\n          ...ChatMessageViewFields\n        }\n        nextCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationSummaryFields\n      lastSeq\n      messages(first: 50) {\n        messages {\n          ...ChatMessageViewFields\n        }\n        nextCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageStream($conversationId: ID!, $afterSeq: Int) {\n    messageStream(conversationId: $conversationId, afterSeq: $afterSeq) {\n      seq\n      kind\n      conversationId\n      messageId\n      text\n      citations {\n        ...CitationFields\n      }\n      images {\n        ...AnswerImageFields\n      }\n      status\n      confidence\n      handoffSuggested\n      fallback\n      conversationStatus\n      message {\n        ...ChatMessageViewFields\n      }\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription MessageStream($conversationId: ID!, $afterSeq: Int) {\n    messageStream(conversationId: $conversationId, afterSeq: $afterSeq) {\n      seq\n      kind\n      conversationId\n      messageId\n      text\n      citations {\n        ...CitationFields\n      }\n      images {\n        ...AnswerImageFields\n      }\n      status\n      confidence\n      handoffSuggested\n      fallback\n      conversationStatus\n      message {\n        ...ChatMessageViewFields\n      }\n      at\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation AgentReply($input: AgentReplyInput!) {\n    agentReply(input: $input) {\n      ...ChatMessageViewFields\n    }\n  }\n"): (typeof documents)["\n  mutation AgentReply($input: AgentReplyInput!) {\n    agentReply(input: $input) {\n      ...ChatMessageViewFields\n    }\n  }\n"];
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
export function graphql(source: "\n  query CrawlRuns($sourceId: ID!, $first: Int!) {\n    crawlRuns(sourceId: $sourceId, first: $first) {\n      ...CrawlRunFields\n    }\n  }\n"): (typeof documents)["\n  query CrawlRuns($sourceId: ID!, $first: Int!) {\n    crawlRuns(sourceId: $sourceId, first: $first) {\n      ...CrawlRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CrawlProgress($sourceId: ID!) {\n    crawlProgress(sourceId: $sourceId) {\n      ...CrawlProgressFields\n    }\n  }\n"): (typeof documents)["\n  subscription CrawlProgress($sourceId: ID!) {\n    crawlProgress(sourceId: $sourceId) {\n      ...CrawlProgressFields\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment AdminMemberFields on Member {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n      email\n      emailVerified\n    }\n  }\n"): (typeof documents)["\n  fragment AdminMemberFields on Member {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n      email\n      emailVerified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMembers($first: Int!, $offset: Int!) {\n    members(first: $first, offset: $offset) {\n      ...AdminMemberFields\n    }\n  }\n"): (typeof documents)["\n  query AdminMembers($first: Int!, $offset: Int!) {\n    members(first: $first, offset: $offset) {\n      ...AdminMemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangeRole($userId: ID!, $role: Role!) {\n    changeRole(userId: $userId, role: $role) {\n      ...AdminMemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminChangeRole($userId: ID!, $role: Role!) {\n    changeRole(userId: $userId, role: $role) {\n      ...AdminMemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation AdminRemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRolePermissions {\n    rolePermissions {\n      role\n      permissions\n      isDefault\n    }\n  }\n"): (typeof documents)["\n  query AdminRolePermissions {\n    rolePermissions {\n      role\n      permissions\n      isDefault\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetRolePermissions($role: Role!, $permissions: [String!]!) {\n    setRolePermissions(role: $role, permissions: $permissions) {\n      role\n      permissions\n      isDefault\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetRolePermissions($role: Role!, $permissions: [String!]!) {\n    setRolePermissions(role: $role, permissions: $permissions) {\n      role\n      permissions\n      isDefault\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    role\n    scopes\n    expiresAt\n    revokedAt\n    lastUsedAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    role\n    scopes\n    expiresAt\n    revokedAt\n    lastUsedAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminApiKeys {\n    apiKeys {\n      ...AdminApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  query AdminApiKeys {\n    apiKeys {\n      ...AdminApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditLog($filter: AuditLogFilter, $after: String, $first: Int!) {\n    auditLog(filter: $filter, after: $after, first: $first) {\n      entries {\n        id\n        action\n        actorType\n        actorId\n        targetType\n        targetId\n        outcome\n        ip\n        detail\n        createdAt\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditLog($filter: AuditLogFilter, $after: String, $first: Int!) {\n    auditLog(filter: $filter, after: $after, first: $first) {\n      entries {\n        id\n        action\n        actorType\n        actorId\n        targetType\n        targetId\n        outcome\n        ip\n        detail\n        createdAt\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsOverviewFigures($period: AnalyticsPeriod!, $sourceId: ID) {\n    analyticsOverview(period: $period, sourceId: $sourceId) {\n      from\n      to\n      sourceId\n      questions\n      answered\n      unanswered\n      failed\n      answerRate\n      cacheHits\n      conversations\n      averageConfidence\n      thumbsUp\n      thumbsDown\n      satisfaction\n      handoffs\n      timeToFirstTokenMs {\n        p50\n        p95\n      }\n      totalTimeMs {\n        p50\n        p95\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsOverviewFigures($period: AnalyticsPeriod!, $sourceId: ID) {\n    analyticsOverview(period: $period, sourceId: $sourceId) {\n      from\n      to\n      sourceId\n      questions\n      answered\n      unanswered\n      failed\n      answerRate\n      cacheHits\n      conversations\n      averageConfidence\n      thumbsUp\n      thumbsDown\n      satisfaction\n      handoffs\n      timeToFirstTokenMs {\n        p50\n        p95\n      }\n      totalTimeMs {\n        p50\n        p95\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsVolume($period: AnalyticsPeriod!, $interval: VolumeInterval!, $sourceId: ID) {\n    questionVolume(period: $period, interval: $interval, sourceId: $sourceId) {\n      start\n      questions\n      answered\n      unanswered\n      handoffs\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsVolume($period: AnalyticsPeriod!, $interval: VolumeInterval!, $sourceId: ID) {\n    questionVolume(period: $period, interval: $interval, sourceId: $sourceId) {\n      start\n      questions\n      answered\n      unanswered\n      handoffs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsTopQuestions($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {\n    topQuestions(period: $period, sourceId: $sourceId, limit: $limit) {\n      representative\n      count\n      answered\n      examples\n      lastAskedAt\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsTopQuestions($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {\n    topQuestions(period: $period, sourceId: $sourceId, limit: $limit) {\n      representative\n      count\n      answered\n      examples\n      lastAskedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsContentGaps($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!, $pagesPerGap: Int!) {\n    contentGaps(period: $period, sourceId: $sourceId, limit: $limit, pagesPerGap: $pagesPerGap) {\n      representative\n      count\n      examples\n      lastAskedAt\n      suggestedPages {\n        pageUrl\n        url\n        title\n        sourceId\n        bestRelevance\n        retrievals\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsContentGaps($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!, $pagesPerGap: Int!) {\n    contentGaps(period: $period, sourceId: $sourceId, limit: $limit, pagesPerGap: $pagesPerGap) {\n      representative\n      count\n      examples\n      lastAskedAt\n      suggestedPages {\n        pageUrl\n        url\n        title\n        sourceId\n        bestRelevance\n        retrievals\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsSourceCoverage($period: AnalyticsPeriod!, $sourceId: ID!, $limit: Int!) {\n    sourceCoverage(period: $period, sourceId: $sourceId, limit: $limit) {\n      sourceId\n      pagesIndexed\n      lastCrawlAt\n      pagesCited\n      pagesRetrieved\n      coverage\n      pages {\n        pageUrl\n        title\n        citations\n        retrievals\n        lastCitedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsSourceCoverage($period: AnalyticsPeriod!, $sourceId: ID!, $limit: Int!) {\n    sourceCoverage(period: $period, sourceId: $sourceId, limit: $limit) {\n      sourceId\n      pagesIndexed\n      lastCrawlAt\n      pagesCited\n      pagesRetrieved\n      coverage\n      pages {\n        pageUrl\n        title\n        citations\n        retrievals\n        lastCitedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsApiUsage($period: AnalyticsPeriod!) {\n    apiUsage(period: $period) {\n      apiKeyId\n      role\n      requests\n      rateLimited\n      firstHour\n      lastHour\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsApiUsage($period: AnalyticsPeriod!) {\n    apiUsage(period: $period) {\n      apiKeyId\n      role\n      requests\n      rateLimited\n      firstHour\n      lastHour\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsApiKeyNames {\n    apiKeys {\n      id\n      name\n      prefix\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsApiKeyNames {\n    apiKeys {\n      id\n      name\n      prefix\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsCrawlHistory($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {\n    crawlHistory(period: $period, sourceId: $sourceId, limit: $limit) {\n      runId\n      sourceId\n      status\n      startedAt\n      finishedAt\n      durationMs\n      discovered\n      fetched\n      indexed\n      skipped\n      failed\n      imagesIndexed\n      imagesFailed\n      failedByReason {\n        reason\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsCrawlHistory($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {\n    crawlHistory(period: $period, sourceId: $sourceId, limit: $limit) {\n      runId\n      sourceId\n      status\n      startedAt\n      finishedAt\n      durationMs\n      discovered\n      fetched\n      indexed\n      skipped\n      failed\n      imagesIndexed\n      imagesFailed\n      failedByReason {\n        reason\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsExportCsv($period: AnalyticsPeriod!, $sourceId: ID, $report: AnalyticsReport!) {\n    exportAnalyticsCsv(period: $period, sourceId: $sourceId, report: $report)\n  }\n"): (typeof documents)["\n  query AnalyticsExportCsv($period: AnalyticsPeriod!, $sourceId: ID, $report: AnalyticsReport!) {\n    exportAnalyticsCsv(period: $period, sourceId: $sourceId, report: $report)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnalyticsCounterFields on AnalyticsCounters {\n    day\n    questions\n    answered\n    unanswered\n    handoffs\n    thumbsUp\n    thumbsDown\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment AnalyticsCounterFields on AnalyticsCounters {\n    day\n    questions\n    answered\n    unanswered\n    handoffs\n    thumbsUp\n    thumbsDown\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsCountersToday {\n    analyticsCounters {\n      ...AnalyticsCounterFields\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsCountersToday {\n    analyticsCounters {\n      ...AnalyticsCounterFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AnalyticsCountersLive {\n    analyticsCounters {\n      ...AnalyticsCounterFields\n    }\n  }\n"): (typeof documents)["\n  subscription AnalyticsCountersLive {\n    analyticsCounters {\n      ...AnalyticsCounterFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsSources($first: Int!) {\n    sources(first: $first) {\n      id\n      name\n      startUrl\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsSources($first: Int!) {\n    sources(first: $first) {\n      id\n      name\n      startUrl\n    }\n  }\n"];
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
export function graphql(source: "\n  query Conversations($first: Int!, $after: String) {\n    conversations(first: $first, after: $after) {\n      conversations {\n        ...ConversationSummaryFields\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query Conversations($first: Int!, $after: String) {\n    conversations(first: $first, after: $after) {\n      conversations {\n        ...ConversationSummaryFields\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KnowledgeAvailable {\n    knowledgeAvailable\n  }\n"): (typeof documents)["\n  query KnowledgeAvailable {\n    knowledgeAvailable\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboxConversationFields on Conversation {\n    id\n    status\n    title\n    createdAt\n    updatedAt\n    escalatedAt\n    closedAt\n    customer {\n      id\n      displayName\n    }\n    assignedAgent {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment InboxConversationFields on Conversation {\n    id\n    status\n    title\n    createdAt\n    updatedAt\n    escalatedAt\n    closedAt\n    customer {\n      id\n      displayName\n    }\n    assignedAgent {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxConversations($status: ConversationStatus, $after: String, $first: Int!) {\n    conversations(status: $status, after: $after, first: $first) {\n      conversations {\n        ...InboxConversationFields\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query InboxConversations($status: ConversationStatus, $after: String, $first: Int!) {\n    conversations(status: $status, after: $after, first: $first) {\n      conversations {\n        ...InboxConversationFields\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxConversation($id: ID!) {\n    conversation(id: $id) {\n      ...InboxConversationFields\n      customer {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query InboxConversation($id: ID!) {\n    conversation(id: $id) {\n      ...InboxConversationFields\n      customer {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InboxConversationUpdated {\n    conversationUpdated {\n      ...InboxConversationFields\n    }\n  }\n"): (typeof documents)["\n  subscription InboxConversationUpdated {\n    conversationUpdated {\n      ...InboxConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxCloseConversation($id: ID!) {\n    closeConversation(id: $id) {\n      ...InboxConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation InboxCloseConversation($id: ID!) {\n    closeConversation(id: $id) {\n      ...InboxConversationFields\n    }\n  }\n"];
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
export function graphql(source: "\n  query SourcePages($sourceId: ID!, $after: String, $first: Int!) {\n    sourcePages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        url\n        title\n        language\n        chunkCount\n        lastModified\n        indexedAt\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query SourcePages($sourceId: ID!, $after: String, $first: Int!) {\n    sourcePages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        url\n        title\n        language\n        chunkCount\n        lastModified\n        indexedAt\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourceImages($sourceId: ID!, $after: String, $first: Int!) {\n    sourceImages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        id\n        imageUrl\n        pageUrl\n        alt\n        caption\n        thumbnailUrl\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query SourceImages($sourceId: ID!, $after: String, $first: Int!) {\n    sourceImages(sourceId: $sourceId, after: $after, first: $first) {\n      items {\n        id\n        imageUrl\n        pageUrl\n        alt\n        caption\n        thumbnailUrl\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSource($id: ID!, $input: SourceSettingsInput!) {\n    updateSource(id: $id, input: $input) {\n      ...SourceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSource($id: ID!, $input: SourceSettingsInput!) {\n    updateSource(id: $id, input: $input) {\n      ...SourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSource($id: ID!) {\n    deleteSource(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSource($id: ID!) {\n    deleteSource(id: $id)\n  }\n"];
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
export function graphql(source: "\n  fragment WidgetSettingsFields on WidgetSettings {\n    organizationId\n    enabled\n    allowedOrigins\n  }\n"): (typeof documents)["\n  fragment WidgetSettingsFields on WidgetSettings {\n    organizationId\n    enabled\n    allowedOrigins\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadWidgetSettings {\n    widgetSettings {\n      ...WidgetSettingsFields\n    }\n  }\n"): (typeof documents)["\n  query ReadWidgetSettings {\n    widgetSettings {\n      ...WidgetSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWidgetSettings($input: WidgetSettingsInput!) {\n    updateWidgetSettings(input: $input) {\n      ...WidgetSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWidgetSettings($input: WidgetSettingsInput!) {\n    updateWidgetSettings(input: $input) {\n      ...WidgetSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartVisitorSession($organizationId: ID!, $pageOrigin: String) {\n    startVisitorSession(organizationId: $organizationId, pageOrigin: $pageOrigin) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartVisitorSession($organizationId: ID!, $pageOrigin: String) {\n    startVisitorSession(organizationId: $organizationId, pageOrigin: $pageOrigin) {\n      ...AuthPayloadFields\n    }\n  }\n"];
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