import type { Logger } from '@scs/runtime/logger';
import type { EmbedderConfig } from './config.js';
import { chooseDevice, type DeviceChoice } from './device.js';
import type { EmbeddingResult } from '@scs/contracts/embedding';
import { EmbeddingInputError } from './errors.js';

// @huggingface/transformers is an ES module with a CommonJS build; it is imported lazily (and as ESM), so
// processes that never embed do not load onnxruntime.
type Transformers = typeof import('@huggingface/transformers', { with: { 'resolution-mode': 'import' } });
type Tokenizer = Awaited<ReturnType<Transformers['AutoTokenizer']['from_pretrained']>>;
type Model = Awaited<ReturnType<Transformers['AutoModel']['from_pretrained']>>;
type Processor = Awaited<ReturnType<Transformers['AutoProcessor']['from_pretrained']>>;
type Tensor = InstanceType<Transformers['Tensor']>;

let transformersModule: Promise<Transformers> | undefined;
const loadTransformers = (): Promise<Transformers> => (transformersModule ??= import('@huggingface/transformers'));

/** transformers.js keeps its settings (model directory, remote access) in one global `env`: loads run one at a time. */
let loadQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(fn, fn);
  loadQueue = run.catch(() => undefined);
  return run;
}

/** Options of one call: progress after each batch (activity heartbeats) and cancellation between batches. */
export interface EmbedCallOptions {
  onBatch?: (done: number, total: number) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface Embedder {
  /** Sentence embeddings (MiniLM by default): mean pooling over the attention mask, L2-normalised. */
  embedTexts(input: { texts: string[] }, options?: EmbedCallOptions): Promise<EmbeddingResult>;
  /** CLIP image embeddings of base64-encoded PNG/WebP/JPEG/GIF/AVIF bytes, L2-normalised. */
  embedImages(input: { images: string[] }, options?: EmbedCallOptions): Promise<EmbeddingResult>;
  /** CLIP text-tower embeddings (text→image search), L2-normalised. */
  embedImageQueries(input: { texts: string[] }, options?: EmbedCallOptions): Promise<EmbeddingResult>;
  /** Loads every model (once per embedder, shared by concurrent callers); calls load what they need anyway. */
  load(): Promise<void>;
  /** True once every model is loaded. */
  loaded(): boolean;
  /** The device models run on (after `load`, the one actually used: `auto` falls back to CPU when CUDA fails). */
  device(): DeviceChoice;
  dispose(): Promise<void>;
}

interface TextTower {
  tokenizer: Tokenizer;
  model: Model;
  maxTokens: number;
}
interface VisionTower {
  processor: Processor;
  model: Model;
}

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The embedding models as a library: the embedding worker's activities wrap it, and a service can embed
 * queries in process with it. Models load lazily, once, from `config.modelsDir`.
 */
export function createEmbedder(config: EmbedderConfig, logger?: Pick<Logger, 'info' | 'warn'>): Embedder {
  let choice = chooseDevice(config.device);
  let deviceLogged = false;
  let text: Promise<TextTower> | undefined;
  let clipText: Promise<TextTower> | undefined;
  let vision: Promise<VisionTower> | undefined;
  const done = { text: false, clipText: false, vision: false };

  const configure = (hf: Transformers) => {
    hf.env.allowLocalModels = true;
    hf.env.localModelPath = config.modelsDir.endsWith('/') ? config.modelsDir : `${config.modelsDir}/`;
    hf.env.allowRemoteModels = config.allowRemoteModels;
    hf.env.useFSCache = config.allowRemoteModels;
    hf.env.cacheDir = `${hf.env.localModelPath}.hub-cache/`;
    hf.env.logLevel = hf.LogLevel.ERROR;
  };

  /** Creates the ONNX sessions on the chosen device; `auto` falls back to CPU when CUDA cannot be used. */
  async function onDevice<T>(what: string, load: (options: Record<string, unknown>) => Promise<T>): Promise<T> {
    if (!deviceLogged) {
      deviceLogged = true;
      logger?.info({ device: choice.device, reason: choice.reason }, `embedding models run on ${choice.device}`);
    }
    const options = (device: string) => ({
      device,
      dtype: config.dtype,
      ...(config.threads > 0 ? { session_options: { intraOpNumThreads: config.threads } } : {}),
    });
    try {
      return await load(options(choice.device));
    } catch (error) {
      if (choice.device !== 'cuda' || config.device !== 'auto') throw error;
      logger?.warn({ err: error, model: what }, 'CUDA session failed; embedding models fall back to cpu');
      choice = { device: 'cpu', reason: `auto: CUDA failed (${(error as Error).message})` };
      return load(options('cpu'));
    }
  }

  function loadText(modelId: string, kind: 'text' | 'clip-text'): Promise<TextTower> {
    return oneAtATime(async () => {
      const hf = await loadTransformers();
      configure(hf);
      const started = performance.now();
      const tokenizer = await hf.AutoTokenizer.from_pretrained(modelId);
      const model = await onDevice(modelId, (options) =>
        kind === 'text' ? hf.AutoModel.from_pretrained(modelId, options) : hf.CLIPTextModelWithProjection.from_pretrained(modelId, options),
      );
      const maxTokens = tokenLimit(tokenizer, model, config.maxTokens, kind === 'text' ? 512 : 77);
      logger?.info({ model: modelId, maxTokens, ms: Math.round(performance.now() - started) }, `${kind} embedding model loaded`);
      return { tokenizer, model, maxTokens };
    });
  }

  function loadVision(): Promise<VisionTower> {
    return oneAtATime(async () => {
      const hf = await loadTransformers();
      configure(hf);
      const started = performance.now();
      const processor = await hf.AutoProcessor.from_pretrained(config.imageModel);
      const model = await onDevice(config.imageModel, (options) => hf.CLIPVisionModelWithProjection.from_pretrained(config.imageModel, options));
      logger?.info({ model: config.imageModel, ms: Math.round(performance.now() - started) }, 'image embedding model loaded');
      return { processor, model };
    });
  }

  /** Memoises a load; a failed load is forgotten, so the next call tries again. */
  function once<T>(get: () => Promise<T> | undefined, set: (p: Promise<T> | undefined) => void, load: () => Promise<T>, flag: keyof typeof done): Promise<T> {
    let promise = get();
    if (!promise) {
      promise = load().then(
        (value) => ((done[flag] = true), value),
        (error: unknown) => {
          set(undefined);
          throw error;
        },
      );
      set(promise);
    }
    return promise;
  }
  const textTower = () =>
    once(
      () => text,
      (p) => (text = p),
      () => loadText(config.textModel, 'text'),
      'text',
    );
  const clipTextTower = () =>
    once(
      () => clipText,
      (p) => (clipText = p),
      () => loadText(config.imageModel, 'clip-text'),
      'clipText',
    );
  const visionTower = () =>
    once(
      () => vision,
      (p) => (vision = p),
      loadVision,
      'vision',
    );

  async function embedTextsWith(tower: TextTower, texts: string[], output: 'sentence' | 'text_embeds', options: EmbedCallOptions): Promise<number[][]> {
    const hf = await loadTransformers();
    // Longest first: batches of similar lengths waste less on padding. Results go back to input order.
    const order = texts.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length);
    // A token takes at least one character, so this cut never changes what the tokenizer keeps; it only
    // spares tokenising megabytes of text that would be truncated anyway.
    const maxChars = tower.maxTokens * 256;
    const vectors: number[][] = new Array(texts.length);
    await inBatches(order, config.batchSize, options, async (batch) => {
      const inputs = tower.tokenizer(
        batch.map((i) => texts[i]!.slice(0, maxChars)),
        { padding: true, truncation: true, max_length: tower.maxTokens },
      );
      const outputs = (await tower.model(inputs)) as Record<string, Tensor>;
      let pooled: Tensor;
      if (output === 'text_embeds') pooled = required(outputs, 'text_embeds');
      else if (outputs.sentence_embedding) pooled = outputs.sentence_embedding;
      else pooled = hf.mean_pooling(outputs.last_hidden_state ?? required(outputs, 'token_embeddings'), inputs.attention_mask as Tensor);
      rows(pooled).forEach((v, j) => (vectors[batch[j]!] = v));
    });
    return vectors;
  }

