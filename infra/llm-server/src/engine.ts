import type { Logger } from '@scs/runtime/logger';
import type { ChatHistoryItem, ChatWrapper, Llama, LlamaContext, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp' with {
  'resolution-mode': 'import',
};
import type { ChatTurn } from './chat-request.js';
import type { LlmServerConfig } from './config.js';
import { invalidRequest } from './errors.js';
import { SlotPool } from './slot-pool.js';
import { StopFilter } from './stop-filter.js';

export type FinishReason = 'stop' | 'length';

export interface GenerationOptions {
  turns: ChatTurn[];
  maxTokens: number | undefined;
  temperature: number;
  topP: number | undefined;
  seed: number | undefined;
  stop: string[];
  frequencyPenalty: number | undefined;
  presencePenalty: number | undefined;
}

/** A generation that was admitted: its prompt fits and it holds a sequence of the context. */
export interface AdmittedGeneration {
  promptTokens: number;
  /** Tokens at the start of the prompt whose evaluation was kept from an earlier request on the same sequence (the system prompt, typically). */
  cachedTokens: number;
  queueMs: number;
  /**
   * Generates, calling `onText` with text as it may be released (never past a stop sequence).
   * Resolves with `aborted: true` when `signal` fired (the client went away).
   */
  run(onText: (text: string) => void, signal: AbortSignal): Promise<GenerationResult>;
}

export interface GenerationResult {
  text: string;
  finishReason: FinishReason;
  completionTokens: number;
  aborted: boolean;
  /** From the start of generation (slot held) to the first generated token, and to the end. */
  firstTokenMs: number | null;
  generationMs: number;
}

export interface EngineInfo {
  gpu: string | false;
  gpuLayers: number;
  contextSize: number;
  parallel: number;
  threads: number;
  chatWrapper: string;
  trainContextSize: number;
}

/** A shared prefix shorter than this is only the chat template's opening, not worth keeping a sequence for. */
const MIN_USEFUL_PREFIX = 16;

/** Thrown when generation ended because our own stop filter saw a stop sequence. */
const STOP_SEEN = Symbol('stop sequence seen');

/**
 * The model behind the server: one llama.cpp context with `LLM_PARALLEL` sequences, generated with
 * the model's own chat template through node-llama-cpp's LlamaChat. Sequences are kept between
 * requests: a request takes the free sequence whose evaluated tokens share the longest prefix with
 * its prompt, and LlamaChat evaluates only the tokens after that prefix. Requests that start with
 * the same system prompt (chat's answers all do) so skip its evaluation, which on a CPU is most of
 * the time to the first token. Only the model's state for an identical token prefix is reused;
 * nothing of an earlier request's text can reach another's output.
 */
