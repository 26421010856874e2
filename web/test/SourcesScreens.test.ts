import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Component } from 'vue';
import SourceSettingsForm from '../src/screens/sources/SourceSettingsForm.vue';
import SourceDetailScreen from '../src/screens/sources/SourceDetailScreen.vue';
import { graphqlErrors, meHandler, type Handler } from './support/fakeGateway';
import { cleanupScreens, renderScreen } from './support/renderScreen';

afterEach(() => cleanupScreens());

const PERMS = ['source:read', 'source:write', 'crawl:run'];

async function render(component: Component, path: string, handlers: Record<string, Handler>) {
  const { view, gateway } = await renderScreen(path, { component, handlers: { SessionViewer: meHandler(PERMS, 'CURATOR'), ...handlers }, role: 'CURATOR' });
  return { view, gateway };
}

describe('SourceSettingsForm', () => {
  it('shows the API’s BAD_USER_INPUT errors next to their fields', async () => {
    const { view, gateway } = await render(SourceSettingsForm, '/sources', {
      AddSource: () =>
        graphqlErrors({
          message: 'recrawlSchedule must be a 5-field cron expression or @hourly/@daily/@weekly/@monthly.',
          extensions: { code: 'BAD_USER_INPUT', field: 'recrawlSchedule' },
        }),
    });
    await view.find('input[type="url"]').setValue('https://docs.example.com/');
    const inputs = view.findAll('input[type="text"]');
    const schedule = inputs[inputs.length - 1]!;
    await schedule.setValue('every day');
    await view.find('textarea').setValue('/docs/**\n\n /guides/** ');
    await view.find('form').trigger('submit');
    await flushPromises();

    expect(gateway.named('AddSource')[0]!.variables.input).toMatchObject({
      startUrl: 'https://docs.example.com/',
      recrawlSchedule: 'every day',
      includePatterns: ['/docs/**', '/guides/**'],
      scope: 'HOST',
      jsRendering: 'AUTO',
    });
    expect(schedule.attributes('aria-invalid')).toBe('true');
    const errorId = schedule.attributes('aria-describedby')!.split(' ')[0]!;
    expect(view.find(`#${CSS.escape(errorId)}`).text()).toContain('must be a 5-field cron expression');
    expect(document.activeElement).toBe(schedule.element);
    expect(view.find('[role="alert"]').exists()).toBe(false);
  });

  it('asks for a start URL before sending anything', async () => {
    const { view, gateway } = await render(SourceSettingsForm, '/sources', {});
    await view.find('form').trigger('submit');
    await flushPromises();
    expect(view.text()).toContain('Enter the address where crawling starts');
    expect(gateway.named('AddSource')).toHaveLength(0);
  });
});

const progressEvent = {
  __typename: 'CrawlProgress',
  sourceId: 's1',
  runId: 'run-7',
  status: 'RUNNING',
  discovered: 120,
  fetched: 80,
  indexed: 75,
  skipped: 30,
  failed: 5,
  skippedByReason: [{ __typename: 'ReasonCount', reason: 'out_of_scope', count: 30 }],
  failedByReason: [{ __typename: 'ReasonCount', reason: 'http_404', count: 5 }],
  imagesIndexed: 12,
  imagesFailed: 2,
  imagesFailedByReason: [{ __typename: 'ReasonCount', reason: 'too_many_pixels', count: 2 }],
};

const DOCS_SOURCE = {
  __typename: 'Source',
  id: 's1',
  name: 'Docs',
  startUrl: 'https://docs.example.com/',
  scope: 'HOST',
  includePatterns: ['/docs/**'],
  excludePatterns: [],
  maxDepth: 3,
  maxPages: 500,
  useSitemap: true,
  jsRendering: 'AUTO',
  recrawlSchedule: '@daily',
  accessRoles: ['CUSTOMER'],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};
const quietSource: Record<string, Handler> = {
  Source: () => ({ data: { source: DOCS_SOURCE } }),
  CrawlRuns: () => ({ data: { crawlRuns: [] } }),
  CrawlProgress: () => ({ data: null }),
  SourcePages: () => ({ data: { sourcePages: { __typename: 'IndexedPagePage', items: [], nextCursor: null } } }),
  Sources: () => ({ data: { sources: [] } }),
};
const button = (view: VueWrapper, text: string) => view.findAll('button').find((b) => b.text() === text)!;

