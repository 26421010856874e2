import type { ApolloServerPlugin } from '@apollo/server';
import { forbidden } from '@scs/graphql-kit/auth/errors';
import { hasPermission } from '@scs/graphql-kit/auth/authorize';
import { SCHEMA_INTROSPECTION } from '@scs/contracts/policy';
import { BREAK, visit } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * Schema introspection (`__schema`, `__type`) follows the policy table's `SCHEMA_INTROSPECTION`:
 * only principals holding `schema:introspect` (partner and service API keys), in every environment.
 * Queries sent over WebSocket run through Apollo Server too, so this covers both transports.
 */
export function introspectionGuard(): ApolloServerPlugin<GatewayContext> {
  const permissions = 'permissions' in SCHEMA_INTROSPECTION ? SCHEMA_INTROSPECTION.permissions : [];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (permissions.some((p) => hasPermission(contextValue.identity, p))) return;
          let introspects = false;
          visit(document, {
            Field(node) {
              if (node.name.value === '__schema' || node.name.value === '__type') {
                introspects = true;
                return BREAK;
              }
              return undefined;
            },
          });
          if (introspects) throw forbidden('Introspection needs the schema:introspect permission (partner and service API keys have it).');
        },
      };
    },
  };
}
