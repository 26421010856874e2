import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { boundedLabel, counter, initMetrics, metricsRegistry, metricsText } from '@scs/runtime/observability/metrics';
import { graphqlMetricsPlugin } from '@scs/graphql-kit/observability/graphql-metrics';
import { serviceNameFromEntry, tracingEnabled } from '@scs/runtime/observability/tracing';

const typeDefs = `type Query { hello: String, refused: String, broken: String }`;
const resolvers = {
  Query: {
    hello: () => 'world',
    refused: () => {
      throw new GraphQLError('Not for you.', { extensions: { code: 'FORBIDDEN' } });
    },
    broken: () => {
      throw new Error('boom');
    },
  },
};

async function value(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name);
  const entry = (metric?.values as { labels: Record<string, string | number>; value: number; metricName?: string }[] | undefined)?.find(
    (v) => (v.metricName ?? name) === (name.endsWith('_seconds') ? `${name}_count` : name) && Object.entries(labels).every(([k, l]) => v.labels[k] === l),
  );
  return entry?.value;
}

describe('observability: metrics', () => {
  const server = new ApolloServer({ typeDefs, resolvers, plugins: [graphqlMetricsPlugin()] });

  it('times operations by name, type and outcome, and counts errors by extensions.code', async () => {
    initMetrics('shared-test');
    await server.executeOperation({ query: 'query Greeting { hello }' });
    await server.executeOperation({ query: 'query Greeting { hello }' });
    await server.executeOperation({ query: '{ hello }' });
    await server.executeOperation({ query: 'query Refusal { refused }' });
    await server.executeOperation({ query: 'query Breakage { broken }' });
    await server.executeOperation({ query: 'query Invalid { nope }' });

    expect(await value('graphql_operation_duration_seconds', { operation: 'Greeting', type: 'query', outcome: 'ok' })).toBe(2);
    expect(await value('graphql_operation_duration_seconds', { operation: '(anonymous)', type: 'query', outcome: 'ok' })).toBe(1);
    expect(await value('graphql_operation_duration_seconds', { operation: 'Refusal', type: 'query', outcome: 'error' })).toBe(1);
    expect(await value('graphql_errors_total', { operation: 'Refusal', code: 'FORBIDDEN' })).toBe(1);
    expect(await value('graphql_errors_total', { operation: 'Breakage', code: 'INTERNAL_SERVER_ERROR' })).toBe(1);
    expect(await value('graphql_errors_total', { operation: 'Invalid', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);

    const { contentType, body } = await metricsText();
    expect(contentType).toMatch(/^text\/plain/);
    const bucket = body
      .split('\n')
      .find((line) => line.startsWith('graphql_operation_duration_seconds_bucket{') && line.includes('le="+Inf"') && line.includes('operation="Greeting"'));
    expect(bucket).toContain('service="shared-test"');
    expect(bucket).toMatch(/ 2$/);
    expect(body).toMatch(/^process_cpu_user_seconds_total\{service="shared-test"\} /m);
  });

  it('defines a series once however often a module asks for it', () => {
    const a = counter({ name: 'observability_test_total', help: 'test' });
    const b = counter({ name: 'observability_test_total', help: 'test' });
    expect(a).toBe(b);
  });

  it('keeps labels drawn from requests bounded', () => {
    const label = boundedLabel(2);
    expect([label('One'), label('Two'), label('Three'), label('One')]).toEqual(['One', 'Two', 'other', 'One']);
    expect(label('{ evil }')).toBe('invalid');
    expect(label(undefined, '(anonymous)')).toBe('(anonymous)');
  });
});

describe('observability: tracing set-up', () => {
  it('is off unless an OTLP endpoint is configured', () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });

  it('names each service after its entry point', () => {
    expect(serviceNameFromEntry('gateway/dist/main.js')).toBe('gateway');
    expect(serviceNameFromEntry('/app/subgraphs/chat/dist/main.js')).toBe('chat');
    expect(serviceNameFromEntry('workflows/dist/workers/ingestion.worker.js')).toBe('ingestion-worker');
    expect(serviceNameFromEntry('workflows/dist/workers/embedding.worker.js')).toBe('embedding-worker');
    expect(serviceNameFromEntry('infra/llm-server/dist/main.js')).toBe('llm-server');
  });
});