describe('Editing and deleting a source', () => {
  it('edits the settings in place: the form starts from the source and sends every setting', async () => {
    const { view, gateway } = await render(SourceDetailScreen, '/sources/s1', {
      ...quietSource,
      UpdateSource: ({ variables }) => ({ data: { updateSource: { ...DOCS_SOURCE, ...(variables.input as object) } } }),
    });
    await button(view, 'Edit settings').trigger('click');
    const form = view.find('form');
    expect(form.text()).toContain('https://docs.example.com/');
    expect(form.find('input[type="url"]').exists()).toBe(false); // the start URL is fixed
    expect((form.find('textarea').element as HTMLTextAreaElement).value).toBe('/docs/**');
    const texts = form.findAll('input[type="text"]');
    await texts[texts.length - 1]!.setValue(''); // clear the schedule
    await form.trigger('submit');
    await flushPromises();

    expect(gateway.named('UpdateSource')[0]!.variables).toEqual({
      id: 's1',
      input: {
        name: 'Docs',
        scope: 'HOST',
        includePatterns: ['/docs/**'],
        excludePatterns: [],
        maxDepth: 3,
        maxPages: 500,
        useSitemap: true,
        jsRendering: 'AUTO',
        recrawlSchedule: '',
        accessRoles: ['CUSTOMER'],
      },
    });
    expect(view.find('form').exists()).toBe(false);
    expect(view.find('[role="status"]').text()).toContain('Settings saved');
  });

  it('deletes only after a second, explicit step, then returns to the list', async () => {
    const { view, gateway } = await render(SourceDetailScreen, '/sources/s1', { ...quietSource, DeleteSource: () => ({ data: { deleteSource: true } }) });
    await button(view, 'Delete source').trigger('click');
    await flushPromises();
    expect(gateway.named('DeleteSource')).toHaveLength(0);
    const dialog = view.find('[role="alertdialog"]');
    expect(dialog.text()).toContain('Delete Docs?');
    expect(document.activeElement?.id).toBe('confirm-delete');

    await button(view, 'Keep it').trigger('click');
    expect(view.find('[role="alertdialog"]').exists()).toBe(false);

    await button(view, 'Delete source').trigger('click');
    await flushPromises();
    await button(view, 'Delete it').trigger('click');
    await flushPromises();
    expect(gateway.named('DeleteSource')[0]!.variables).toEqual({ id: 's1' });
    const router = view.vm.$router;
    expect(router.currentRoute.value.fullPath).toBe('/sources?deleted=Docs');
  });

  it('shows a refused delete in words and keeps the source', async () => {
    const { view } = await render(SourceDetailScreen, '/sources/s1', {
      ...quietSource,
      DeleteSource: () => graphqlErrors({ message: 'You may not change sources.', extensions: { code: 'FORBIDDEN' } }),
    });
    await button(view, 'Delete source').trigger('click');
    await flushPromises();
    await button(view, 'Delete it').trigger('click');
    await flushPromises();
    expect(view.find('[role="alert"]').text()).toContain('Could not delete the source');
    expect(view.vm.$router.currentRoute.value.fullPath).toBe('/sources/s1');
  });
});

describe('SourceDetailScreen', () => {
  it('renders live crawl counts and reasons from crawlProgress, and steers the crawl', async () => {
    const { view, gateway } = await render(SourceDetailScreen, '/sources/s1', {
      Source: () => ({
        data: {
          source: {
            __typename: 'Source',
            id: 's1',
            name: 'Docs',
            startUrl: 'https://docs.example.com/',
            scope: 'HOST',
            includePatterns: [],
            excludePatterns: [],
            maxDepth: 3,
            maxPages: 500,
            useSitemap: true,
            jsRendering: 'AUTO',
            recrawlSchedule: null,
            accessRoles: [],
            createdAt: '2025-01-01T00:00:00Z',
            updatedAt: '2025-01-01T00:00:00Z',
          },
        },
      }),
      CrawlRuns: () => ({
        data: {
          crawlRuns: [
            {
              __typename: 'CrawlRun',
              runId: 'run-7',
              sourceId: 's1',
              status: 'RUNNING',
              startedAt: '2025-01-01T00:00:00Z',
              closedAt: null,
              temporalUiUrl: 'http://127.0.0.1:8233/namespaces/default/workflows/x/run-7',
              progress: null,
            },
          ],
        },
      }),
      CrawlProgress: () => ({ data: { crawlProgress: progressEvent } }),
      SourcePages: () => ({ data: { sourcePages: { __typename: 'IndexedPagePage', items: [], nextCursor: null } } }),
      PauseCrawl: () => ({ data: { pauseCrawl: true } }),
    });
    await flushPromises();
    const live = view.find('[aria-live="polite"]');
    expect(live.text()).toContain('Discovered120');
    expect(live.text()).toContain('Indexed75');
    expect(live.text()).toContain('Images failed2');
    expect(live.text()).toContain('out of scope 30');
    expect(live.text()).toContain('http 404 5');
    expect(live.text()).toContain('too many pixels 2');
    const temporal = view.find('a[href^="http://127.0.0.1:8233"]');
    expect(temporal.text()).toContain('Open in Temporal UI');
    expect(temporal.attributes('rel')).toBe('noopener noreferrer');

    const pause = view.findAll('button').find((b) => b.text() === 'Pause')!;
    await pause.trigger('click');
    await flushPromises();
    expect(gateway.named('PauseCrawl')[0]!.variables).toEqual({ sourceId: 's1' });
  });
});
