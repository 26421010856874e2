import { graphql } from '../gql';

// The documents the session store itself sends: rotating and ending sessions, switching
// organization, and `me`. The sign-in screens' documents are in screens/auth/auth.documents.ts.

export const SessionUserFields = graphql(`
  fragment SessionUserFields on User {
    id
    displayName
    email
    emailVerified
  }
`);

export const SessionOrganizationFields = graphql(`
  fragment SessionOrganizationFields on Organization {
    id
    name
    slug
  }
`);

export const AuthPayloadFields = graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    refreshToken
    refreshTokenExpiresAt
    role
    user {
      ...SessionUserFields
    }
    organization {
      ...SessionOrganizationFields
    }
  }
`);

export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    role
    permissions
    user {
      ...SessionUserFields
    }
    organization {
      ...SessionOrganizationFields
    }
    memberships {
      role
      organization {
        ...SessionOrganizationFields
      }
    }
  }
`);

export const MeQuery = graphql(`
  query SessionViewer {
    me {
      ...ViewerFields
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...AuthPayloadFields
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

export const SwitchOrganizationMutation = graphql(`
  mutation SwitchOrganization($organizationId: ID!) {
    switchOrganization(organizationId: $organizationId) {
      ...AuthPayloadFields
    }
  }
`);
