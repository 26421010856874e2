import { describe, expect, it } from 'vitest';
import { graphqlEndpoints } from '../src/graphql/client';

describe('graphqlEndpoints', () => {
  it('uses same-origin /graphql, ws:// next to http://', () => {
    expect(graphqlEndpoints({ protocol: 'http:', host: '127.0.0.1:5173' })).toEqual({
      http: '/graphql',
      ws: 'ws://127.0.0.1:5173/graphql',
    });
  });

  it('uses wss:// next to https://', () => {
    expect(graphqlEndpoints({ protocol: 'https:', host: 'support.example.com' }).ws).toBe('wss://support.example.com/graphql');
  });
});
