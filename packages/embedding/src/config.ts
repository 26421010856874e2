import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Settings of the embedding models, shared by the embedding worker and any service that embeds in
 * process (`createEmbedder`). Every variable has a default that works with `infra/models/provision-models`.
 */
export const embeddingEnvSchema = z.object({
  /** Local model directory, laid out as transformers.js expects (`<dir>/<model id>/onnx/*.onnx`); `stack env` prints it. */
  EMBEDDING_MODELS_DIR: z
    .string()
    .min(1)
    .default(path.join(process.env.SCS_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'scs'), 'models')),
  /** Sentence-embedding model id under EMBEDDING_MODELS_DIR (a BERT-like encoder; mean pooling, L2 normalisation). */
  TEXT_EMBEDDING_MODEL: z.string().min(1).default('sentence-transformers/all-MiniLM-L6-v2'),
  /** CLIP model id under EMBEDDING_MODELS_DIR (`onnx/text_model.onnx` + `onnx/vision_model.onnx`), e.g. Xenova/clip-vit-base-patch32. */
  IMAGE_EMBEDDING_MODEL: z.string().min(1).default('scs/tiny-clip'),
  /** true lets transformers.js download missing models from the Hugging Face hub (needs internet); false = local files only. */
  EMBEDDING_ALLOW_REMOTE_MODELS: z.stringbool().default(false),
  /** auto: CUDA when the host has an NVIDIA device and onnxruntime-node's CUDA provider is installed, else CPU. */
  EMBEDDING_DEVICE: z.enum(['auto', 'cpu', 'cuda']).default('auto'),
  /** Weights to load: fp32 is `onnx/model.onnx`; q8/fp16 pick `*_quantized.onnx`/`*_fp16.onnx` where a model ships them. */
  EMBEDDING_DTYPE: z.enum(['fp32', 'fp16', 'q8']).default('fp32'),
  /** Inputs per model run. 8 is fastest on CPU (docs/benchmarks.md); on a GPU larger batches (32–128) pay off. */
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().min(1).max(1024).default(8),
  /** Most inputs one call accepts (larger requests are refused as bad input). */
  EMBEDDING_MAX_INPUTS: z.coerce.number().int().min(1).default(2048),
  /** Text longer than this many tokens is truncated; 0 = the tokenizer's model_max_length (MiniLM 256, CLIP 77). */
  EMBEDDING_MAX_TOKENS: z.coerce.number().int().min(0).default(0),
  /** onnxruntime intra-op threads per model; 0 = onnxruntime's default (one per physical core). */
  EMBEDDING_THREADS: z.coerce.number().int().min(0).default(0),
});

export type EmbeddingEnv = z.infer<typeof embeddingEnvSchema>;

export type EmbeddingDevice = EmbeddingEnv['EMBEDDING_DEVICE'];

export interface EmbedderConfig {
  modelsDir: string;
  textModel: string;
  imageModel: string;
  allowRemoteModels: boolean;
  device: EmbeddingDevice;
  dtype: EmbeddingEnv['EMBEDDING_DTYPE'];
  batchSize: number;
  maxInputs: number;
  /** 0 = the tokenizer's model_max_length. */
  maxTokens: number;
  /** 0 = onnxruntime's default. */
  threads: number;
}

export function embedderConfigFromEnv(env: EmbeddingEnv): EmbedderConfig {
  return {
    modelsDir: path.resolve(env.EMBEDDING_MODELS_DIR),
    textModel: env.TEXT_EMBEDDING_MODEL,
    imageModel: env.IMAGE_EMBEDDING_MODEL,
    allowRemoteModels: env.EMBEDDING_ALLOW_REMOTE_MODELS,
    device: env.EMBEDDING_DEVICE,
    dtype: env.EMBEDDING_DTYPE,
    batchSize: env.EMBEDDING_BATCH_SIZE,
    maxInputs: env.EMBEDDING_MAX_INPUTS,
    maxTokens: env.EMBEDDING_MAX_TOKENS,
    threads: env.EMBEDDING_THREADS,
  };
}
