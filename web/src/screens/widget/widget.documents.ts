import { graphql } from '../../gql';

// The chat widget: its settings (administration) and the visitor session its panel starts.
// The panel's chat itself is the chat screen's (screens/chat/, graphql/documents/conversation.documents.ts).

export const WidgetSettingsFields = graphql(`
  fragment WidgetSettingsFields on WidgetSettings {
    organizationId
    enabled
    allowedOrigins
  }
`);

export const ReadWidgetSettingsQuery = graphql(`
  query ReadWidgetSettings {
    widgetSettings {
      ...WidgetSettingsFields
    }
  }
`);

export const UpdateWidgetSettingsMutation = graphql(`
  mutation UpdateWidgetSettings($input: WidgetSettingsInput!) {
    updateWidgetSettings(input: $input) {
      ...WidgetSettingsFields
    }
  }
`);

export const StartVisitorSessionMutation = graphql(`
  mutation StartVisitorSession($organizationId: ID!, $pageOrigin: String) {
    startVisitorSession(organizationId: $organizationId, pageOrigin: $pageOrigin) {
      ...AuthPayloadFields
    }
  }
`);