  async function embedImagesWith(tower: VisionTower, images: string[], options: EmbedCallOptions): Promise<number[][]> {
    const hf = await loadTransformers();
    const vectors: number[][] = [];
    await inBatches(
      images.map((_, i) => i),
      config.batchSize,
      options,
      async (batch) => {
        const decoded = await Promise.all(batch.map((i) => decodeImage(hf, images[i]!, i)));
        const inputs = await tower.processor(decoded);
        const outputs = (await tower.model(inputs)) as Record<string, Tensor>;
        vectors.push(...rows(required(outputs, 'image_embeds')));
      },
    );
    return vectors;
  }

  const result = (model: string, vectors: number[][]): EmbeddingResult => ({ model, dimensions: vectors[0]?.length ?? 0, vectors });

  return {
    async embedTexts(input, options = {}) {
      const texts = validateTexts(input?.texts, config.maxInputs);
      return result(config.textModel, await embedTextsWith(await textTower(), texts, 'sentence', options));
    },
    async embedImageQueries(input, options = {}) {
      const texts = validateTexts(input?.texts, config.maxInputs);
      return result(config.imageModel, await embedTextsWith(await clipTextTower(), texts, 'text_embeds', options));
    },
    async embedImages(input, options = {}) {
      const images = validateImages(input?.images, config.maxInputs);
      return result(config.imageModel, await embedImagesWith(await visionTower(), images, options));
    },
    async load() {
      await Promise.all([textTower(), clipTextTower(), visionTower()]);
    },
    loaded: () => done.text && done.clipText && done.vision,
    device: () => choice,
    async dispose() {
      const towers = await Promise.allSettled([text, clipText, vision].filter((p) => p !== undefined));
      text = clipText = vision = undefined;
      done.text = done.clipText = done.vision = false;
      for (const t of towers) if (t.status === 'fulfilled') await t.value.model.dispose();
    },
  };
}

