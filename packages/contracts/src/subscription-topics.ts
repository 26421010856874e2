/**
 * The contract between a subgraph that publishes subscription events and the gateway that
 * delivers them: one Redis channel per organization, subscription field and argument values.
 * Both sides call `subscriptionTopic`, so the naming lives in one place. The organization comes
 * from the subscriber's signed identity, never from arguments, so no one can listen across tenants.
 */
export function subscriptionTopic(field: string, args: Record<string, unknown>, orgId: string): string {
  const parts = Object.keys(args)
    .sort()
    .filter((key) => args[key] !== undefined && args[key] !== null)
    .map((key) => `${key}=${encodeURIComponent(String(args[key]))}`);
  return ['scs', 'org', orgId, 'subscription', field, ...parts].join(':');
}

/**
 * The event a subgraph publishes: the subscription field's value as far as the publishing
 * subgraph can resolve it, in API form (enum values by name, dates as ISO strings). Entities owned by other subgraphs appear as references
 * (`{ __typename, id }`); the gateway fills in their fields through the federated query path.
 */
export type SubscriptionEvent = Record<string, unknown> & { __typename: string };
