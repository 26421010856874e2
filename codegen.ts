import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed GraphQL documents for the web app. Run from the repository root (paths are relative to it):
//   npm run codegen -w @scs/web         regenerate web/src/gql/
//   npm run codegen:check -w @scs/web   fail if web/src/gql/ is out of date
// The schema is the checked-in public API schema (schema/api.graphql, derived from the supergraph by
// Apollo's composition), so the federation machinery never reaches the generated types.
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['web/src/**/*.{ts,vue}', '!web/src/gql/**'],
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTimeISO: 'string' },
        // Apollo Client adds __typename to every selection set except the operation's root.
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
