import type { ApolloServerPlugin } from '@apollo/server';
import { forbidden, hasPermission } from '@scs/shared';
import { BREAK, visit } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * Schema introspection (`__schema`, `__type`) is for partners and internal tools holding
 * `schema:introspect`, and for everyone in development. The public SDL is in schema/api.graphql.
 */
export function introspectionGuard(openToAll: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (openToAll || hasPermission(contextValue.identity, 'schema:introspect')) return;
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
