import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, graphqlRequest, registerAdmin, startSystem, type ServiceProcess, type Session } from '@scs/test-support';

const SOURCE_FIELDS = 'id name startUrl scope includePatterns excludePatterns maxDepth maxPages useSitemap jsRendering recrawlSchedule accessRoles';

describe('sources in the knowledge subgraph', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gateway: ServiceProcess;
  let admin: Session;
  let curator: Session;

  beforeAll(async () => {
    system = await startSystem(1);
    gateway = system.gateways[0]!;
    admin = await registerAdmin(gateway, 'Sources');
    curator = await addMember(gateway, system.subgraphs.users, admin, 'CURATOR');
  });
  afterAll(() => system?.stop());

  const as = (session: Session, query: string, variables?: Record<string, unknown>) => graphqlRequest(gateway.baseUrl, query, variables, session.headers);

  it('a curator adds a source with defaults, edits it, and the changes are audited', async () => {
    const added = await as(curator, `mutation($i: AddSourceInput!) { addSource(input: $i) { ${SOURCE_FIELDS} } }`, {
      i: { startUrl: 'https://help.example.com/docs/#top', excludePatterns: ['/docs/private/**'] },
    });
    expect(added.body.errors).toBeUndefined();
    const source = added.body.data!.addSource;
    expect(source).toMatchObject({
      name: 'help.example.com',
      startUrl: 'https://help.example.com/docs/',
      scope: 'HOST',
      includePatterns: [],
      excludePatterns: ['/docs/private/**'],
      maxDepth: 5,
      maxPages: 500,
      useSitemap: true,
      jsRendering: 'AUTO',
      recrawlSchedule: null,
      accessRoles: [],
    });

    const edited = await as(curator, `mutation($id: ID!, $i: SourceSettingsInput!) { updateSource(id: $id, input: $i) { ${SOURCE_FIELDS} } }`, {
      id: source.id,
      i: { name: 'Help center', scope: 'PATH_PREFIX', maxPages: 60, jsRendering: 'ALWAYS', recrawlSchedule: '0 3 * * *', accessRoles: ['CUSTOMER', 'AGENT'] },
    });
    expect(edited.body.errors).toBeUndefined();
    expect(edited.body.data!.updateSource).toMatchObject({ name: 'Help center', scope: 'PATH_PREFIX', maxPages: 60, jsRendering: 'ALWAYS', recrawlSchedule: '0 3 * * *', accessRoles: ['CUSTOMER', 'AGENT'] });

    const listed = await as(admin, '{ sources { id name } }');
    expect(listed.body.data!.sources).toEqual([{ id: source.id, name: 'Help center' }]);
    const audit = await as(admin, '{ auditLog(filter: { targetType: "source" }) { entries { action actorId detail } } }');
    const entries = audit.body.data!.auditLog.entries;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['source.update', 'source.create']);
    expect(entries[0].actorId).toBe(curator.userId);
    expect(JSON.parse(entries[0].detail)).toMatchObject({ maxPages: { from: 500, to: 60 }, scope: { from: 'host', to: 'path_prefix' } });
  });

  it('refuses bad settings with a clear error naming the field, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ startUrl: 'ftp://files.example.com/' }, 'startUrl'],
      [{ startUrl: 'not a url' }, 'startUrl'],
      [{ startUrl: 'https://user:secret@example.com/' }, 'startUrl'],
      [{ startUrl: 'https://example.com/', includePatterns: ['docs/**'] }, 'includePatterns'],
      [{ startUrl: 'https://example.com/', maxDepth: 99 }, 'maxDepth'],
      [{ startUrl: 'https://example.com/', maxPages: 0 }, 'maxPages'],
      [{ startUrl: 'https://example.com/', recrawlSchedule: 'every day' }, 'recrawlSchedule'],
    ];
    const before = (await as(admin, '{ sources { id } }')).body.data!.sources.length;
    for (const [input, field] of cases) {
      const result = await as(admin, 'mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', { i: input });
      expect(result.body.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining(field) });
    }
    const duplicate = await as(admin, 'mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', { i: { startUrl: 'https://help.example.com/docs/' } });
    expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startUrl' });
    expect((await as(admin, '{ sources { id } }')).body.data!.sources.length).toBe(before);
  });

  it('only curators and admins change sources, and other organizations never see them', async () => {
    const agent = await addMember(gateway, system.subgraphs.users, admin, 'AGENT');
    const denied = await as(agent, 'mutation { addSource(input: { startUrl: "https://x.example.com/" }) { id } }');
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const other = await registerAdmin(gateway, 'Other');
    const [mine] = (await as(admin, '{ sources { id } }')).body.data!.sources;
    expect((await as(other, '{ sources { id } }')).body.data!.sources).toEqual([]);
    expect((await as(other, 'query($id: ID!) { source(id: $id) { id } }', { id: mine.id })).body.data!.source).toBeNull();
    const foreignDelete = await as(other, 'mutation($id: ID!) { deleteSource(id: $id) }', { id: mine.id });
    expect(foreignDelete.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    expect((await as(curator, 'mutation($id: ID!) { deleteSource(id: $id) }', { id: mine.id })).body.data).toEqual({ deleteSource: true });
    expect((await as(admin, '{ sources { id } }')).body.data!.sources).toEqual([]);
  });
});
