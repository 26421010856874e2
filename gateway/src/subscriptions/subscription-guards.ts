import { forbidden } from '@scs/graphql-kit/auth/errors';
import { getNamedType, GraphQLError, type ExecutionResult, type GraphQLField, type GraphQLSchema } from 'graphql';

/**
 * Record-level checks for subscriptions, beyond the policy table. A subscription field that names
 * a record listens on that record's channel, so before listening the gateway asks the subgraph
 * that owns the record whether the subscriber may read it — generically, by one convention of the
 * schema: the record argument `<record>Id: ID` names the root query field `<record>(id: ID)` that
 * reads it (`messageStream(conversationId)` → `conversation(id)`, `crawlProgress(sourceId)` →
 * `source(id)`), which is null unless you may read it. The gateway runs that query through the
 * federated executor with the subscriber's identity and only obeys the answer: the rule (a
 * customer reads only their own conversations, an agent every one of the organization) lives in
 * the owning subgraph's resolver. A field with an `ID` argument and no such query field is
 * refused to everyone: a new per-record subscription cannot go live without its check.
 */
export interface SubscriptionGuard {
  /** The root query field that reads the record. */
  recordField: string;
  query: string;
  variables: (args: Record<string, unknown>) => Record<string, unknown>;
  allowed: (data: Record<string, unknown> | null | undefined) => boolean;
  /** The NOT_FOUND message when refused: the same whether the record is missing or not the caller's. */
  refusal: string;
}

type FieldShape = Pick<GraphQLField<unknown, unknown>, 'name' | 'args'>;

/** The `ID` arguments of a field: the records it names. */
function recordArguments(field: Pick<GraphQLField<unknown, unknown>, 'args'>) {
  return field.args.filter((arg) => getNamedType(arg.type).name === 'ID');
}

/** True when the field names a record by id, and so needs a guard. */
export function namesARecord(field: Pick<GraphQLField<unknown, unknown>, 'args'>): boolean {
  return recordArguments(field).length > 0;
}

/**
 * The guard of a subscription field, derived from the schema; null when it names no record.
 * Throws when it names one the convention cannot check (more than one, or no query field to read it).
 */
export function guardFor(schema: GraphQLSchema, field: FieldShape): SubscriptionGuard | null {
  const records = recordArguments(field);
  if (records.length === 0) return null;
  const [argument] = records;
  const recordField = records.length === 1 ? /^(.+)Id$/.exec(argument!.name)?.[1] : undefined;
  const reader = recordField ? schema.getQueryType()?.getFields()[recordField] : undefined;
  const idArgument = reader?.args.find((arg) => arg.name === 'id' && getNamedType(arg.type).name === 'ID');
  if (!recordField || !reader || !idArgument) throw forbidden(`Subscription.${field.name} has no record-level check.`);
  const noun = recordField.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return {
    recordField,
    query: `query SubscriptionGuard($id: ${String(idArgument.type)}) { ${recordField}(id: $id) { __typename } }`,
    variables: (args) => ({ id: args[argument!.name] }),
    allowed: (data) => data?.[recordField] != null,
    refusal: `No such ${noun}.`,
  };
}

/**
 * Runs the field's guard: every subscription field passes here before it listens (after the policy
 * table). Throws the refusal (or the guard query's own error).
 */
export async function checkSubscriptionGuard(
  schema: GraphQLSchema,
  field: FieldShape,
  args: Record<string, unknown>,
  execute: (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>,
): Promise<void> {
  const guard = guardFor(schema, field);
  if (!guard) return;
  const result = await execute(guard.query, guard.variables(args));
  const first = result.errors?.[0];
  if (first) throw new GraphQLError(first.message, { extensions: first.extensions });
  if (!guard.allowed(result.data as Record<string, unknown> | null | undefined)) {
    throw new GraphQLError(guard.refusal, { extensions: { code: 'NOT_FOUND' } });
  }
}
