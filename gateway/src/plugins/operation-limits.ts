import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayConfig } from '../config.js';

/**
 * Limits on what one operation may ask for — depth, aliases, estimated cost, directives —
 * checked before any subgraph is called (GraphQL Armor). Field suggestions in validation errors are
 * hidden in every environment, so the schema cannot be mapped by guessing.
 */
export function operationLimits(config: GatewayConfig) {
  return new ApolloArmor({
    maxDepth: { n: config.OPERATION_MAX_DEPTH, exposeLimits: true, ignoreIntrospection: true },
    // No allow-list: Armor exempts `__typename` by default, and 500 of its aliases are 500 resolver calls all the same.
    maxAliases: { n: config.OPERATION_MAX_ALIASES, exposeLimits: true, allowList: [] },
    costLimit: { maxCost: config.OPERATION_MAX_COST, exposeLimits: true },
    // Tokens are limited by the parser itself (Apollo's parseOptions, graphql-ws's parse): Armor's check throws from a
    // parsing hook, which Apollo answers with a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: config.OPERATION_MAX_DIRECTIVES, exposeLimits: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
