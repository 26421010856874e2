import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { correlationIdFrom, runWithRequestContext } from '@scs/runtime/request-context';
import { initMetrics, sendMetrics } from '@scs/runtime/observability/metrics';
import { nameServerSpan } from '@scs/runtime/observability/tracing';
import type { Logger } from '@scs/runtime/logger';
import { parseChatCompletionRequest, type ChatCompletionParams } from './chat-request.js';
import type { LlmServerConfig } from './config.js';
import type { LlmEngine } from './engine.js';
import {
  ApiError,
  bodyTooLarge,
  internalError,
  invalidApiKey,
  invalidRequest,
  methodNotAllowed,
  modelNotFound,
  notReady,
  shuttingDown,
  unknownUrl,
} from './errors.js';
import { initLlmMetrics, llmMetrics, recordCompletion } from './metrics.js';

export interface LlmHttpServer {
  server: Server;
  /** Called once the model is loaded: from then on /readyz is 200 and completions are served. */
  setEngine: (engine: LlmEngine) => void;
  /** Aborts running generations (their clients get the end of the stream) and stops listening. */
  close: () => Promise<void>;
}

class ClientGone extends Error {
  constructor() {
    super('client disconnected');
    this.name = 'ClientGone';
  }
}

/**
 * The OpenAI-compatible HTTP API: GET /v1/models, GET /v1/models/:id, POST /v1/chat/completions
 * (JSON or server-sent events), plus /healthz, /readyz and /metrics (Prometheus: tokens, tokens per
 * second, time to first token, queueing, slots). Prompts and completions are never logged
 * above debug level: they hold customers' words.
 */
