import type { Permission } from './permissions.js';

/**
 * What an operation requires:
 * - `public`: anyone, signed in or not (sign-in, registration, password reset);
 * - `authenticated`: any signed-in person or API key, whatever its permissions;
 * - permissions: a principal whose role in the organization grants at least one of them;
 * - `gateway`: only the gateway itself (internal fields, hidden from the public schema with @inaccessible).
 */
export type Requirement = { public: true } | { authenticated: true } | { permissions: readonly Permission[] } | { gateway: true };

const open: Requirement = { public: true };
const signedIn: Requirement = { authenticated: true };
/** Any one of the permissions suffices. */
const needs = (...permissions: Permission[]): Requirement => ({ permissions });
const gatewayOnly: Requirement = { gateway: true };

/**
 * THE policy table: every root field of the supergraph, by schema coordinate, and what it needs.
 * Subgraphs enforce it on every request, the gateway enforces it for subscriptions, the SDL shows it,
 * and the RBAC matrix test fails when a root field has no entry here. A field missing from this
 * table is refused to everyone.
 */
export const POLICY: Readonly<Record<string, Requirement>> = {
  // users: session
  'Mutation.register': open,
  'Mutation.login': open,
  'Mutation.refreshSession': open,
  'Mutation.logout': open,
  'Mutation.verifyEmail': open,
  'Mutation.requestPasswordReset': open,
  'Mutation.resetPassword': open,
  'Mutation.acceptInvitation': open,
  'Query.me': signedIn,
  'Mutation.switchOrganization': signedIn,
  'Mutation.createOrganization': signedIn,
  // users: people and roles
  // Same visibility as a reference to the user from another subgraph (a message's author): members of the organization.
  'Query.user': signedIn,
  'Query.users': needs('user:read'),
  'Query.members': needs('user:read'),
  'Mutation.inviteUser': needs('user:manage'),
  'Mutation.changeRole': needs('user:manage'),
  'Mutation.removeMember': needs('user:manage'),
  'Query.rolePermissions': needs('role:manage'),
  'Mutation.setRolePermissions': needs('role:manage'),
  // users: API keys and audit
  'Query.apiKeys': needs('apikey:manage'),
  'Mutation.createApiKey': needs('apikey:manage'),
  'Mutation.revokeApiKey': needs('apikey:manage'),
  'Query.auditLog': needs('audit:read'),
  // users: the embeddable chat widget. Its settings are a public credential of the organization, like API keys;
  // anyone on an allowed site may start a visitor session (a new customer), refused when the widget is off.
  'Query.widgetSettings': needs('apikey:manage'),
  'Mutation.updateWidgetSettings': needs('apikey:manage'),
  'Mutation.startVisitorSession': open,
  // Where the widget panel may be framed (its allowed origins): as public as the snippet; the web server asks it.
  'Query.widgetFrameAncestors': open,
  // users: internal, called by the gateway while it authenticates a request
  'Query._gatewayRolePermissions': gatewayOnly,
  'Query._gatewayAuthenticateApiKey': gatewayOnly,
  // knowledge: sources
  'Query.sources': needs('source:read'),
  'Query.source': needs('source:read'),
  'Query.sourcePages': needs('source:read'),
  'Query.sourceChunks': needs('source:read'),
  'Query.sourceImages': needs('source:read'),
  // Whether there is content to answer from: the chat tells those who ask when there is none yet.
  'Query.knowledgeAvailable': needs('chat:ask', 'source:read'),
  'Mutation.addSource': needs('source:write'),
  'Mutation.updateSource': needs('source:write'),
  'Mutation.deleteSource': needs('source:write'),
  // knowledge: crawls
  'Mutation.startCrawl': needs('crawl:run'),
  'Mutation.pauseCrawl': needs('crawl:run'),
  'Mutation.resumeCrawl': needs('crawl:run'),
  'Mutation.cancelCrawl': needs('crawl:run'),
  'Query.crawlRuns': needs('source:read'),
  'Subscription.crawlProgress': needs('source:read'),
  // knowledge: retrieval (`_retrieve` is chat's, on behalf of someone asking; hidden from the public schema)
  'Query.search': needs('search:query'),
  'Query._retrieve': needs('chat:ask'),
  'Query._rankSentences': needs('chat:ask'),
  // operations
  'Query.systemStatus': needs('system:read'),
  // chat
  // Which conversations: own ones, or all of the organization with conversation:read:any (chat decides per record).
  'Query.chatMessage': needs('conversation:read:own', 'conversation:read:any'),
  'Query.chatMessages': needs('conversation:read:own', 'conversation:read:any'),
  'Query.conversation': needs('conversation:read:own', 'conversation:read:any'),
  'Query.conversations': needs('conversation:read:own', 'conversation:read:any'),
  'Mutation.postMessage': needs('chat:ask'),
  'Mutation.sendMessage': needs('chat:ask'),
  // Stop and close: the conversation's customer (chat:ask) or an agent (conversation:reply); chat checks which conversation.
  'Mutation.stopGeneration': needs('chat:ask', 'conversation:reply'),
  'Mutation.closeConversation': needs('chat:ask', 'conversation:reply'),
  'Mutation.rateAnswer': needs('chat:ask'),
  'Mutation.escalate': needs('chat:ask', 'conversation:reply'),
  'Mutation.agentReply': needs('conversation:reply'),
  'Subscription.messageAdded': needs('conversation:read:own', 'conversation:read:any'),
  // The gateway also asks chat (`conversation(id)`) whether the subscriber may read that conversation.
  'Subscription.messageStream': needs('conversation:read:own', 'conversation:read:any'),
  'Subscription.conversationUpdated': needs('conversation:read:any'),
  // analytics: dashboards of the caller's organization
  'Query.analyticsOverview': needs('analytics:read'),
  'Query.questionVolume': needs('analytics:read'),
  'Query.topQuestions': needs('analytics:read'),
  'Query.contentGaps': needs('analytics:read'),
  'Query.sourceCoverage': needs('analytics:read'),
  'Query.apiUsage': needs('analytics:read'),
  'Query.crawlHistory': needs('analytics:read'),
  'Query.exportAnalyticsCsv': needs('analytics:read'),
  'Query.analyticsCounters': needs('analytics:read'),
  'Subscription.analyticsCounters': needs('analytics:read'),
};

/**
 * Reading the schema: introspection (`__schema`, `__type`) needs `schema:introspect` (partner and
 * service keys), on HTTP and WebSocket alike and whatever NODE_ENV says; "Did you mean …?" hints,
 * which map the schema by guessing, are shown to no one. The public SDL is schema/api.graphql.
 */
export const SCHEMA_INTROSPECTION: Requirement = needs('schema:introspect');

export function requirementFor(coordinate: string): Requirement | undefined {
  return POLICY[coordinate];
}

/** One sentence for the SDL description, so partners reading the schema see what each operation needs. */
export function describeRequirement(requirement: Requirement): string {
  if ('public' in requirement) return 'Access: public.';
  if ('authenticated' in requirement) return 'Access: any signed-in user or API key.';
  if ('gateway' in requirement) return 'Access: the gateway only (internal).';
  return requirement.permissions.length === 1
    ? `Access: requires the \`${requirement.permissions[0]}\` permission.`
    : `Access: requires one of the permissions ${requirement.permissions.map((p) => `\`${p}\``).join(', ')}.`;
}
