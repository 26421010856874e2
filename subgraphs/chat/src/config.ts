import { analyticsEnvSchema } from '@scs/contracts/analytics-events';
import { baseEnvSchema, databaseEnvSchema, identityEnvSchema, port, redisEnvSchema } from '@scs/runtime/config';
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
    /** The model to ask for; unset: the first one the server lists (the bundled LLM server serves one). */
    OPENAI_MODEL: optionalSecret,
    /** How long one LLM request may take before it is given up. */
    OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
    /** The knowledge subgraph's own endpoint, for retrieval (`_retrieve`), called with the asker's identity. */
    KNOWLEDGE_SUBGRAPH_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4002/graphql'),
    /**
     * Below this cosine relevance of the best passage the bot says it does not know and offers a
     * person without asking the model; above it the model decides (it declines with a fixed phrase).
     * Calibrated on the quality eval (docs/quality.md).
     */
    CHAT_RELEVANCE_FLOOR: z.coerce.number().min(0).max(1).default(0.3),
    /** Passages below this relevance are not put into the prompt. */
    CHAT_CONTEXT_MIN_RELEVANCE: z.coerce.number().min(0).max(1).default(0.25),
    /** At most this many documents in the prompt. */
    CHAT_CONTEXT_MAX_DOCUMENTS: z.coerce.number().int().min(1).max(10).default(3),
    /** Sentences scoring this much below the best one (cosine) are left out of the prompt. */
    CHAT_SENTENCE_MARGIN: z.coerce.number().min(0).max(1).default(0.2),
    /**
     * When the LLM server has written nothing after this long (or cannot be reached), the answer
     * quotes the best passage instead, marked as a fallback.
     */
    CHAT_LLM_FIRST_TOKEN_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
    /** Passages retrieved per question. */
    CHAT_RETRIEVAL_LIMIT: z.coerce.number().int().min(1).max(50).default(8),
    /** Token budget for the documents' text in the prompt (four characters per token): the prompt's length is the time to the first word on a CPU. */
    CHAT_CONTEXT_TOKEN_BUDGET: z.coerce.number().int().min(25).default(200),
    CHAT_MAX_ANSWER_TOKENS: z.coerce.number().int().min(1).default(200),
    /** 0: greedy decoding — the same documents give the same answer (a support answer wants no creativity). */
    CHAT_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
    /** Identical standalone questions per organization (and role) are answered from Redis for this long. */
    CHAT_ANSWER_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(86_400),
    /** How often a running answer's text is written to PostgreSQL. */
    CHAT_PERSIST_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
    /** A generation's lease in Redis; a `generating` message without one is marked failed by the sweep. */
    CHAT_GENERATION_LEASE_MS: z.coerce.number().int().min(1000).default(15_000),
    CHAT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(500).default(10_000),
  });

export type ChatConfig = z.infer<typeof chatEnvSchema>;