export function createLlmHttpServer(config: LlmServerConfig, logger: Logger): LlmHttpServer {
  let engine: LlmEngine | undefined;
  const active = new Set<AbortController>();
  const created = Math.floor((safeMtime(config.LLM_MODEL_PATH) ?? Date.now()) / 1000);
  const modelObject = { id: config.LLM_MODEL_NAME, object: 'model', created, owned_by: 'scs' } as const;
  let fingerprint = 'fp_scs';
  const apiKey = config.LLM_SERVER_API_KEY ? Buffer.from(config.LLM_SERVER_API_KEY) : undefined;
  initMetrics('llm-server');
  initLlmMetrics(config.LLM_MODEL_NAME);

  const server = createServer((req, res) => {
    const requestId = correlationIdFrom(req.headers['x-request-id'] ?? req.headers['x-correlation-id']);
    res.setHeader('x-request-id', requestId);
    runWithRequestContext({ correlationId: requestId }, () => {
      handle(req, res).catch((error: unknown) => {
        if (!(error instanceof ApiError)) logger.error({ err: error }, 'request failed');
        sendError(res, error instanceof ApiError ? error : internalError());
      });
    });
  });
  // Long generations must not be cut by Node's default request timeout (it counts until the body is read).
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
    nameServerSpan(method, path.startsWith('/v1/models/') ? '/v1/models/:id' : path);

    if (path === '/healthz') return sendJson(res, 200, { service: 'llm-server', status: 'ok' });
    if (path === '/readyz') {
      const ready = engine !== undefined;
      return sendJson(res, ready ? 200 : 503, {
        service: 'llm-server',
        ready,
        model: config.LLM_MODEL_NAME,
        ...(engine ? { engine: engine.info, active: engine.slots.active, queued: engine.slots.queued } : {}),
      });
    }
    if (path === '/metrics') {
      llmMetrics.slotsActive.set(engine?.slots.active ?? 0);
      llmMetrics.requestsQueued.set(engine?.slots.queued ?? 0);
      return sendMetrics(res);
    }
    if (!path.startsWith('/v1/')) throw unknownUrl(method, path);
    if (apiKey && !authorized(req.headers.authorization, apiKey)) throw invalidApiKey();

    if (path === '/v1/models') {
      if (method !== 'GET') throw methodNotAllowed(method, path, 'GET');
      return sendJson(res, 200, { object: 'list', data: [modelObject] });
    }
    if (path.startsWith('/v1/models/')) {
      if (method !== 'GET') throw methodNotAllowed(method, path, 'GET');
      const id = decodeURIComponent(path.slice('/v1/models/'.length));
      if (id !== config.LLM_MODEL_NAME) throw modelNotFound(id);
      return sendJson(res, 200, modelObject);
    }
    if (path === '/v1/chat/completions') {
      if (method !== 'POST') throw methodNotAllowed(method, path, 'POST');
      const body = await readJsonBody(req, config.LLM_MAX_BODY_BYTES);
      const params = parseChatCompletionRequest(body, {
        temperature: config.LLM_DEFAULT_TEMPERATURE,
        maxTokens: config.LLM_MAX_TOKENS,
        maxMessages: config.LLM_MAX_MESSAGES,
        maxPromptChars: config.LLM_MAX_PROMPT_CHARS,
      });
      if (params.model !== config.LLM_MODEL_NAME) throw modelNotFound(params.model);
      if (!engine) throw notReady();
      return completeChat(engine, params, res);
    }
    throw unknownUrl(method, path);
  }

  async function completeChat(engine: LlmEngine, params: ChatCompletionParams, res: ServerResponse): Promise<void> {
    const id = `chatcmpl-${randomUUID().replace(/-/g, '')}`;
    const createdAt = Math.floor(Date.now() / 1000);
    const controller = new AbortController();
    const onClose = () => {
      if (!res.writableEnded) controller.abort(new ClientGone());
    };
    res.on('close', onClose);
    active.add(controller);
    const log = logger.child({ completionId: id });
    logger.debug({ completionId: id, messages: params.turns }, 'chat completion request');
    try {
      const admitted = await engine.admit(params, controller.signal).catch((error: unknown) => {
        if (controller.signal.reason instanceof ClientGone) return undefined;
        llmMetrics.requests.inc({ model: config.LLM_MODEL_NAME, outcome: error instanceof ApiError ? `rejected_${error.status}` : 'error' });
        throw error; // includes the shutdown's 503
      });
      if (!admitted) {
        llmMetrics.requests.inc({ model: config.LLM_MODEL_NAME, outcome: 'client_gone' });
        log.info({ stream: params.stream }, 'client disconnected while queued');
        return;
      }
      const base = (object: string) => ({ id, object, created: createdAt, model: config.LLM_MODEL_NAME, system_fingerprint: fingerprint });
      let result;
      if (params.stream) {
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const usageField = params.includeUsage ? { usage: null } : {};
        const event = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
        const chunk = (delta: Record<string, string>, finishReason: string | null) =>
          event({ ...base('chat.completion.chunk'), choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...usageField });
        chunk({ role: 'assistant', content: '' }, null);
        try {
          result = await admitted.run((text) => chunk({ content: text }, null), controller.signal);
        } catch (error) {
          llmMetrics.requests.inc({ model: config.LLM_MODEL_NAME, outcome: 'error' });
          log.error({ err: error }, 'generation failed');
          event(internalError().toJSON());
          res.end();
          return;
        }
        if (result.aborted && !(controller.signal.reason instanceof ClientGone)) {
          event(shuttingDown().toJSON());
          res.end();
        } else if (!result.aborted) {
          chunk({}, result.finishReason);
          if (params.includeUsage) {
            event({ ...base('chat.completion.chunk'), choices: [], usage: usage(admitted.promptTokens, result.completionTokens, admitted.cachedTokens) });
          }
          res.end('data: [DONE]\n\n');
        }
      } else {
        result = await admitted.run(() => undefined, controller.signal);
        if (result.aborted && !(controller.signal.reason instanceof ClientGone)) {
          sendError(res, shuttingDown());
        } else if (!result.aborted) {
          sendJson(res, 200, {
            ...base('chat.completion'),
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: result.text, refusal: null, annotations: [] },
                logprobs: null,
                finish_reason: result.finishReason,
              },
            ],
            usage: usage(admitted.promptTokens, result.completionTokens, admitted.cachedTokens),
          });
        }
      }
      const stats = {
        stream: params.stream,
        promptTokens: admitted.promptTokens,
        cachedTokens: admitted.cachedTokens,
        completionTokens: result.completionTokens,
        finishReason: result.aborted ? 'aborted' : result.finishReason,
        queueMs: Math.round(admitted.queueMs),
        firstTokenMs: result.firstTokenMs === null ? null : Math.round(result.firstTokenMs),
        generationMs: Math.round(result.generationMs),
        tokensPerSecond: result.generationMs > 0 ? Math.round((result.completionTokens / result.generationMs) * 10_000) / 10 : null,
      };
      const outcome = !result.aborted ? result.finishReason : controller.signal.reason instanceof ClientGone ? 'client_gone' : 'shutdown';
      recordCompletion(config.LLM_MODEL_NAME, outcome, {
        ...stats,
        queueMs: admitted.queueMs,
        firstTokenMs: result.firstTokenMs,
        generationMs: result.generationMs,
      });
      if (result.aborted && controller.signal.reason instanceof ClientGone) log.info(stats, 'client disconnected: generation aborted and its sequence freed');
      else if (result.aborted) log.info(stats, 'generation aborted: the server is shutting down');
      else log.info(stats, 'chat completion');
      logger.debug({ completionId: id, text: result.text }, 'chat completion text');
    } finally {
      active.delete(controller);
      res.off('close', onClose);
    }
  }

  return {
    server,
    setEngine: (loaded) => {
      engine = loaded;
      fingerprint = `fp_${createHash('sha256')
        .update(`${config.LLM_MODEL_PATH}|${String(loaded.info.gpu)}|${loaded.info.chatWrapper}`)
        .digest('hex')
        .slice(0, 10)}`;
    },
    close: async () => {
      for (const controller of active) controller.abort(shuttingDown());
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
    },
  };
}

function usage(promptTokens: number, completionTokens: number, cachedTokens: number) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: cachedTokens },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

function authorized(header: string | undefined, key: Buffer): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!.trim());
  return given.length === key.length && timingSafeEqual(given, key);
}

function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  // A body over the limit is read to its end and dropped, so the client gets the 413 rather than
  // a connection reset in the middle of its upload.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length']) > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (tooLarge) return reject(bodyTooLarge(limit));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(invalidRequest('We could not parse the JSON body of your request. The body must be valid JSON.'));
      }
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: ApiError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, error.status, error.toJSON(), error.headers);
}

function safeMtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
