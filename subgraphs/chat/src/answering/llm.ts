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

  constructor(options: { baseURL: string; apiKey: string | undefined; model: string; timeoutMs: number }) {
    // The SDK insists on a key; servers that want none ignore the header.
    this.client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey ?? 'not-needed', timeout: options.timeoutMs, maxRetries: 1 });
    this.model = options.model;
  }

  private readonly model: string;

  async *stream(messages: PromptMessage[], options: GenerationOptions): AsyncIterable<string> {
    const stream = await this.client.chat.completions.create(
      { model: this.model, messages, stream: true, max_tokens: options.maxTokens, temperature: options.temperature },
      { signal: options.signal },
    );
    for await (const chunk of stream) {
      const text = chunk.choices[0]?.delta?.content;
      if (text) yield text;
    }
  }

  async complete(messages: PromptMessage[], options: GenerationOptions): Promise<string> {
    const completion = await this.client.chat.completions.create(
      { model: this.model, messages, stream: false, max_tokens: options.maxTokens, temperature: options.temperature },
      { signal: options.signal },
    );
    return completion.choices[0]?.message?.content ?? '';
  }
}
