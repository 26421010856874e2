import { GraphQLError } from 'graphql';

/** The error codes clients can rely on. Anything else reaches them as INTERNAL_SERVER_ERROR. */
export const PUBLIC_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'RATE_LIMITED',
  /** A fixed limit of the connection, not a rate: too many operations at once on one WebSocket or for one principal. */
  'LIMIT_EXCEEDED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
] as const;

// No HTTP status is attached here: a subgraph answers 200 with errors, and the gateway chooses
// the status clients see (see `httpStatusFor`). A non-2xx subgraph answer would be a transport failure.

export function unauthenticated(message = 'You must sign in to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message = 'You do not have permission to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function rateLimited(retryAfterSeconds: number, message = 'Too many requests; try again later.'): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  return new GraphQLError(message, { extensions: { code: 'RATE_LIMITED', retryAfter } });
}

/** The HTTP status for a response refused as a whole with this error code, and its headers. */
export function httpStatusFor(extensions: Record<string, unknown> | undefined): { status: number; headers: [string, string][] } | undefined {
  switch (extensions?.code) {
    case 'UNAUTHENTICATED':
      return { status: 401, headers: [] };
    case 'FORBIDDEN':
      return { status: 403, headers: [] };
    case 'RATE_LIMITED':
      return { status: 429, headers: [['retry-after', String(extensions.retryAfter ?? 1)]] };
    default:
      return undefined;
  }
}

/** Removes "Did you mean …?" hints, which would let a caller map the schema by guessing. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [^?]*\?/g, '').trim();
}
