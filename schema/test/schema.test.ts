import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@scs/test-support';
import { composeSubgraphs } from '../src/compose.js';

const run = promisify(execFile);
const generator = join(REPO_ROOT, 'schema/dist/generate.js');

async function check(dir?: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [generator, '--check', ...(dir ? ['--dir', dir] : [])]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('checked-in schema', () => {
  it('matches what the subgraphs produce and composes', async () => {
    const result = await check();
    expect(result.output).toContain('schema up to date (6 files, composition ok)');
    expect(result.code).toBe(0);
  });

  it('fails the check when a checked-in file drifts from the code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scs-schema-'));
    await cp(join(REPO_ROOT, 'schema'), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const chat = join(dir, 'chat.graphql');
    await writeFile(chat, (await readFile(chat, 'utf8')).replace('text: String!', 'text: String'));
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/schema drift: chat\.graphql/);
  });

  it('reports composition errors instead of producing a supergraph', () => {
    const result = composeSubgraphs([
      {
        name: 'a',
        url: 'http://a',
        sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { a: Thing } type Thing { id: ID! }',
      },
      {
        name: 'b',
        url: 'http://b',
        sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { b: Thing } type Thing { id: String! }',
      },
    ]);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.join('\n')).toMatch(/Thing/);
  });
});
