import { forbidden } from '@scs/graphql-kit/auth/errors';
import { getNamedType, GraphQLError, type ExecutionResult, type GraphQLField } from 'graphql';

/**
 * Record-level checks for subscriptions, beyond the policy table. A subscription field that names
 * a record (an `ID` argument: one conversation, one source) listens on that record's channel, so
 * before listening the gateway runs the query that reads the record over HTTP, through the
 * federated executor with the subscriber's identity, and the owning subgraph decides (a customer
 * reads only their own conversations, an agent every one of the organization). The gateway only
 * asks. A field with an `ID` argument and no guard here is refused to everyone: a new per-record
 * subscription cannot go live without its check.
 */
export interface SubscriptionGuard {
  query: string;
  variables: (args: Record<string, unknown>) => Record<string, unknown>;
  allowed: (data: Record<string, unknown> | null | undefined) => boolean;
  /** The NOT_FOUND message when refused: the same whether the record is missing or not the caller's. */
  refusal: string;
}

/** The very query a client would send to read one conversation: `conversation(id)` is null unless you may read it. */
const conversationGuard: SubscriptionGuard = {
  query: 'query SubscriptionGuard($id: ID!) { conversation(id: $id) { id } }',
  variables: (args) => ({ id: args.conversationId }),
  allowed: (data) => data?.conversation != null,
  refusal: 'No such conversation.',
};

export const SUBSCRIPTION_GUARDS: Readonly<Record<string, SubscriptionGuard>> = {
  messageStream: conversationGuard,
  messageAdded: conversationGuard,
  crawlProgress: {
    query: 'query SubscriptionGuard($id: ID!) { source(id: $id) { id } }',
    variables: (args) => ({ id: args.sourceId }),
    allowed: (data) => data?.source != null,
    refusal: 'No such source.',
  },
};

/** True when the field names a record by id, and so needs a guard. */
export function namesARecord(field: Pick<GraphQLField<unknown, unknown>, 'args'>): boolean {
  return field.args.some((arg) => getNamedType(arg.type).name === 'ID');
}

/**
 * Runs the field's guard: every subscription field passes here before it listens (after the policy
 * table). Throws the refusal (or the guard query's own error).
 */
export async function checkSubscriptionGuard(
  field: Pick<GraphQLField<unknown, unknown>, 'name' | 'args'>,
  args: Record<string, unknown>,
  execute: (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>,
): Promise<void> {
  const guard = SUBSCRIPTION_GUARDS[field.name];
  if (!guard) {
    if (namesARecord(field)) throw forbidden(`Subscription.${field.name} has no record-level check.`);
    return;
  }
  const result = await execute(guard.query, guard.variables(args));
  const first = result.errors?.[0];
  if (first) throw new GraphQLError(first.message, { extensions: first.extensions });
  if (!guard.allowed(result.data as Record<string, unknown> | null | undefined)) {
    throw new GraphQLError(guard.refusal, { extensions: { code: 'NOT_FOUND' } });
  }
}
