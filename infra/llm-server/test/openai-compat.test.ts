import { LLM_PROFILES, startLlmServer, type ServiceProcess } from '@scs/test-support';
import OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The LLM server as the `openai` client sees it: the real server process, real generations.
 * Assertions never depend on what the model says, only on the protocol; where a test needs known
 * text it first asks the model, greedily, and builds on that. So these tests run the small
 * instruct model of the `tiny` profile (SmolLM2-135M-Instruct, ChatML template): the protocol is
 * the same for every model, and it generates ~10× faster than the default on a CPU, which the
 * queueing and disconnect tests (long generations on purpose) and CI's time need. The default
 * model's answers are tested by the quality smoke (e2e/test/answer-quality.e2e.test.ts).
 */
const MODEL = LLM_PROFILES.tiny;
const PROMPT = 'Write the numbers 1, 2, 3, 4, 5, 6';

function client(server: ServiceProcess, apiKey = 'unused', maxRetries = 0): OpenAI {
  return new OpenAI({ baseURL: `${server.baseUrl}/v1`, apiKey, maxRetries });
}

const request = (overrides: Partial<ChatCompletionCreateParamsNonStreaming> = {}): ChatCompletionCreateParamsNonStreaming => ({
  model: MODEL,
  messages: [{ role: 'user', content: PROMPT }],
  temperature: 0,
  max_tokens: 24,
  ...overrides,
});

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const contentOf = (chunks: ChatCompletionChunk[]) => chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for: ${what}`);
}

describe('llm-server: OpenAI compatibility', () => {
  let server: ServiceProcess;
  let openai: OpenAI;
  /** The greedy answer to PROMPT, the reference the other tests compare with. */
  let reference: OpenAI.ChatCompletion;

  beforeAll(async () => {
    server = await startLlmServer({ LLM_MODEL_PROFILE: 'tiny', LLM_MAX_TOKENS: '256', LLM_MAX_MESSAGES: '8', LLM_MAX_PROMPT_CHARS: '80000' });
    openai = client(server);
    reference = await openai.chat.completions.create(request());
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists and retrieves its model', async () => {
    const models = await openai.models.list();
    expect(models.data).toEqual([expect.objectContaining({ id: MODEL, object: 'model', owned_by: 'scs' })]);
    expect(typeof models.data[0]!.created).toBe('number');
    await expect(openai.models.retrieve(MODEL)).resolves.toMatchObject({ id: MODEL, object: 'model' });
    await expect(openai.models.retrieve('gpt-4o')).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });

  it('answers a non-streaming completion with a finish reason and consistent usage', async () => {
    expect(reference).toMatchObject({ object: 'chat.completion', model: MODEL });
    expect(reference.id).toMatch(/^chatcmpl-/);
    expect(reference.choices).toHaveLength(1);
    const [choice] = reference.choices;
    expect(choice).toMatchObject({ index: 0, message: { role: 'assistant' } });
    expect(choice!.message.content).toEqual(expect.any(String));
    expect(choice!.message.content!.length).toBeGreaterThan(0);
    expect(['stop', 'length']).toContain(choice!.finish_reason);
    const usage = reference.usage!;
    expect(usage.prompt_tokens).toBeGreaterThan(PROMPT.split(' ').length);
    expect(usage.completion_tokens).toBeGreaterThan(0);
    expect(usage.completion_tokens).toBeLessThanOrEqual(24);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it('stops at max_tokens (and max_completion_tokens) with finish_reason length', async () => {
    for (const limit of [{ max_tokens: 5 }, { max_tokens: undefined, max_completion_tokens: 5 }]) {
      const completion = await openai.chat.completions.create(request(limit));
      expect(completion.choices[0]!.finish_reason).toBe('length');
      expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
      expect(completion.usage!.completion_tokens).toBeLessThanOrEqual(5);
      // Greedy decoding: the first five tokens of the longer answer.
      expect(reference.choices[0]!.message.content!.startsWith(completion.choices[0]!.message.content!)).toBe(true);
    }
  });

  it('streams chunks as OpenAI does: role first, content deltas, finish reason, usage chunk', async () => {
    const chunks = await collect(await openai.chat.completions.create({ ...request(), stream: true, stream_options: { include_usage: true } }));
    const ids = new Set(chunks.map((c) => c.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^chatcmpl-/);
    for (const chunk of chunks) expect(chunk).toMatchObject({ object: 'chat.completion.chunk', model: MODEL });

    expect(chunks[0]!.choices[0]).toMatchObject({ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null });
    const usageChunk = chunks.at(-1)!;
    expect(usageChunk.choices).toEqual([]);
    const finalChunk = chunks.at(-2)!;
    expect(finalChunk.choices[0]).toMatchObject({ index: 0, delta: {}, finish_reason: reference.choices[0]!.finish_reason });
    const middle = chunks.slice(1, -2);
    expect(middle.length).toBeGreaterThan(1);
    for (const chunk of middle) {
      expect(chunk.choices[0]!.finish_reason).toBeNull();
      expect(chunk.choices[0]!.delta.content).toEqual(expect.any(String));
      expect(chunk.usage).toBeNull();
    }
    // Same request, greedy: the deltas add up to the non-streamed answer, and the usage agrees.
    expect(contentOf(chunks)).toBe(reference.choices[0]!.message.content);
    expect(usageChunk.usage).toMatchObject({
      prompt_tokens: reference.usage!.prompt_tokens,
      completion_tokens: reference.usage!.completion_tokens,
      total_tokens: reference.usage!.total_tokens,
    });
  });

  it('sends no usage chunk unless asked', async () => {
    const chunks = await collect(await openai.chat.completions.create({ ...request({ max_tokens: 4 }), stream: true }));
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('length');
    expect(chunks.every((c) => c.choices.length === 1 && c.usage === undefined)).toBe(true);
  });

  it('writes server-sent events byte for byte like OpenAI', async () => {
    const response = await fetch(`${server.baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...request({ max_tokens: 6 }), stream: true, stream_options: { include_usage: true } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const body = await response.text();
    expect(body.endsWith('\n\ndata: [DONE]\n\n')).toBe(true);
    const events = body.split('\n\n').filter(Boolean);
    for (const event of events) expect(event).toMatch(/^data: /);
    expect(events.at(-1)).toBe('data: [DONE]');
    const payloads = events.slice(0, -1).map((e) => JSON.parse(e.slice('data: '.length)) as ChatCompletionChunk);
    expect(payloads[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    expect(payloads.at(-2)!.choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: expect.stringMatching(/^(stop|length)$/) });
    expect(payloads.at(-1)!.usage!.completion_tokens).toBeLessThanOrEqual(6);
  });

  it('honours stop sequences exactly: nothing at or after the first stop is returned or streamed', async () => {
    const text = reference.choices[0]!.message.content!;
    // ", 4" when the model counts; otherwise a piece from the middle of what it said.
    const stop = text.includes(', 4') ? ', 4' : text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 3);
    const expected = text.slice(0, text.indexOf(stop));

    const completion = await openai.chat.completions.create(request({ stop }));
    expect(completion.choices[0]!.message.content).toBe(expected);
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.choices[0]!.message.content).not.toContain(stop);

    const chunks = await collect(await openai.chat.completions.create({ ...request({ stop: ['never-generated-zzz', stop] }), stream: true }));
    expect(contentOf(chunks)).toBe(expected);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');

    // Of several stops, the earliest in the text wins.
    const later =
      text
        .slice(text.indexOf(stop) + stop.length)
        .trim()
        .slice(0, 2) || 'zz';
    const earlier = await openai.chat.completions.create(request({ stop: [later, stop] }));
    expect(earlier.choices[0]!.message.content).toBe(text.slice(0, Math.min(...[later, stop].map((s) => (text.includes(s) ? text.indexOf(s) : Infinity)))));
  });

  it('is deterministic with temperature 0, and with a seed when sampling', async () => {
    const greedy = await openai.chat.completions.create(request({ seed: 7 }));
    expect(greedy.choices[0]!.message.content).toBe(reference.choices[0]!.message.content);
    const sampled = () => openai.chat.completions.create(request({ temperature: 0.9, top_p: 0.95, seed: 1234 }));
    const [a, b] = [await sampled(), await sampled()];
    expect(a.choices[0]!.message.content).toBe(b.choices[0]!.message.content);
  });

  it('serves two clients at once', async () => {
    const [a, b] = await Promise.all([openai.chat.completions.create(request()), openai.chat.completions.create(request())]);
    for (const completion of [a, b]) {
      expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(0);
      expect(completion.usage!.prompt_tokens).toBe(reference.usage!.prompt_tokens);
    }
  });

  it('refuses bad requests with 400 in the OpenAI error shape', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ model: MODEL }, 'messages'],
      [{ model: MODEL, messages: [] }, 'messages'],
      [{ model: MODEL, messages: [{ role: 'user', content: 'hi' }], n: 2 }, 'n'],
      [{ model: MODEL, messages: [{ role: 'user', content: 'hi' }], temperature: 3 }, 'temperature'],
      [{ model: MODEL, messages: [{ role: 'user', content: 'hi' }], max_tokens: 0 }, 'max_tokens'],
      [{ model: MODEL, messages: [{ role: 'tool', content: 'hi' }] }, 'messages[0].role'],
      [{ model: MODEL, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }, 'messages[0].content[0].type'],
      [{ model: MODEL, messages: [{ role: 'user', content: 'hi' }], stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
    ];
    for (const [body, param] of bad) {
      const error = await openai.chat.completions.create(body as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(body)).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param });
    }

    const raw = await fetch(`${server.baseUrl}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"model":' });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ error: { message: expect.stringContaining('JSON'), type: 'invalid_request_error', param: null, code: null } });

    const huge = await fetch(`${server.baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'x'.repeat(1_200_000) }] }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'request_too_large' } });

    const unknownPath = await fetch(`${server.baseUrl}/v1/completions/nothing`);
    expect(unknownPath.status).toBe(404);
    expect(await unknownPath.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'unknown_url' } });
  });

  it('refuses a prompt longer than the context window with context_length_exceeded', async () => {
    const error = await openai.chat.completions.create(request({ messages: [{ role: 'user', content: 'support '.repeat(9000) }] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'context_length_exceeded', param: 'messages' });
  });

  it('enforces its hard limits with a 400 naming the parameter: tokens to generate, messages, prompt length', async () => {
    const cases: [Partial<ChatCompletionCreateParamsNonStreaming>, string, string][] = [
      [{ max_tokens: 257 }, 'max_tokens', 'max_tokens_exceeded'],
      [{ max_completion_tokens: 10_000 }, 'max_completion_tokens', 'max_tokens_exceeded'],
      [{ messages: Array.from({ length: 9 }, () => ({ role: 'user' as const, content: 'hi' })) }, 'messages', 'too_many_messages'],
      [
        {
          messages: [
            { role: 'system', content: 'x'.repeat(40_000) },
            { role: 'user', content: 'y'.repeat(40_001) },
          ],
        },
        'messages',
        'prompt_too_long',
      ],
    ];
    for (const [overrides, param, code] of cases) {
      const error = await openai.chat.completions.create(request(overrides)).catch((e: unknown) => e);
      expect(error, param).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param, code });
      expect((error as Error).message).toMatch(/256|8|80000/);
    }
    // At the limits it generates.
    await expect(
      openai.chat.completions.create(
        request({ max_tokens: 256, messages: Array.from({ length: 8 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: 'hi' })) as never }),
      ),
    ).resolves.toMatchObject({ object: 'chat.completion' });
  });

  it('keeps the evaluated prefix of a sequence: a second request with the same system prompt reuses it', async () => {
    const system = `You are a helpful assistant for the Acme help centre. ${'Answer briefly and cite documents like [1]. '.repeat(8)}`;
    const ask = (question: string) =>
      openai.chat.completions.create(
        request({
          max_tokens: 4,
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: question },
          ],
        }),
      );
    const first = await ask('How do I reset my password?');
    const second = await ask('What does the Pro plan cost?');
    const cached = second.usage!.prompt_tokens_details!.cached_tokens!;
    expect(cached).toBeGreaterThan(first.usage!.prompt_tokens / 2);
    expect(cached).toBeLessThan(second.usage!.prompt_tokens);
    // The log line is written once the response has ended.
    await until(
      () => server.logLines().some((l) => l.msg === 'chat completion' && l.cachedTokens === cached && l.promptTokens === second.usage!.prompt_tokens),
      'the log line with cachedTokens',
    );
  });

  it('answers an unknown model with 404 model_not_found', async () => {
    const error = await openai.chat.completions.create(request({ model: 'gpt-4o' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'model_not_found', param: 'model', type: 'invalid_request_error' });
  });
});

