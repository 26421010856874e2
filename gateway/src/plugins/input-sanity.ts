import type { ApolloServerPlugin } from '@apollo/server';
import { badUserInput } from '@scs/graphql-kit/auth/errors';
import { BREAK, visit } from 'graphql';
import type { GatewayContext } from '../context.js';

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}

/**
 * Refuses text with NUL characters anywhere in an operation's arguments or variables, once at the
 * door: no store downstream (PostgreSQL text, OpenSearch) can keep them, so they would otherwise
 * fail deep inside a subgraph.
 */
export function rejectNulCharacters(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let found = containsNul(request.variables);
          if (!found) {
            visit(document, {
              StringValue(node) {
                if (node.value.includes('\u0000')) {
                  found = true;
                  return BREAK;
                }
                return undefined;
              },
            });
          }
          if (found) throw badUserInput('Text must not contain NUL (\\u0000) characters.');
        },
      };
    },
  };
}
