import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { Connection } from '@temporalio/client';
import type { DependencyCheck } from '@scs/runtime/health';

export function openSearchCheck(client: OpenSearchClient): DependencyCheck {
  return {
    name: 'opensearch',
    check: async () => {
      const { body } = await client.cluster.health({});
      if (body.status === 'red') throw new Error('cluster status is red');
      const info = await client.info();
      return `OpenSearch ${info.body.version.number}, cluster ${body.status}`;
    },
  };
}

export function temporalCheck(connection: Connection): DependencyCheck {
  return {
    name: 'temporal',
    check: async () => {
      const info = await connection.workflowService.getSystemInfo({});
      return `Temporal server ${info.serverVersion}`;
    },
  };
}