/** Runs `fn` on consecutive slices of `items`, reporting progress and honouring cancellation between batches. */
async function inBatches(items: number[], size: number, options: EmbedCallOptions, fn: (batch: number[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    options.signal?.throwIfAborted();
    const batch = items.slice(start, start + size);
    await fn(batch);
    await options.onBatch?.(Math.min(start + size, items.length), items.length);
  }
}

function required(outputs: Record<string, Tensor>, name: string): Tensor {
  const tensor = outputs[name];
  if (!tensor) throw new Error(`the model has no output '${name}' (outputs: ${Object.keys(outputs).join(', ')})`);
  return tensor;
}

/** [batch, dims] tensor → L2-normalised rows. */
function rows(output: Tensor): number[][] {
  const tensor = output.type === 'float32' ? output : output.to('float32');
  const [count, dims] = tensor.dims as [number, number];
  const data = tensor.data as Float32Array;
  const out: number[][] = [];
  for (let r = 0; r < count; r++) {
    const row = Array.from(data.subarray(r * dims, (r + 1) * dims));
    const norm = Math.sqrt(row.reduce((s, x) => s + x * x, 0));
    if (!Number.isFinite(norm) || norm === 0) throw new Error('the model returned a zero or non-finite vector');
    out.push(row.map((x) => x / norm));
  }
  return out;
}

/** Tokens kept per text: the configured limit, else the tokenizer's, never past the model's position table. */
function tokenLimit(tokenizer: Tokenizer, model: Model, configured: number, fallback: number): number {
  const cfg = model.config as unknown as { max_position_embeddings?: number; text_config?: { max_position_embeddings?: number } };
  const positions = cfg.max_position_embeddings ?? cfg.text_config?.max_position_embeddings ?? fallback;
  const tokenizerLimit = Number((tokenizer as unknown as { model_max_length?: number }).model_max_length);
  const limit = configured > 0 ? configured : Number.isFinite(tokenizerLimit) && tokenizerLimit > 0 ? tokenizerLimit : fallback;
  return Math.min(limit, positions);
}

function validateTexts(texts: unknown, maxInputs: number): string[] {
  if (!Array.isArray(texts) || texts.length === 0) throw new EmbeddingInputError('texts must be a non-empty array of strings');
  if (texts.length > maxInputs) throw new EmbeddingInputError(`texts has ${texts.length} entries; at most ${maxInputs} per call`);
  texts.forEach((t, i) => {
    if (typeof t !== 'string') throw new EmbeddingInputError(`texts[${i}] is not a string`);
    if (t.trim() === '') throw new EmbeddingInputError(`texts[${i}] is empty`);
  });
  return texts as string[];
}

function validateImages(images: unknown, maxInputs: number): string[] {
  if (!Array.isArray(images) || images.length === 0) throw new EmbeddingInputError('images must be a non-empty array of base64-encoded images');
  if (images.length > maxInputs) throw new EmbeddingInputError(`images has ${images.length} entries; at most ${maxInputs} per call`);
  images.forEach((image, i) => {
    if (typeof image !== 'string' || image.length === 0) throw new EmbeddingInputError(`images[${i}] is not a non-empty base64 string`);
    if (image.length % 4 !== 0 || !BASE64.test(image)) throw new EmbeddingInputError(`images[${i}] is not valid base64`);
    if ((image.length / 4) * 3 > MAX_IMAGE_BYTES) throw new EmbeddingInputError(`images[${i}] is larger than ${MAX_IMAGE_BYTES} bytes`);
  });
  return images as string[];
}

async function decodeImage(hf: Transformers, base64: string, index: number) {
  try {
    return await hf.RawImage.fromBlob(new Blob([Buffer.from(base64, 'base64')]));
  } catch (error) {
    throw new EmbeddingInputError(`images[${index}] is not a decodable image (${(error as Error).message.split('\n')[0]})`);
  }
}
