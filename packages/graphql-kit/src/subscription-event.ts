import type { SubscriptionEvent } from '@scs/contracts/subscription-topics';
import { getMetadataStorage } from 'type-graphql';

/** The GraphQL name of a type-graphql object class (`UserReference` is `User`), or undefined. */
function graphqlTypeName(target: unknown): string | undefined {
  if (typeof target !== 'function') return undefined;
  return getMetadataStorage().objectTypes.find((type) => type.target === target)?.name;
}

/**
 * A value of the API, as a subscription event carries it: built from the same object the query
 * resolvers return (`ChatMessage.from(record)`), so a type has one serialiser for queries and
 * events. Objects of type-graphql classes get their `__typename` (the gateway completes an event
 * from it), dates become ISO strings (what DateTimeISO serialises to), enums stay their names.
 */
export function asEventValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(asEventValue);
  if (typeof value !== 'object') return value;
  const typename = graphqlTypeName(value.constructor);
  const fields = Object.entries(value)
    .filter(([, field]) => field !== undefined)
    .map(([key, field]) => [key, asEventValue(field)]);
  return { ...(typename ? { __typename: typename } : {}), ...Object.fromEntries(fields) };
}

/** An object of the API as a subscription event: `asEventValue` for an instance of a type-graphql class. */
export function asSubscriptionEvent(value: object): SubscriptionEvent {
  const event = asEventValue(value) as Partial<SubscriptionEvent>;
  if (typeof event.__typename !== 'string') throw new TypeError(`${value.constructor.name} is no GraphQL object type`);
  return event as SubscriptionEvent;
}
