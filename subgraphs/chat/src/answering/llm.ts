import OpenAI from 'openai';
import type { PromptMessage } from './types.js';

export interface GenerationOptions {
  maxTokens: number;
  temperature: number;
  signal?: AbortSignal;
}

/** What answering needs of a language model: streamed text, or one whole completion. */
export interface LanguageModel {
  stream(messages: PromptMessage[], options: GenerationOptions): AsyncIterable<string>;
  complete(messages: PromptMessage[], options: GenerationOptions): Promise<string>;
}

/**
 * Any OpenAI-compatible chat completions server through the `openai` SDK: vLLM, llama.cpp's
 * server, Ollama (`…/v1`), OpenAI itself, or the project's infra/llm-server. Only the portable part
 * of the API is used (messages, stream, max_tokens, temperature), so none needs changes.
 */
export class OpenAiCompatibleModel implements LanguageModel {
  private readonly client: OpenAI;

  constructor(options: { baseURL: string; apiKey: string | undefined; model: string | undefined; timeoutMs: number }) {
    // The SDK insists on a key; servers that want none ignore the header.
    this.client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey ?? 'not-needed', timeout: options.timeoutMs, maxRetries: 1 });
    this.configuredModel = options.model;
  }

  private readonly configuredModel: string | undefined;
  private discovered: Promise<string> | undefined;

  /** OPENAI_MODEL, or else the first model the server lists (the bundled server serves exactly one), asked once. */
  private modelName(): Promise<string> {
    if (this.configuredModel) return Promise.resolve(this.configuredModel);
    this.discovered ??= this.client.models.list().then(
      (page) => {
        const id = page.data[0]?.id;
        if (!id) throw new Error('the LLM server lists no model; set OPENAI_MODEL');
        return id;
      },
      (error: unknown) => {
        this.discovered = undefined;
        throw error;
      },
    );
    return this.discovered;
  }

  async *stream(messages: PromptMessage[], options: GenerationOptions): AsyncIterable<string> {
    const stream = await this.client.chat.completions.create(
      { model: await this.modelName(), messages, stream: true, max_tokens: options.maxTokens, temperature: options.temperature },
      { signal: options.signal },
    );
    for await (const chunk of stream) {
      const text = chunk.choices[0]?.delta?.content;
      if (text) yield text;
    }
  }

  async complete(messages: PromptMessage[], options: GenerationOptions): Promise<string> {
    const completion = await this.client.chat.completions.create(
      { model: await this.modelName(), messages, stream: false, max_tokens: options.maxTokens, temperature: options.temperature },
      { signal: options.signal },
    );
    return completion.choices[0]?.message?.content ?? '';
  }
}
