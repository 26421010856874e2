import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import type { ServiceStatusFieldsFragment } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { SystemStatusQuery } from './status.documents';

/** The subgraphs in the order the screen lists them, with the names people read. */
const SERVICES = [
  { key: 'users', title: 'Users' },
  { key: 'knowledge', title: 'Knowledge' },
  { key: 'chat', title: 'Chat' },
  { key: 'analytics', title: 'Analytics' },
] as const;

export interface ServiceView {
  key: (typeof SERVICES)[number]['key'];
  title: string;
  status: ServiceStatusFieldsFragment;
}

/** Health of every service behind the gateway, polled. */
export function useSystemStatus(options: { pollInterval?: number } = {}) {
  const query = useQuery(SystemStatusQuery, null, {
    pollInterval: options.pollInterval ?? 5_000,
    // A failed poll keeps the last good answer on screen next to the error.
    errorPolicy: 'all',
    notifyOnNetworkStatusChange: false,
  });

  const services = computed<ServiceView[]>(() => {
    const status = query.result.value?.systemStatus;
    if (!status) return [];
    return SERVICES.map(({ key, title }) => ({ key, title, status: status[key] }));
  });
  const readyCount = computed(() => services.value.filter((s) => s.status.ready).length);
  const errorMessage = computed(() => (query.error.value ? describeError(query.error.value) : null));

  return {
    services,
    readyCount,
    loading: query.loading,
    errorMessage,
    refetch: () => query.refetch(),
  };
}
