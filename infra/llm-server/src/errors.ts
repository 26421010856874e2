/**
 * Errors in the shape the OpenAI API answers with, so OpenAI clients raise their usual exceptions:
 * `{ "error": { "message", "type", "param", "code" } }` with the matching HTTP status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): { error: { message: string; type: string; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export const invalidRequest = (message: string, param: string | null = null, code: string | null = null) =>
  new ApiError(400, message, 'invalid_request_error', code, param);

export const invalidApiKey = () =>
  new ApiError(401, 'Incorrect API key provided. Send it as "Authorization: Bearer <key>".', 'invalid_request_error', 'invalid_api_key');

export const modelNotFound = (model: string) =>
  new ApiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found', 'model');

export const unknownUrl = (method: string, path: string) =>
  new ApiError(404, `Unknown request URL: ${method} ${path}.`, 'invalid_request_error', 'unknown_url');

export const methodNotAllowed = (method: string, path: string, allowed: string) =>
  new ApiError(405, `Method ${method} is not allowed for ${path}; use ${allowed}.`, 'invalid_request_error', 'method_not_allowed', null, { allow: allowed });

export const bodyTooLarge = (limit: number) =>
  new ApiError(413, `The request body is larger than ${limit} bytes.`, 'invalid_request_error', 'request_too_large');

export const queueFull = () =>
  new ApiError(429, 'Too many requests are waiting for the model; retry shortly.', 'requests', 'rate_limit_exceeded', null, { 'retry-after': '1' });

export const queueTimeout = () =>
  new ApiError(503, 'The server is overloaded: no generation slot became free in time; retry shortly.', 'server_error', 'server_overloaded', null, {
    'retry-after': '2',
  });

export const notReady = () => new ApiError(503, 'The model is still loading; retry shortly.', 'server_error', 'model_loading', null, { 'retry-after': '2' });

export const shuttingDown = () =>
  new ApiError(503, 'The server is shutting down; retry shortly.', 'server_error', 'server_shutting_down', null, { 'retry-after': '2' });

export const internalError = () => new ApiError(500, 'The server had an error while processing your request.', 'server_error');
