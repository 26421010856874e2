import { baseEnvSchema, port } from '@scs/runtime/config';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** Everything the LLM server reads from its environment (validated once at start-up). */
export const llmServerEnvSchema = baseEnvSchema.extend({
  LLM_SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  LLM_SERVER_PORT: port(4020),
  /** The GGUF file to serve (`infra/models/provision-llm-model` writes the default one). */
  LLM_MODEL_PATH: z.string().min(1),
  /** The model id clients send and `/v1/models` lists. */
  LLM_MODEL_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._:/-]{1,128}$/, 'must be 1-128 letters, digits or ._:/-')
    .default('qwen2.5-coder-1.5b-instruct'),
  /** When set, every /v1 request needs `Authorization: Bearer <key>`. */
  LLM_SERVER_API_KEY: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** auto: CUDA or Vulkan when the host has a usable GPU, else CPU. */
  LLM_GPU: z.enum(['auto', 'cpu', 'cuda', 'vulkan']).default('auto'),
  /** Layers offloaded to the GPU: auto (what fits), max, or a number. */
  LLM_GPU_LAYERS: z.union([z.enum(['auto', 'max']), z.coerce.number().int().min(0)]).default('auto'),
  /** Context window of each concurrent sequence, in tokens (prompt + completion). */
  LLM_CONTEXT_SIZE: z.coerce.number().int().min(256).default(8192),
  /** Requests generated at the same time (sequences of one context, evaluated in shared batches). */
  LLM_PARALLEL: positiveInt(2),
  /** Requests that may wait for a free sequence; beyond that the server answers 429. */
  LLM_QUEUE_SIZE: z.coerce.number().int().min(0).default(32),
  /** How long a request may wait for a free sequence before it is answered 503. */
  LLM_QUEUE_TIMEOUT_MS: positiveInt(120_000),
  /** CPU threads for evaluation; 0 = one per physical core that llama.cpp detects. */
  LLM_THREADS: z.coerce.number().int().min(0).default(0),
  /** Largest request body accepted (413 beyond). */
  LLM_MAX_BODY_BYTES: positiveInt(1024 * 1024),
  /** Hard limits per request, refused with a 400 naming the parameter: tokens to generate (also the default when a request sets none), */
  LLM_MAX_TOKENS: positiveInt(1024),
  /** messages in one request, */
  LLM_MAX_MESSAGES: positiveInt(64),
  /** and characters of all messages' text together (the prompt's length before the chat template). */
  LLM_MAX_PROMPT_CHARS: positiveInt(32_000),
  /** Temperature when a request sets none (OpenAI's default is 1). */
  LLM_DEFAULT_TEMPERATURE: z.coerce.number().min(0).max(2).default(1),
});

export type LlmServerConfig = z.infer<typeof llmServerEnvSchema>;
