import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of the app (see web/README.md): screens may use composables and components, never
// the other way round. Checked on the files themselves, so a new file is covered without a list.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const SCREENS = join(SRC, 'screens');

/** Every module specifier in a source: static imports and re-exports, side-effect imports, `import()`. */
function specifiers(source: string): string[] {
  const patterns = [/\b(?:import|export)\s+[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

/** The specifiers of `source` (the file at `file`) that lead into src/screens. */
function screenImports(file: string, source: string): string[] {
  return specifiers(source).filter((specifier) => {
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) return /(^|\/)src\/screens(\/|$)/.test(specifier);
    const target = resolve(dirname(file), specifier);
    return target === SCREENS || target.startsWith(SCREENS + sep);
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(entry.name) ? [path] : [];
  });
}

describe('layers', () => {
  it('finds imports into the screens, however they are written', () => {
    const file = join(SRC, 'composables', 'useExample.ts');
    const source = [
      "import { ConversationsQuery } from '../screens/chat/chat.documents';",
      'import type { X } from "../screens/inbox/useInbox";',
      "export { Y } from '../screens/status/status.documents';",
      "import '../screens/analytics/chartTheme';",
      "const lazy = () => import('../screens/admin/MembersScreen.vue');",
      "import {\n  A,\n  B,\n} from '../screens/auth/auth.documents';",
      "import { useSession } from './useSession';",
      "import { graphql } from '../gql';",
      "import { ref } from 'vue';",
    ].join('\n');
    expect(screenImports(file, source)).toEqual([
      '../screens/chat/chat.documents',
      '../screens/inbox/useInbox',
      '../screens/status/status.documents',
      '../screens/auth/auth.documents',
      '../screens/analytics/chartTheme',
      '../screens/admin/MembersScreen.vue',
    ]);
  });

  it('composables and components never import from screens', () => {
    const files = [...sourceFiles(join(SRC, 'composables')), ...sourceFiles(join(SRC, 'components'))];
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      screenImports(file, readFileSync(file, 'utf8')).map((specifier) => `${relative(SRC, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
