import { z } from 'zod';
import { invalidRequest, type ApiError } from './errors.js';

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const contentPart = z.object({ type: z.string(), text: z.string().optional() }).loose();
const messageContent = z.union([z.string(), z.array(contentPart)]).nullish();

const message = z
  .object({
    role: z.enum(['system', 'developer', 'user', 'assistant']),
    content: messageContent,
    name: z.string().optional(),
  })
  .loose();

/** The fields of `POST /v1/chat/completions` this server honours; unknown fields are ignored, as most OpenAI-compatible servers do. */
export const chatCompletionRequestSchema = z
  .object({
    model: z.string().min(1),
    messages: z.array(message).min(1),
    stream: nullish(z.boolean()),
    stream_options: nullish(z.object({ include_usage: nullish(z.boolean()) }).loose()),
    max_tokens: nullish(z.number().int().min(1)),
    max_completion_tokens: nullish(z.number().int().min(1)),
    temperature: nullish(z.number().min(0).max(2)),
    top_p: nullish(z.number().min(0).max(1)),
    stop: nullish(z.union([z.string(), z.array(z.string()).max(4)])),
    seed: nullish(z.number().int()),
    n: nullish(z.number().int().min(1).max(128)),
    frequency_penalty: nullish(z.number().min(-2).max(2)),
    presence_penalty: nullish(z.number().min(-2).max(2)),
    logprobs: nullish(z.boolean()),
    tools: nullish(z.array(z.unknown())),
    response_format: nullish(z.object({ type: z.string() }).loose()),
    user: nullish(z.string()),
  })
  .loose();

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** One message, reduced to what a chat template needs. */
export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  text: string;
}

/** A validated request, in the terms the engine uses. */
export interface ChatCompletionParams {
  model: string;
  turns: ChatTurn[];
  stream: boolean;
  includeUsage: boolean;
  maxTokens: number | undefined;
  temperature: number;
  topP: number | undefined;
  stop: string[];
  seed: number | undefined;
  frequencyPenalty: number | undefined;
  presencePenalty: number | undefined;
}

/** `messages[0].content` style, as OpenAI names parameters in its errors. */
function paramName(path: PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');
}

/** Validates a parsed JSON body; throws an OpenAI-shaped 400 naming the first offending parameter. */
export interface RequestLimits {
  temperature: number;
  /** Most tokens one request may ask for (and what it gets when it asks for none). */
  maxTokens: number;
  maxMessages: number;
  /** Most characters of message text in one request, all messages together. */
  maxPromptChars: number;
}

export function parseChatCompletionRequest(body: unknown, defaults: RequestLimits): ChatCompletionParams {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidRequest('The request body must be a JSON object.');
  const result = chatCompletionRequestSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const param = paramName(issue.path);
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    throw invalidRequest(
      missing ? `Missing required parameter: '${param}'.` : `Invalid value for '${param}': ${issue.message}.`,
      param || null,
      missing ? 'missing_required_parameter' : 'invalid_value',
    );
  }
  const r = result.data;
  const unsupported = (param: string, message: string): ApiError => invalidRequest(message, param, 'unsupported_value');
  if (r.n !== undefined && r.n !== 1) throw unsupported('n', 'This server generates one choice per request: n must be 1.');
  if (r.logprobs) throw unsupported('logprobs', 'logprobs are not supported by this server.');
  if (r.tools && r.tools.length > 0) throw unsupported('tools', 'Tool calling is not supported by this server.');
  if (r.response_format && r.response_format.type !== 'text')
    throw unsupported('response_format', "Only response_format {type: 'text'} is supported by this server.");
  if (r.stream_options && !r.stream) throw invalidRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');

  if (r.messages.length > defaults.maxMessages) {
    throw invalidRequest(
      `Too many messages: ${r.messages.length}; this server accepts at most ${defaults.maxMessages} per request.`,
      'messages',
      'too_many_messages',
    );
  }
  const requestedTokens = r.max_completion_tokens ?? r.max_tokens;
  if (requestedTokens !== undefined && requestedTokens > defaults.maxTokens) {
    const param = r.max_completion_tokens !== undefined ? 'max_completion_tokens' : 'max_tokens';
    throw invalidRequest(
      `Invalid value for '${param}': ${requestedTokens} is more than this server's limit of ${defaults.maxTokens} tokens.`,
      param,
      'max_tokens_exceeded',
    );
  }

  const turns = r.messages.map((m, i): ChatTurn => {
    let text: string;
    if (m.content === null || m.content === undefined) {
      if (m.role !== 'assistant')
        throw invalidRequest(`Missing required parameter: 'messages[${i}].content'.`, `messages[${i}].content`, 'missing_required_parameter');
      text = '';
    } else if (typeof m.content === 'string') {
      text = m.content;
    } else {
      text = m.content
        .map((part, j) => {
          if (part.type !== 'text' || typeof part.text !== 'string') {
            throw unsupported(`messages[${i}].content[${j}].type`, `Content parts of type '${part.type}' are not supported by this server; send text.`);
          }
          return part.text;
        })
        .join('\n');
    }
    return { role: m.role === 'developer' ? 'system' : m.role, text };
  });

  const promptChars = turns.reduce((sum, t) => sum + t.text.length, 0);
  if (promptChars > defaults.maxPromptChars) {
    throw invalidRequest(
      `The messages are too long: ${promptChars} characters; this server accepts at most ${defaults.maxPromptChars} per request.`,
      'messages',
      'prompt_too_long',
    );
  }

  const stop = (typeof r.stop === 'string' ? [r.stop] : (r.stop ?? [])).filter((s) => s.length > 0);
  return {
    model: r.model,
    turns,
    stream: r.stream ?? false,
    includeUsage: r.stream_options?.include_usage ?? false,
    maxTokens: requestedTokens ?? defaults.maxTokens,
    temperature: r.temperature ?? defaults.temperature,
    topP: r.top_p,
    stop,
    seed: r.seed,
    frequencyPenalty: r.frequency_penalty,
    presencePenalty: r.presence_penalty,
  };
}