export class LlmEngine {
  readonly slots: SlotPool;
  /** Sequences not generating right now, with what they evaluated last. At most `LLM_PARALLEL`. */
  private readonly idleSequences: LlamaContextSequence[] = [];
  private sequencesCreated = 0;

  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly chatWrapper: ChatWrapper,
    private readonly lib: typeof import('node-llama-cpp', { with: { 'resolution-mode': 'import' } }),
    readonly info: EngineInfo,
    config: LlmServerConfig,
  ) {
    this.slots = new SlotPool(config.LLM_PARALLEL, config.LLM_QUEUE_SIZE, config.LLM_QUEUE_TIMEOUT_MS);
  }

  static async load(config: LlmServerConfig, logger: Logger): Promise<LlmEngine> {
    // node-llama-cpp is an ES module; this package is CommonJS like the rest of the repository.
    const lib = await import('node-llama-cpp');
    const { getLlama, LlamaLogLevel, resolveChatWrapper } = lib;
    const llamaLog = logger.child({ component: 'llama.cpp' });
    const llama = await getLlama({
      gpu: config.LLM_GPU === 'cpu' ? false : config.LLM_GPU,
      // Prebuilt binaries only: never download llama.cpp sources or compile at start-up.
      build: 'never',
      logLevel: LlamaLogLevel.warn,
      logger: (level, message) => {
        const text = message.trim();
        if (!text) return;
        if (level === LlamaLogLevel.fatal || level === LlamaLogLevel.error) llamaLog.error(text);
        else if (level === LlamaLogLevel.warn) llamaLog.warn(text);
        else llamaLog.debug(text);
      },
    }).catch((error: unknown) => {
      if (config.LLM_GPU === 'cuda' || config.LLM_GPU === 'vulkan') {
        throw new Error(`LLM_GPU=${config.LLM_GPU}: no usable ${config.LLM_GPU} backend on this host (${(error as Error).message}); use LLM_GPU=auto or cpu`, {
          cause: error,
        });
      }
      throw error;
    });
    const model = await llama.loadModel({ modelPath: config.LLM_MODEL_PATH, gpuLayers: config.LLM_GPU_LAYERS });
    // llama.cpp's default is every logical CPU; on small machines that oversubscribes the cores badly.
    const threads = config.LLM_THREADS || llama.cpuMathCores;
    const contextSize = Math.min(config.LLM_CONTEXT_SIZE, model.trainContextSize);
    const context = await model.createContext({ contextSize, sequences: config.LLM_PARALLEL, threads });
    const chatWrapper = resolveChatWrapper(model);
    const info: EngineInfo = {
      gpu: llama.gpu,
      gpuLayers: model.gpuLayers,
      contextSize: context.contextSize,
      parallel: config.LLM_PARALLEL,
      threads,
      chatWrapper: chatWrapper.wrapperName,
      trainContextSize: model.trainContextSize,
    };
    return new LlmEngine(llama, model, context, chatWrapper, lib, info, config);
  }

  /**
   * Checks that the prompt fits the context window, then waits for a free sequence (queued,
   * bounded). `signal` ends the wait when the client goes away.
   */
  async admit(options: GenerationOptions, signal: AbortSignal): Promise<AdmittedGeneration> {
    const history = toChatHistory(options.turns);
    const tokens = this.chatWrapper.generateContextState({ chatHistory: history }).contextText.tokenize(this.model.tokenizer);
    const promptTokens = tokens.length;
    const room = this.info.contextSize - promptTokens;
    if (room < 1) {
      throw invalidRequest(
        `This model's maximum context length is ${this.info.contextSize} tokens. However, your messages resulted in ${promptTokens} tokens.`,
        'messages',
        'context_length_exceeded',
      );
    }
    const maxTokens = Math.min(options.maxTokens ?? room, room);
    const queued = performance.now();
    const release = await this.slots.acquire(signal);
    const queueMs = performance.now() - queued;
    const { sequence, reused } = this.takeSequence(tokens);
    return {
      promptTokens,
      cachedTokens: Math.max(0, Math.min(reused, promptTokens - 1)),
      queueMs,
      run: (onText, runSignal) =>
        this.generate(sequence, history, { ...options, maxTokens }, onText, runSignal).finally(() => {
          this.idleSequences.push(sequence);
          release();
        }),
    };
  }

  /**
   * The idle sequence with the longest evaluated prefix of `tokens`. When none shares more than the
   * chat template's first few tokens, a new sequence (while fewer than LLM_PARALLEL exist), else the
   * idle one holding the least: a different kind of request (chat's follow-up rewrite) must not
   * evict the answers' shared prefix when another sequence can take it.
   */
  private takeSequence(tokens: Token[]): { sequence: LlamaContextSequence; reused: number } {
    const idle = this.idleSequences.map((sequence, i) => ({
      i,
      overlap: sequence.compareContextTokens(tokens).firstDifferentIndex,
      held: sequence.contextTokens.length,
    }));
    const best = idle.reduce<(typeof idle)[number] | undefined>((a, b) => (!a || b.overlap > a.overlap ? b : a), undefined);
    if (best && best.overlap >= MIN_USEFUL_PREFIX) return { sequence: this.idleSequences.splice(best.i, 1)[0]!, reused: best.overlap };
    if (this.sequencesCreated < this.info.parallel) {
      this.sequencesCreated++;
      return { sequence: this.context.getSequence(), reused: 0 };
    }
    const emptiest = idle.reduce<(typeof idle)[number] | undefined>((a, b) => (!a || b.held < a.held ? b : a), undefined);
    if (!emptiest) throw new Error('no free context sequence although a slot was granted');
    return { sequence: this.idleSequences.splice(emptiest.i, 1)[0]!, reused: emptiest.overlap };
  }

  private async generate(
    sequence: LlamaContextSequence,
    history: ChatHistoryItem[],
    options: GenerationOptions & { maxTokens: number },
    onText: (text: string) => void,
    signal: AbortSignal,
  ): Promise<GenerationResult> {
    const started = performance.now();
    let firstTokenMs: number | null = null;
    const outputTokensBefore = sequence.tokenMeter.usedOutputTokens;
    let failed = false;
    const chat = new this.lib.LlamaChat({ contextSequence: sequence, chatWrapper: this.chatWrapper });
    const filter = new StopFilter(options.stop);
    const stopper = new AbortController();
    const onClientAbort = () => stopper.abort(signal.reason);
    if (signal.aborted) onClientAbort();
    else signal.addEventListener('abort', onClientAbort, { once: true });
    let text = '';
    let streamed = '';
    const release = (chunk: string) => {
      if (!chunk) return;
      text += chunk;
      onText(chunk);
    };
    const penalties = options.frequencyPenalty || options.presencePenalty;
    try {
      let response = '';
      let stopReason: string | undefined;
      try {
        const result = await chat.generateResponse(history, {
          maxTokens: options.maxTokens,
          temperature: options.temperature,
          topP: options.topP,
          seed: options.seed === undefined ? undefined : Number(BigInt.asUintN(32, BigInt(options.seed))),
          // OpenAI applies no repetition penalty unless asked; llama.cpp's frequency/presence penalties are the same idea.
          repeatPenalty: penalties ? { penalty: 1, frequencyPenalty: options.frequencyPenalty ?? 0, presencePenalty: options.presencePenalty ?? 0 } : false,
          customStopTriggers: options.stop.length > 0 ? options.stop : undefined,
          signal: stopper.signal,
          stopOnAbortSignal: true,
          onToken: () => {
            firstTokenMs ??= performance.now() - started;
          },
          onTextChunk: (chunk) => {
            streamed += chunk;
            release(filter.push(chunk));
            if (filter.stopped) stopper.abort(STOP_SEEN);
          },
        });
        response = result.response;
        stopReason = result.metadata.stopReason;
      } catch (error) {
        // Aborted before the first token: node-llama-cpp throws the abort reason instead of returning.
        if (!stopper.signal.aborted) {
          failed = true;
          throw error;
        }
        stopReason = 'abort';
      }
      const aborted = signal.aborted;
      if (!aborted && !filter.stopped) {
        // Text node-llama-cpp held back as a possible stop trigger and released only in its result.
        if (response.startsWith(streamed) && response.length > streamed.length) release(filter.push(response.slice(streamed.length)));
        release(filter.flush());
      }
      const finishReason: FinishReason = filter.stopped ? 'stop' : stopReason === 'maxTokens' ? 'length' : 'stop';
      return {
        text,
        finishReason,
        completionTokens: sequence.tokenMeter.usedOutputTokens - outputTokensBefore,
        aborted,
        firstTokenMs,
        generationMs: performance.now() - started,
      };
    } finally {
      signal.removeEventListener('abort', onClientAbort);
      chat.dispose({ disposeSequence: false });
      // After a failure the sequence's state is unknown: start it empty next time.
      if (failed) await sequence.clearHistory();
    }
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}

function toChatHistory(turns: ChatTurn[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = turns.map((turn) =>
    turn.role === 'assistant' ? { type: 'model', response: [turn.text] } : { type: turn.role, text: turn.text },
  );
  // The answer to generate: always a new assistant turn, as with OpenAI (a trailing assistant
  // message is part of the conversation, not a prefix to continue).
  history.push({ type: 'model', response: [] });
  return history;
}
