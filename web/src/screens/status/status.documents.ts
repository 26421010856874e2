import { graphql } from '../../gql';

export const ServiceStatusFields = graphql(`
  fragment ServiceStatusFields on ServiceStatus {
    service
    ready
    dependencies {
      name
      ok
      latencyMs
      detail
    }
  }
`);

export const SystemStatusQuery = graphql(`
  query SystemStatus {
    systemStatus {
      id
      users {
        ...ServiceStatusFields
      }
      knowledge {
        ...ServiceStatusFields
      }
      chat {
        ...ServiceStatusFields
      }
      analytics {
        ...ServiceStatusFields
      }
    }
  }
`);
