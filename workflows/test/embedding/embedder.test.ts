import { existsSync } from 'node:fs';
import path from 'node:path';
import { stackEnv } from '@scs/test-support';
import { ApplicationFailure } from '@temporalio/activity';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseDevice, cudaProviderPath, hasNvidiaDevice } from '@scs/embedding/device';
import { createEmbedder, type Embedder } from '@scs/embedding/embedder';
import { createEmbeddingActivities, EMBEDDING_INPUT_FAILURE } from '../../src/embedding/activities.js';
import { embedderConfigFromEnv, embeddingEnvSchema, type EmbedderConfig } from '@scs/embedding/config';
import { EmbeddingInputError } from '@scs/embedding/errors';

// The real models, as infra/models/provision-models lays them out (`npm test` provisions them).
const baseConfig: EmbedderConfig = embedderConfigFromEnv(embeddingEnvSchema.parse({ ...stackEnv(), EMBEDDING_DEVICE: 'cpu' }));

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));
const maxDiff = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((x, j) => Math.abs(x - b[i]![j]!))));

async function image(format: 'png' | 'jpeg' | 'webp', color: { r: number; g: number; b: number }, stripe = false): Promise<string> {
  const size = 224;
  const pixels = Buffer.alloc(size * size * 3);
  for (let i = 0; i < size * size; i++) {
    const on = !stripe || Math.floor((i % size) / 28) % 2 === 0;
    pixels[i * 3] = on ? color.r : 255 - color.r;
    pixels[i * 3 + 1] = on ? color.g : 255 - color.g;
    pixels[i * 3 + 2] = on ? color.b : 255 - color.b;
  }
  const img = sharp(pixels, { raw: { width: size, height: size, channels: 3 } });
  return (await img.toFormat(format).toBuffer()).toString('base64');
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

describe('embedding models', { timeout: 120_000 }, () => {
  let embedder: Embedder;
  const logs: string[] = [];
  const logger = { info: (_: unknown, msg?: string) => void logs.push(msg ?? ''), warn: (_: unknown, msg?: string) => void logs.push(`WARN ${msg}`) };

  beforeAll(() => {
    for (const id of [baseConfig.textModel, baseConfig.imageModel]) {
      if (!existsSync(path.join(baseConfig.modelsDir, id, 'config.json'))) {
        throw new Error(`no model at ${path.join(baseConfig.modelsDir, id)}: run infra/models/provision-models (npm test does)`);
      }
    }
    embedder = createEmbedder(baseConfig, logger as never);
  });
  afterAll(async () => embedder?.dispose());

  describe('text (all-MiniLM-L6-v2)', () => {
    it('loads once for concurrent first calls, and returns 384-d unit vectors in input order', async () => {
      const texts = ['first', 'second text', 'the third one is the longest of them all'];
      const [a, b, c] = await Promise.all([embedder.embedTexts({ texts }), embedder.embedTexts({ texts }), embedder.embedTexts({ texts: [texts[2]!] })]);
      expect(logs.filter((l) => l === 'text embedding model loaded')).toHaveLength(1);
      expect(a.model).toBe('sentence-transformers/all-MiniLM-L6-v2');
      expect(a.dimensions).toBe(384);
      expect(a.vectors).toHaveLength(3);
      for (const v of a.vectors) {
        expect(v).toHaveLength(384);
        expect(norm(v)).toBeCloseTo(1, 5);
      }
      expect(maxDiff(a.vectors, b.vectors)).toBe(0);
      expect(maxDiff([a.vectors[2]!], c.vectors)).toBeLessThan(1e-5); // order kept although sorted by length inside
    });

    it('matches the reference output of sentence-transformers (values published on the model card)', async () => {
      const { vectors } = await embedder.embedTexts({ texts: ['This is an example sentence', 'Each sentence is converted'] });
      const reference = [
        [0.0677, 0.0635, 0.0487, 0.0793, 0.0374],
        [0.0864, 0.1028, 0.0054, 0.002, -0.01],
      ];
      reference.forEach((ref, i) => ref.forEach((x, j) => expect(vectors[i]![j]!).toBeCloseTo(x, 3)));
    });

    it('puts a paraphrase closer than an unrelated sentence', async () => {
      const { vectors } = await embedder.embedTexts({
        texts: ['How do I reset my password?', 'I forgot my password, how can I change it?', 'Our office is closed on Sundays'],
      });
      const [query, paraphrase, unrelated] = vectors as [number[], number[], number[]];
      expect(dot(query, paraphrase)).toBeGreaterThan(0.6);
      expect(dot(query, unrelated)).toBeLessThan(0.3);
      expect(dot(query, paraphrase) - dot(query, unrelated)).toBeGreaterThan(0.4);
    });

    it('gives the same vectors batched (several batches, padded) as one by one, reporting progress per batch', async () => {
      const small = createEmbedder({ ...baseConfig, batchSize: 2 });
      try {
        const texts = [
          'Shipping is free above 50 euros.',
          'Returns',
          'You can return any item within 30 days of delivery, unused and in its box.',
          'Contact us by phone',
          'Opening hours',
        ];
        const progress: string[] = [];
        const batched = await small.embedTexts({ texts }, { onBatch: (done, total) => void progress.push(`${done}/${total}`) });
        expect(progress).toEqual(['2/5', '4/5', '5/5']);
        const single = [];
        for (const text of texts) single.push((await small.embedTexts({ texts: [text] })).vectors[0]!);
        expect(maxDiff(batched.vectors, single)).toBeLessThan(1e-5);
      } finally {
        await small.dispose();
      }
    });

    it('truncates over-long text to the model limit (256 tokens) instead of rejecting it', async () => {
      const long = Array.from({ length: 3000 }, (_, i) => `word${i % 50}`).join(' ');
      const { vectors } = await embedder.embedTexts({ texts: [long, `${long} and a different ending that lies past the limit`] });
      expect(norm(vectors[0]!)).toBeCloseTo(1, 5);
      expect(maxDiff([vectors[0]!], [vectors[1]!])).toBeLessThan(1e-6);
    });

    it('stops between batches when cancelled', async () => {
      const controller = new AbortController();
      const small = createEmbedder({ ...baseConfig, batchSize: 1 });
      try {
        const error = await rejection(
          small.embedTexts({ texts: ['a', 'b', 'c'] }, { signal: controller.signal, onBatch: () => controller.abort(new Error('cancelled by test')) }),
        );
        expect(error.message).toBe('cancelled by test');
      } finally {
        await small.dispose();
      }
    });
  });

  describe('bad input', () => {
    it.each([
      ['no array', { texts: undefined }, 'texts must be a non-empty array'],
      ['an empty array', { texts: [] }, 'texts must be a non-empty array'],
      ['an empty string', { texts: ['fine', '  '] }, 'texts[1] is empty'],
      ['a non-string', { texts: ['fine', 42] }, 'texts[1] is not a string'],
    ])('refuses %s with a clear EmbeddingInputError', async (_, input, message) => {
      const error = await rejection(embedder.embedTexts(input as never));
      expect(error).toBeInstanceOf(EmbeddingInputError);
      expect(error.message).toContain(message);
    });

    it('refuses more inputs than EMBEDDING_MAX_INPUTS', async () => {
      const limited = createEmbedder({ ...baseConfig, maxInputs: 2 });
      const error = await rejection(limited.embedTexts({ texts: ['a', 'b', 'c'] }));
      expect(error.message).toBe('texts has 3 entries; at most 2 per call');
    });

    it('refuses images that are not base64 or not an image', async () => {
      expect((await rejection(embedder.embedImages({ images: [] }))).message).toContain('images must be a non-empty array');
      expect((await rejection(embedder.embedImages({ images: ['not base64!'] }))).message).toBe('images[0] is not valid base64');
      const notAnImage = Buffer.from('hello, this is text and not a picture').toString('base64');
      const error = await rejection(embedder.embedImages({ images: [await image('png', { r: 1, g: 2, b: 3 }), notAnImage] }));
      expect(error).toBeInstanceOf(EmbeddingInputError);
      expect(error.message).toMatch(/^images\[1\] is not a decodable image/);
    });

    it('becomes a non-retryable ApplicationFailure in the activities', async () => {
      const activities = createEmbeddingActivities(embedder);
      const error = await rejection(activities.embedTexts({ texts: [] }));
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect((error as ApplicationFailure).nonRetryable).toBe(true);
      expect((error as ApplicationFailure).type).toBe(EMBEDDING_INPUT_FAILURE);
      const ok = await activities.embedTexts({ texts: ['works outside an activity context too'] });
      expect(ok.dimensions).toBe(384);
    });
  });

  describe('CLIP (scs/tiny-clip)', () => {
    it('embeds text queries as deterministic 512-d unit vectors', async () => {
      const texts = ['a red shoe', 'the blue door of our shop'];
      const a = await embedder.embedImageQueries({ texts });
      const other = createEmbedder(baseConfig);
      try {
        const b = await other.embedImageQueries({ texts });
        expect(a.model).toBe('scs/tiny-clip');
        expect(a.dimensions).toBe(512);
        for (const v of a.vectors) expect(norm(v)).toBeCloseTo(1, 5);
        expect(maxDiff(a.vectors, b.vectors)).toBe(0);
        expect(dot(a.vectors[0]!, a.vectors[1]!)).toBeLessThan(0.999);
      } finally {
        await other.dispose();
      }
    });

    it('embeds PNG, JPEG and WebP images as deterministic 512-d unit vectors, batched as one by one', async () => {
      const images = [
        await image('png', { r: 220, g: 20, b: 20 }),
        await image('jpeg', { r: 20, g: 20, b: 220 }, true),
        await image('webp', { r: 20, g: 200, b: 20 }, true),
      ];
      const batched = await embedder.embedImages({ images });
      expect(batched.model).toBe('scs/tiny-clip');
      expect(batched.dimensions).toBe(512);
      expect(batched.vectors).toHaveLength(3);
      for (const v of batched.vectors) expect(norm(v)).toBeCloseTo(1, 5);
      const again = await embedder.embedImages({ images });
      expect(maxDiff(batched.vectors, again.vectors)).toBe(0);
      const single = [];
      for (const img of images) single.push((await embedder.embedImages({ images: [img] })).vectors[0]!);
      expect(maxDiff(batched.vectors, single)).toBeLessThan(1e-5);
      expect(dot(batched.vectors[0]!, batched.vectors[1]!)).toBeLessThan(0.999);
    });
  });

  describe('device choice', () => {
    it('uses the CPU when asked, and in auto mode unless an NVIDIA device and the CUDA provider are both there', () => {
      expect(chooseDevice('cpu')).toEqual({ device: 'cpu', reason: 'EMBEDDING_DEVICE=cpu' });
      const auto = chooseDevice('auto');
      expect(auto.device).toBe(hasNvidiaDevice() && cudaProviderPath() ? 'cuda' : 'cpu');
      expect(auto.reason).toMatch(/^auto: /);
      if (!cudaProviderPath()) expect(() => chooseDevice('cuda')).toThrow(/CUDA provider .* is not installed/);
      expect(embedder.device().device).toBe('cpu');
    });
  });
});