describe('llm-server: API key, bounded queue and client disconnects', () => {
  const KEY = 'test-llm-key-0123456789';
  let server: ServiceProcess;

  beforeAll(async () => {
    // One sequence and room for one waiting request, so the slot and the queue can be seen filling up.
    server = await startLlmServer({
      LLM_MODEL_PROFILE: 'tiny',
      LLM_MAX_TOKENS: '8192',
      LLM_SERVER_API_KEY: KEY,
      LLM_PARALLEL: '1',
      LLM_QUEUE_SIZE: '1',
      LLM_QUEUE_TIMEOUT_MS: '1500',
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('requires the API key when one is configured', async () => {
    for (const key of ['wrong-key', '']) {
      const error = await client(server, key || 'x')
        .models.list()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    }
    const noHeader = await fetch(`${server.baseUrl}/v1/models`);
    expect(noHeader.status).toBe(401);
    expect(await noHeader.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_api_key' } });
    await expect(client(server, KEY).models.list()).resolves.toMatchObject({ data: [expect.objectContaining({ id: MODEL })] });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it('queues, refuses a full queue, and frees the sequence the moment a streaming client goes away', async () => {
    const openai = client(server, KEY);
    // A long generation that holds the only sequence.
    const long = await openai.chat.completions.create({
      model: MODEL,
      // An instruct model stops when it has answered: ask for something long.
      messages: [{ role: 'user', content: 'Write every number from 1 to 3000 in words, separated by commas.' }],
      temperature: 0,
      max_tokens: 4000,
      stream: true,
    });
    const iterator = long[Symbol.asyncIterator]();
    let seen = '';
    while (seen.length < 10) {
      const next = await iterator.next();
      expect(next.done, 'the long generation ended before the test could use it').toBe(false);
      seen += next.value.choices[0]?.delta.content ?? '';
    }

    // The sequence is busy: one request waits in the queue, the next one is refused at once.
    const queued = openai.chat.completions.create(request({ max_tokens: 3 })).catch((e: unknown) => e);
    await until(async () => ((await (await fetch(`${server.baseUrl}/readyz`)).json()) as { queued: number }).queued === 1, 'a queued request');
    const refused = await openai.chat.completions.create(request({ max_tokens: 3 })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect(refused).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    // The queued one waits longer than LLM_QUEUE_TIMEOUT_MS allows: 503, the OpenAI way.
    expect(await queued).toMatchObject({ status: 503, code: 'server_overloaded' });

    // The client goes away: the server aborts the generation, logs it and frees the sequence.
    long.controller.abort();
    await until(
      () => server.logLines().some((l) => typeof l.msg === 'string' && l.msg.startsWith('client disconnected: generation aborted')),
      'the abort in the server log',
    );
    const aborted = server.logLines().find((l) => typeof l.msg === 'string' && l.msg.startsWith('client disconnected: generation aborted'))!;
    expect(aborted).toMatchObject({ level: 'info', stream: true, finishReason: 'aborted' });
    expect(aborted.completionTokens as number).toBeLessThan(4000);
    const ready = (await (await fetch(`${server.baseUrl}/readyz`)).json()) as { active: number; queued: number };
    expect(ready).toMatchObject({ active: 0, queued: 0 });

    // The next request gets the freed sequence straight away.
    const next = await openai.chat.completions.create(request({ max_tokens: 3 }));
    expect(next.choices[0]!.finish_reason).toBe('length');
  });

  it('never logs prompts or completions at info level', () => {
    const output = server.output();
    expect(output).not.toContain(PROMPT);
    expect(output).not.toContain('What is the capital of France?');
  });
});
