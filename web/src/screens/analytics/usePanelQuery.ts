import type { OperationVariables, TypedDocumentNode } from '@apollo/client/core';
import { useQuery } from '@vue/apollo-composable';
import { computed, watch } from 'vue';
import { describeError } from '../../graphql/errors';

/**
 * A dashboard panel's query: cache first and then the network, fetched again whenever
 * `refreshKey` changes (Refresh, live events), and its error in words for the panel to show.
 */
export function usePanelQuery<TResult, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: () => TVariables,
  refreshKey: () => number,
) {
  const query = useQuery(document, variables, { fetchPolicy: 'cache-and-network' });
  watch(refreshKey, () => void query.refetch());
  const error = computed(() => (query.error.value ? describeError(query.error.value) : null));
  return { query, error };
}
