import type { ApolloError } from '@apollo/client/core';

/** The `extensions.code` values the API documents; anything else is treated as an internal error. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'RATE_LIMITED' | 'NOT_FOUND' | (string & {});

/** One error as the API reported it, whichever way it travelled (GraphQL result, HTTP 4xx body, WebSocket). */
export interface GatewayProblem {
  code: ErrorCode | null;
  message: string;
  /** For BAD_USER_INPUT: the input field it is about (`extensions.field`). */
  field?: string;
  /** For RATE_LIMITED: seconds to wait (`extensions.retryAfter`). */
  retryAfter?: number;
}

interface FormattedError {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Problems from one formatted GraphQL error. Two shapes need unwrapping:
 * - a subgraph answer the gateway relayed as "401: Unauthorized" with the real errors under
 *   `extensions.response.body.errors` (older gateways);
 * - type-graphql's "Argument Validation Error", one problem per invalid property.
 */
function fromFormatted(error: FormattedError): GatewayProblem[] {
  const extensions = isObject(error.extensions) ? error.extensions : {};
  const response = extensions.response;
  if (isObject(response) && isObject(response.body) && Array.isArray(response.body.errors) && response.body.errors.length > 0) {
    return (response.body.errors as FormattedError[]).flatMap(fromFormatted);
  }
  const code = typeof extensions.code === 'string' ? extensions.code : null;
  const message = typeof error.message === 'string' ? error.message : 'Unknown error.';
  if (code === 'BAD_USER_INPUT' && Array.isArray(extensions.validationErrors)) {
    const problems = (extensions.validationErrors as unknown[]).flatMap((entry): GatewayProblem[] => {
      if (!isObject(entry) || typeof entry.property !== 'string' || !isObject(entry.constraints)) return [];
      const property = entry.property;
      return Object.values(entry.constraints)
        .filter((text): text is string => typeof text === 'string')
        .map((text) => ({ code, field: property, message: constraintSentence(property, text) }));
    });
    if (problems.length > 0) return problems;
  }
  const problem: GatewayProblem = { code, message };
  if (typeof extensions.field === 'string') problem.field = extensions.field;
  if (typeof extensions.retryAfter === 'number') problem.retryAfter = extensions.retryAfter;
  return [problem];
}

/** "displayName must be 1 to 100 characters" → "Must be 1 to 100 characters." */
function constraintSentence(property: string, text: string): string {
  const rest = text.startsWith(`${property} `) ? text.slice(property.length + 1) : text;
  const sentence = rest.charAt(0).toUpperCase() + rest.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function errorsIn(value: unknown): FormattedError[] {
  return Array.isArray(value) ? (value.filter(isObject) as FormattedError[]) : [];
}

/**
 * Every problem an Apollo error carries: GraphQL errors, the errors in the body of a non-2xx
 * HTTP answer (the gateway answers 401, 403 or 429 when it refuses a whole operation), and
 * errors wrapped in a nested ApolloError (subscriptions over graphql-ws).
 */
export function problemsOf(error: unknown): GatewayProblem[] {
  if (!isObject(error)) return [];
  const problems = errorsIn(error.graphQLErrors).flatMap(fromFormatted);
  const network = error.networkError;
  if (isObject(network)) {
    if (isObject(network.result)) problems.push(...errorsIn(network.result.errors).flatMap(fromFormatted));
    if ('graphQLErrors' in network) problems.push(...problemsOf(network));
  }
  // A bare GraphQL error array (graphql-ws sink errors) or a single formatted error.
  if (problems.length === 0 && Array.isArray(error)) return errorsIn(error).flatMap(fromFormatted);
  return problems;
}

/** The HTTP status of the gateway's answer, when the error came with one. */
export function httpStatusOf(error: unknown): number | undefined {
  if (!isObject(error)) return undefined;
  const network = isObject(error.networkError) ? error.networkError : error;
  return typeof network.statusCode === 'number' ? network.statusCode : undefined;
}

/** The first error code in the error, with 401 counting as UNAUTHENTICATED even without a body. */
export function errorCode(error: unknown): ErrorCode | null {
  const coded = problemsOf(error).find((p) => p.code);
  if (coded) return coded.code;
  const status = httpStatusOf(error);
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  return null;
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return problemsOf(error).some((p) => p.code === code) || errorCode(error) === code;
}

/** The network failed (or the gateway answered without a usable body): worth retrying later. */
export function isTransportFailure(error: unknown): boolean {
  return isObject(error) && isObject(error.networkError) && problemsOf(error).length === 0 && errorCode(error) === null;
}

/** A sentence for people about one problem. The API writes its messages for people; codes fill gaps. */
export function describeProblem(problem: GatewayProblem): string {
  switch (problem.code) {
    case 'RATE_LIMITED':
      return problem.retryAfter ? `Too many attempts. Try again in ${formatSeconds(problem.retryAfter)}.` : 'Too many attempts. Try again in a moment.';
    case 'FORBIDDEN':
      return problem.message || 'You do not have permission to do this.';
    case 'UNAUTHENTICATED':
      return /^\d{3}: /.test(problem.message) ? 'You need to sign in again.' : problem.message;
    case 'INTERNAL_SERVER_ERROR':
      return 'Something went wrong on the server. Try again in a moment.';
    case 'BAD_USER_INPUT':
      return problem.field && problem.message === 'Argument Validation Error' ? `Check the ${problem.field} field.` : problem.message;
    default:
      return problem.message;
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** What the server said when it closed the WebSocket (Apollo turns close events into plain errors). */
const SOCKET_CLOSE = /^Socket closed with event (\d{4})/;
const socketCloseWords: Record<string, string> = {
  '4401': 'Your session expired; sign in again.',
  '4403': 'Your access was revoked; sign in again.',
  '4429': 'Too many requests; live updates paused.',
};

/** A sentence for people: what went wrong talking to the gateway. */
export function describeError(error: ApolloError | Error | unknown): string {
  const problems = problemsOf(error);
  if (problems.length > 0) {
    const sentences = [...new Set(problems.map(describeProblem))];
    return sentences.join(' ');
  }
  const apollo = (isObject(error) ? error : {}) as Partial<ApolloError>;
  const network = apollo.networkError;
  if (network) {
    const status = httpStatusOf(error);
    if (status === 401) return 'You need to sign in again.';
    if (status === 403) return 'You do not have permission to do this.';
    if (status === 429) return 'Too many requests. Try again in a moment.';
    if (status) return `The gateway answered with HTTP ${status}.`;
    const closed = SOCKET_CLOSE.exec(network.message ?? '');
    if (closed) return socketCloseWords[closed[1]!] ?? 'The live connection was closed.';
    // A WebSocket failure arrives as a bare Event, without a message.
    return network.message ? `The gateway could not be reached (${network.message}).` : 'The gateway could not be reached.';
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/**
 * Splits an error for a form: messages for the fields the form shows (BAD_USER_INPUT with
 * `extensions.field`), and one sentence for everything else (null when nothing is left).
 */
export function formErrors<F extends string>(error: unknown, fields: readonly F[]): { fields: Partial<Record<F, string>>; form: string | null } {
  const known = new Set<string>(fields);
  const byField: Partial<Record<F, string>> = {};
  const rest: GatewayProblem[] = [];
  for (const problem of problemsOf(error)) {
    if (problem.code === 'BAD_USER_INPUT' && problem.field && known.has(problem.field)) {
      const field = problem.field as F;
      byField[field] = byField[field] ? `${byField[field]} ${describeProblem(problem)}` : describeProblem(problem);
    } else {
      rest.push(problem);
    }
  }
  const anyField = Object.keys(byField).length > 0;
  let form: string | null = null;
  if (rest.length > 0) form = [...new Set(rest.map(describeProblem))].join(' ');
  else if (!anyField) form = describeError(error);
  return { fields: byField, form };
}
