import { GraphQLError, type ExecutionResult } from 'graphql';

/**
 * Checks a subscription needs beyond the policy table, for fields whose channel is per record
 * (one conversation): before listening, the gateway asks the owning subgraph, through the
 * federated executor and with the subscriber's identity, whether the subscriber may see that
 * record. The owning subgraph keeps the rule (a customer reads only their own conversations, an
 * agent every one of the organization), the gateway only asks.
 */
export interface SubscriptionGuard {
  query: string;
  variables: (args: Record<string, unknown>) => Record<string, unknown>;
  allowed: (data: Record<string, unknown> | null | undefined) => boolean;
  /** The NOT_FOUND message when refused: the same whether the record is missing or not the caller's. */
  refusal: string;
}

export const SUBSCRIPTION_GUARDS: Readonly<Record<string, SubscriptionGuard>> = {
  messageStream: {
    query: 'query SubscriptionGuard($id: ID!) { conversation(id: $id) { id } }',
    variables: (args) => ({ id: args.conversationId }),
    allowed: (data) => data?.conversation != null,
    refusal: 'No such conversation.',
  },
};

/** Runs the field's guard, if it has one; throws the refusal (or the guard query's own error). */
export async function checkSubscriptionGuard(
  field: string,
  args: Record<string, unknown>,
  execute: (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>,
): Promise<void> {
  const guard = SUBSCRIPTION_GUARDS[field];
  if (!guard) return;
  const result = await execute(guard.query, guard.variables(args));
  const first = result.errors?.[0];
  if (first) throw new GraphQLError(first.message, { extensions: first.extensions });
  if (!guard.allowed(result.data as Record<string, unknown> | null | undefined)) {
    throw new GraphQLError(guard.refusal, { extensions: { code: 'NOT_FOUND' } });
  }
}
