import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, graphqlRequest, queryDatabase, registerAdmin, startSystem, type ServiceProcess, type Session } from '@scs/test-support';

const SOURCE_FIELDS = 'id name startUrl scope includePatterns excludePatterns maxDepth maxPages useSitemap jsRendering recrawlSchedule accessRoles';

describe('sources in the knowledge subgraph', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gateway: ServiceProcess;
  let admin: Session;
  let curator: Session;

  beforeAll(async () => {
    // No private host allowed here (the test default allows loopback for fixture sites): the production policy.
    system = await startSystem(1, { CRAWLER_ALLOW_PRIVATE_HOSTS: '' });
    gateway = system.gateways[0]!;
    admin = await registerAdmin(gateway, 'Sources');
    curator = await addMember(gateway, system.subgraphs.users, admin, 'CURATOR');
  });
  afterAll(() => system?.stop());

  const as = (session: Session, query: string, variables?: Record<string, unknown>) => graphqlRequest(gateway.baseUrl, query, variables, session.headers);

  it('a curator adds a source with defaults, edits it, and the changes are audited', async () => {
    const added = await as(curator, `mutation($i: AddSourceInput!) { addSource(input: $i) { ${SOURCE_FIELDS} } }`, {
      i: { startUrl: 'https://93.184.216.34/docs/#top', excludePatterns: ['/docs/private/**'] },
    });
    expect(added.body.errors).toBeUndefined();
    const source = added.body.data!.addSource;
    expect(source).toMatchObject({
      name: '93.184.216.34',
      startUrl: 'https://93.184.216.34/docs/',
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
    expect(edited.body.data!.updateSource).toMatchObject({
      name: 'Help center',
      scope: 'PATH_PREFIX',
      maxPages: 60,
      jsRendering: 'ALWAYS',
      recrawlSchedule: '0 3 * * *',
      accessRoles: ['CUSTOMER', 'AGENT'],
    });

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
      [{ startUrl: 'https://user:secret@93.184.216.34/' }, 'startUrl'],
      [{ startUrl: 'https://93.184.216.35/', includePatterns: ['docs/**'] }, 'includePatterns'],
      [{ startUrl: 'https://93.184.216.35/', maxDepth: 99 }, 'maxDepth'],
      [{ startUrl: 'https://93.184.216.35/', maxPages: 0 }, 'maxPages'],
      [{ startUrl: 'https://93.184.216.35/', recrawlSchedule: 'every day' }, 'recrawlSchedule'],
    ];
    const before = (await as(admin, '{ sources { id } }')).body.data!.sources.length;
    for (const [input, field] of cases) {
      const result = await as(admin, 'mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', { i: input });
      expect(result.body.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining(field) });
    }
    const duplicate = await as(admin, 'mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', { i: { startUrl: 'https://93.184.216.34/docs/' } });
    expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startUrl' });
    expect((await as(admin, '{ sources { id } }')).body.data!.sources.length).toBe(before);
  });

  it.each([
    ['a cloud metadata endpoint', 'http://169.254.169.254/latest/meta-data/', 'metadata_address'],
    ['a metadata host name', 'http://metadata.google.internal/', 'metadata_address'],
    ['IPv4-compatible IPv6 of the metadata endpoint', 'http://[::a9fe:a9fe]/', 'metadata_address'],
    ['loopback', 'http://127.0.0.1/', 'private_address'],
    ['IPv4-compatible loopback', 'http://[::7f00:1]/', 'private_address'],
    ['localhost (resolved now)', 'http://localhost/', 'private_address'],
    ['a private address', 'http://10.0.0.1/', 'private_address'],
    ['link-local', 'http://169.254.1.1/', 'private_address'],
    ['CGNAT', 'http://100.64.0.1/', 'private_address'],
    ['IPv6 unique-local', 'http://[fd00::1]/', 'private_address'],
    ['the stack’s own service port', 'http://93.184.216.34:4000/graphql', 'port'],
    ['a name that does not resolve', 'http://does-not-exist.invalid/', 'dns_failed'],
  ])('refuses a start URL pointing at %s (%s) when added, naming the reason, and stores nothing', async (_what, startUrl, reason) => {
    const before = (await as(admin, '{ sources { id } }')).body.data!.sources.length;
    const result = await as(curator, 'mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', { i: { startUrl } });
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startUrl', reason });
    expect(result.body.errors?.[0]?.message).toMatch(/^startUrl /);
    expect((await as(admin, '{ sources { id } }')).body.data!.sources.length).toBe(before);
  });

  it('vets the stored start URL again when a source is changed', async () => {
    // A source saved before start URLs were vetted (written directly, as an old row would be).
    const [row] = await queryDatabase<{ id: string }>(
      `INSERT INTO knowledge.sources (id, organization_id, name, start_url, scope, include_patterns, exclude_patterns, max_depth, max_pages, use_sitemap, js_rendering, access_roles, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'legacy', 'http://[::a9fe:a9fe]/', 'host', '{}', '{}', 5, 500, true, 'auto', '{}', now(), now()) RETURNING id`,
      [admin.orgId],
    );
    const result = await as(curator, 'mutation($id: ID!) { updateSource(id: $id, input: { maxPages: 10 }) { maxPages } }', { id: row!.id });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startUrl', reason: 'metadata_address' });
    const [stored] = await queryDatabase<{ max_pages: number }>('SELECT max_pages FROM knowledge.sources WHERE id = $1', [row!.id]);
    expect(stored!.max_pages).toBe(500);
    await queryDatabase('DELETE FROM knowledge.sources WHERE id = $1', [row!.id]);
  });

  it('only curators and admins change sources, and other organizations never see them', async () => {
    const agent = await addMember(gateway, system.subgraphs.users, admin, 'AGENT');
    const denied = await as(agent, 'mutation { addSource(input: { startUrl: "https://93.184.216.36/" }) { id } }');
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
