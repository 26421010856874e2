/**
 * What the embedding worker offers to workflows on other task queues (the crawl): activities only,
 * run on the `embedding` task queue (behind `TEMPORAL_TASK_QUEUE_PREFIX`, see `taskQueues` in
 * crawl.ts) by `workflows/src/workers/embedding.worker.ts`. No model code is imported here,
 * so workflow code can import this file.
 */
export const EMBEDDING_TASK_QUEUE = 'embedding';

export interface EmbeddingResult {
  model: string;
  dimensions: number;
  vectors: number[][];
} // L2-normalised, one per input, same order

export interface EmbeddingActivities {
  /** Sentence embeddings for passages and queries (MiniLM, 384 dims by default). */
  embedTexts(input: { texts: string[] }): Promise<EmbeddingResult>;
  /** CLIP image embeddings; images are encoded image bytes (PNG/WebP/JPEG) as base64, already resized to the model input. */
  embedImages(input: { images: string[] }): Promise<EmbeddingResult>;
  /** CLIP text-tower embeddings, for text→image search. */
  embedImageQueries(input: { texts: string[] }): Promise<EmbeddingResult>;
}
