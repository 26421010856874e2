import { getNamedType, getNullableType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';

/**
 * Finds, for each object type, a root query field that fetches one of it by id:
 * `someField(id: ID!): Type`. That is how the gateway completes an entity that a subscription
 * event only references. Types without such a field can appear in events only with every
 * selected field present.
 */
export function findEntityLookups(schema: GraphQLSchema): Map<string, string> {
  const lookups = new Map<string, string>();
  const query = schema.getQueryType();
  if (!query) return lookups;
  for (const field of Object.values(query.getFields())) {
    const [arg, ...rest] = field.args;
    if (!arg || rest.length > 0 || arg.name !== 'id') continue;
    if (!isNonNullType(arg.type) || getNullableType(arg.type).toString() !== 'ID') continue;
    const returned = getNullableType(field.type);
    const named = getNamedType(returned);
    if (returned !== named || !isObjectType(named) || lookups.has(named.name)) continue;
    lookups.set(named.name, field.name);
  }
  return lookups;
}
