import { analyticsEnvSchema, baseEnvSchema, databaseEnvSchema, identityEnvSchema, port, redisEnvSchema } from '@scs/shared';
import { z } from 'zod';

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Everything the chat subgraph reads from its environment; validated once at start-up. */
export const chatEnvSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(identityEnvSchema.shape)
  .extend(analyticsEnvSchema.shape)
  .extend({
    CHAT_HOST: z.string().default('127.0.0.1'),
    CHAT_PORT: port(4003),
    /** Any OpenAI-compatible server: vLLM, llama.cpp, Ollama (…/v1), OpenAI itself, or infra/llm-server. */
    OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4020/v1'),
    /** Sent as a bearer token; local servers usually need none. */
    OPENAI_API_KEY: optionalSecret,
    OPENAI_MODEL: z.string().min(1).default('gemma-3-270m'),
    /** How long one LLM request may take before it is given up. */
    OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
    /** The knowledge subgraph's own endpoint, for retrieval (`_retrieve`), called with the asker's identity. */
    KNOWLEDGE_SUBGRAPH_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4002/graphql'),
    /** Below this cosine relevance of the best passage the bot says it does not know and offers a person. */
    CHAT_RELEVANCE_FLOOR: z.coerce.number().min(0).max(1).default(0.35),
    /** Passages retrieved per question. */
    CHAT_RETRIEVAL_LIMIT: z.coerce.number().int().min(1).max(50).default(6),
    /** Token budget for the documents put into the prompt (estimated at four characters per token). */
    CHAT_CONTEXT_TOKEN_BUDGET: z.coerce.number().int().min(100).default(1500),
    CHAT_MAX_ANSWER_TOKENS: z.coerce.number().int().min(1).default(400),
    CHAT_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.2),
    /** Identical standalone questions per organization (and role) are answered from Redis for this long. */
    CHAT_ANSWER_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(86_400),
    /** How often a running answer's text is written to PostgreSQL. */
    CHAT_PERSIST_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
    /** A generation's lease in Redis; a `generating` message without one is marked failed by the sweep. */
    CHAT_GENERATION_LEASE_MS: z.coerce.number().int().min(1000).default(15_000),
    CHAT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(500).default(10_000),
  });

export type ChatConfig = z.infer<typeof chatEnvSchema>;
