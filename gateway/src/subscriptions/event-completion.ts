import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  print,
  visit,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * Runs a query through the gateway's own federated executor (query planning, every subgraph,
 * the same plugins as HTTP requests).
 */
export type FederatedExecutor = (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>;

/** Objects fetched through the gateway are keyed by response key (alias), not by field name. */
const BY_RESPONSE_KEY = Symbol('keyed-by-response-key');

type Obj = Record<string | symbol, unknown>;

function markByResponseKey(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(markByResponseKey);
  } else if (value !== null && typeof value === 'object') {
    Object.defineProperty(value, BY_RESPONSE_KEY, { value: true, enumerable: false });
    Object.values(value).forEach(markByResponseKey);
  }
}

/**
 * Field resolver for executing subscription events. Values that came in the event are read by
 * field name, as the publishing subgraph wrote them; values fetched through the gateway are read
 * by response key.
 */
export const eventFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _ctx, info) => {
  if (source === null || typeof source !== 'object') return undefined;
  const obj = source as Obj;
  const key = obj[BY_RESPONSE_KEY] ? (info.fieldNodes[0]?.alias?.value ?? info.fieldName) : info.fieldName;
  return obj[key];
};

function isIncluded(node: FieldNode | { directives?: readonly unknown[] }, variables: Record<string, unknown>): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, variables);
  return include?.if !== false;
}

/**
 * Completes one subscription event against the client's selection. The publishing subgraph
 * puts its own fields in the event and other subgraphs' entities as `{ __typename, id }`
 * references; wherever the selection asks for something the event lacks, the whole entity
 * subtree is fetched with one query through the gateway, so ownership of fields, query
 * planning and authorization stay the gateway's business.
 */
export class EventCompletion {
  constructor(
    private readonly info: GraphQLResolveInfo,
    private readonly lookups: Map<string, string>,
    private readonly execute: FederatedExecutor,
  ) {}

  complete(value: unknown, type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): Promise<unknown> | unknown {
    if (value === null || value === undefined) return value;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (!Array.isArray(value)) throw new GraphQLError(`Subscription event holds a non-list where ${String(type)} is expected.`);
      return Promise.all(value.map((item) => this.complete(item, nullable.ofType, selectionSet)));
    }
    if (!selectionSet || !isCompositeType(nullable)) return value;
    const obj = value as Obj;
    const concrete = isAbstractType(nullable) ? this.info.schema.getType(String(obj.__typename)) : nullable;
    if (!isObjectType(concrete)) throw new GraphQLError(`Subscription event value has no usable __typename for ${nullable.name}.`);
    return this.completeObject(obj, concrete, selectionSet);
  }

  private async completeObject(obj: Obj, type: GraphQLObjectType, selectionSet: SelectionSetNode): Promise<Obj> {
    const fields = this.collectFields(type, selectionSet);
    const missing = [...fields.keys()].filter((name) => name !== '__typename' && obj[name] === undefined);
    if (missing.length > 0) return this.fetchEntity(obj, type, selectionSet, missing);

    const completed: Obj = { ...obj };
    for (const [name, nodes] of fields) {
      if (name === '__typename') continue;
      const field = type.getFields()[name];
      if (!field) continue;
      const merged: SelectionSetNode | undefined = nodes.some((n) => n.selectionSet)
        ? { kind: Kind.SELECTION_SET, selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []) }
        : undefined;
      completed[name] = await this.complete(obj[name], field.type, merged);
    }
    return completed;
  }

  /** Field name → the field nodes selecting it, honouring fragments, type conditions, @skip and @include. */
  private collectFields(type: GraphQLObjectType, selectionSet: SelectionSetNode, into = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> {
    const { fragments, variableValues, schema } = this.info;
    for (const selection of selectionSet.selections) {
      if (!isIncluded(selection, variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        const list = into.get(selection.name.value) ?? [];
        list.push(selection);
        into.set(selection.name.value, list);
        continue;
      }
      const fragment: FragmentDefinitionNode | typeof selection | undefined =
        selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      const applies = condition === type || (condition !== undefined && isAbstractType(condition) && schema.isSubType(condition, type));
      if (applies) this.collectFields(type, fragment.selectionSet, into);
    }
    return into;
  }

  private async fetchEntity(obj: Obj, type: GraphQLObjectType, selectionSet: SelectionSetNode, missing: string[]): Promise<Obj> {
    const lookup = this.lookups.get(type.name);
    if (!lookup || typeof obj.id !== 'string') {
      throw new GraphQLError(`Subscription event lacks ${type.name}.${missing.join(', ')} and ${type.name} has no query field to fetch it by id.`);
    }
    const { query, variableNames } = this.entityQuery(lookup, selectionSet);
    const variables: Record<string, unknown> = { __entityId: obj.id };
    for (const name of variableNames) variables[name] = this.info.variableValues[name];
    const result = await this.execute(query, variables);
    if (result.errors?.length) {
      const first = result.errors[0]!;
      throw new GraphQLError(first.message, { extensions: first.extensions });
    }
    const entity = (result.data as Obj | null | undefined)?.entity;
    if (entity === null || entity === undefined) {
      throw new GraphQLError(`${type.name} ${obj.id} referenced by a subscription event was not found.`);
    }
    markByResponseKey(entity);
    return entity as Obj;
  }

  /**
   * `query($__entityId: ID!, …) { entity: lookup(id: $__entityId) { <client selection> } }` with the
   * fragments and variables that selection uses. `__typename` is added at every level so abstract
   * types in the fetched subtree can be resolved.
   */
  private entityQuery(lookup: string, selectionSet: SelectionSetNode): { query: string; variableNames: string[] } {
    const fragmentNames = new Set<string>();
    const variableNames = new Set<string>();
    const pending: SelectionSetNode[] = [selectionSet];
    while (pending.length > 0) {
      visit(pending.pop()!, {
        FragmentSpread: (node) => {
          if (!fragmentNames.has(node.name.value)) {
            fragmentNames.add(node.name.value);
            const fragment = this.info.fragments[node.name.value];
            if (fragment) pending.push(fragment.selectionSet);
          }
        },
        Variable: (node) => {
          variableNames.add(node.name.value);
        },
      });
    }
    const withTypename = <T extends SelectionSetNode | FragmentDefinitionNode>(node: T): T =>
      visit(node, {
        SelectionSet: (set) => ({
          ...set,
          selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }, ...set.selections],
        }),
      }) as T;
    const definitions: VariableDefinitionNode[] = (this.info.operation.variableDefinitions ?? []).filter((d) => variableNames.has(d.variable.name.value));
    const variableList = ['$__entityId: ID!', ...definitions.map((d) => print(d))].join(', ');
    const fragments = [...fragmentNames].map((name) => this.info.fragments[name]).filter((f) => f !== undefined);
    const query = [
      `query SubscriptionEventEntity(${variableList}) { entity: ${lookup}(id: $__entityId) ${print(withTypename(selectionSet))} }`,
      ...fragments.map((f) => print(withTypename(f))),
    ].join('\n');
    return { query, variableNames: [...variableNames] };
  }
}
