import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export type CompositionResult = { ok: true; supergraphSdl: string; apiSdl: string; hints: string[] } | { ok: false; errors: string[] };

/**
 * Composes subgraph SDLs into a supergraph with Apollo's composition, the same rules the gateway
 * relies on, and derives the public API schema from it (what clients and partners see: no
 * federation machinery, no @inaccessible elements).
 */
export function composeSubgraphs(subgraphs: SubgraphSdl[]): CompositionResult {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.message) };
  const apiSdl = printSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { ok: true, supergraphSdl: result.supergraphSdl, apiSdl, hints: (result.hints ?? []).map((h) => h.message) };
}
