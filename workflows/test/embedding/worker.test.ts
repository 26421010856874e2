import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stackEnv, startEmbeddingWorker, TEST_TASK_QUEUES, type ServiceProcess } from '@scs/test-support';
import { ActivityFailure, ApplicationFailure, Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDING_INPUT_FAILURE } from '../../src/embedding/activities.js';
import type { embedRoundTrip } from './round-trip.workflow.js';

async function readyz(
  worker: ServiceProcess,
): Promise<{ status: number; body: { ready: boolean; dependencies: { name: string; ok: boolean; detail: string | null }[] } }> {
  const res = await fetch(`${worker.baseUrl}/readyz`);
  return { status: res.status, body: (await res.json()) as never };
}

describe('embedding worker process', { timeout: 120_000 }, () => {
  let worker: ServiceProcess;

  beforeAll(async () => {
    worker = await startEmbeddingWorker();
  });
  afterAll(async () => worker?.stop());

  it('answers /healthz at once and /readyz once Temporal answers and the models are loaded', async () => {
    expect((await fetch(`${worker.baseUrl}/healthz`)).status).toBe(200);
    const deadline = Date.now() + 60_000;
    let last = await readyz(worker);
    while (last.status !== 200 && Date.now() < deadline) {
      expect(last.body.dependencies.find((d) => d.name === 'temporal')).toBeDefined();
      await new Promise((r) => setTimeout(r, 250));
      last = await readyz(worker);
    }
    expect(last.status).toBe(200);
    expect(last.body.dependencies.map((d) => [d.name, d.ok])).toEqual([
      ['redis', true],
      ['opensearch', true],
      ['temporal', true],
      ['models', true],
    ]);
    expect(last.body.dependencies.find((d) => d.name === 'models')!.detail).toBe('sentence-transformers/all-MiniLM-L6-v2, scs/tiny-clip on cpu');
    const logs = worker.logLines();
    expect(logs.find((l) => l.msg === 'embedding models run on cpu')?.reason).toMatch(/^auto: /);
    expect(logs.some((l) => l.msg === 'embedding worker started' && l.taskQueue === TEST_TASK_QUEUES.embedding)).toBe(true);
  });

  it('serves the activities through the real Temporal server to a workflow on another task queue', async () => {
    const env = stackEnv();
    const taskQueue = `embedding-test-${process.pid}-${Date.now()}`;
    const client = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS! }), namespace: env.TEMPORAL_NAMESPACE });
    const nativeConnection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS! });
    const testWorker = await Worker.create({
      connection: nativeConnection,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('./round-trip.workflow.ts', import.meta.url)),
    });
    const png = (
      await sharp({ create: { width: 224, height: 224, channels: 3, background: { r: 10, g: 120, b: 200 } } })
        .png()
        .toBuffer()
    ).toString('base64');
    try {
      await testWorker.runUntil(async () => {
        const [texts, queries, images] = await client.workflow.execute<typeof embedRoundTrip>('embedRoundTrip', {
          taskQueue,
          workflowId: `${taskQueue}-ok`,
          args: [{ texts: ['How do I reset my password?', 'Opening hours'], images: [png], embeddingQueue: TEST_TASK_QUEUES.embedding }],
        });
        expect([texts!.model, texts!.dimensions, texts!.vectors.length]).toEqual(['sentence-transformers/all-MiniLM-L6-v2', 384, 2]);
        expect([queries!.model, queries!.dimensions, queries!.vectors.length]).toEqual(['scs/tiny-clip', 512, 2]);
        expect([images!.model, images!.dimensions, images!.vectors.length]).toEqual(['scs/tiny-clip', 512, 1]);

        // bad input fails at once (non-retryable), although the workflow allows 3 attempts
        const error = await client.workflow
          .execute<typeof embedRoundTrip>('embedRoundTrip', {
            taskQueue,
            workflowId: `${taskQueue}-bad`,
            args: [{ texts: [], images: [png], embeddingQueue: TEST_TASK_QUEUES.embedding }],
          })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(WorkflowFailedError);
        const activityFailure = (error as WorkflowFailedError).cause as ActivityFailure;
        expect(activityFailure).toBeInstanceOf(ActivityFailure);
        const cause = activityFailure.cause as ApplicationFailure;
        expect([cause.type, cause.nonRetryable, cause.message]).toEqual([EMBEDDING_INPUT_FAILURE, true, 'texts must be a non-empty array of strings']);
        const history = await client.workflow.getHandle(`${taskQueue}-bad`).fetchHistory();
        // the started event carries the attempt of the last try
        const started = history.events?.filter((e) => e.activityTaskStartedEventAttributes).map((e) => e.activityTaskStartedEventAttributes!.attempt);
        expect(started?.length).toBeGreaterThan(0);
        expect(started?.every((attempt) => attempt === 1)).toBe(true);
      });
    } finally {
      await nativeConnection.close();
      await client.connection.close();
    }
  });

  it('stops gracefully on SIGTERM', async () => {
    expect(await worker.stop()).toBe(0);
    expect(worker.logLines().some((l) => l.msg === 'embedding worker stopped')).toBe(true);
  });
});

describe('embedding worker without its models', () => {
  it('refuses to start (exit 78) and says how to provision them', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'scs-no-models-'));
    try {
      const worker = await startEmbeddingWorker({ EMBEDDING_MODELS_DIR: empty }).catch((e: Error) => e);
      expect(worker).toBeInstanceOf(Error);
      expect((worker as Error).message).toMatch(/exited with 78/);
      expect((worker as Error).message).toContain(
        `EMBEDDING_MODELS_DIR: no model at ${path.join(empty, 'sentence-transformers/all-MiniLM-L6-v2')} (run infra/models/provision-models`,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
