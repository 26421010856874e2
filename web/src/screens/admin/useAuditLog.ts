import { useApolloClient, useQuery } from '@vue/apollo-composable';
import { computed, nextTick, shallowRef, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import { useCursorPages } from '../../composables/useCursorPages';
import { useSession } from '../../composables/useSession';
import type { AdminAuditLogQuery as AuditLogResult, AuditLogFilter } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { AdminApiKeysQuery, AdminAuditLogQuery, AdminMembersQuery } from './admin.documents';

export type AuditEntry = AuditLogResult['auditLog']['entries'][number];

/** The filters as the URL keeps them (`?action=…&actor=…&from=2025-01-31`); empty strings = not filtered. */
export interface AuditFilters {
  action: string;
  outcome: string;
  actor: string;
  targetType: string;
  target: string;
  /** First day (YYYY-MM-DD, local time), inclusive. */
  from: string;
  /** Last day (YYYY-MM-DD, local time), inclusive. */
  to: string;
}

export const FILTER_KEYS = ['action', 'outcome', 'actor', 'targetType', 'target', 'from', 'to'] as const;
export const EMPTY_FILTERS: AuditFilters = { action: '', outcome: '', actor: '', targetType: '', target: '', from: '', to: '' };

/** The API's names for the filter fields (errors come back with these in `extensions.field`). */
export const API_FIELDS = ['action', 'outcome', 'actorId', 'targetType', 'targetId', 'from', 'to', 'after'] as const;
export type ApiField = (typeof API_FIELDS)[number];
export const filterKeyOfApiField: Record<ApiField, keyof AuditFilters | null> = {
  action: 'action',
  outcome: 'outcome',
  actorId: 'actor',
  targetType: 'targetType',
  targetId: 'target',
  from: 'from',
  to: 'to',
  after: null,
};

export const AUDIT_PAGE = 50;

export function filtersFromQuery(query: LocationQuery): AuditFilters {
  const one = (value: LocationQuery[string] | undefined) => {
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.trim() : '';
  };
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, one(query[key])])) as unknown as AuditFilters;
}

export function queryFromFilters(filters: AuditFilters): LocationQueryRaw {
  return Object.fromEntries(FILTER_KEYS.filter((key) => filters[key].trim() !== '').map((key) => [key, filters[key].trim()]));
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Local midnight at the start of `day` (`offsetDays` later), as ISO; null for anything but YYYY-MM-DD. */
export function dayStart(day: string, offsetDays = 0): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + offsetDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Problems with the filters before asking the API, by filter. */
export function checkFilters(filters: AuditFilters): Partial<Record<keyof AuditFilters, string>> {
  const problems: Partial<Record<keyof AuditFilters, string>> = {};
  if (filters.from && !dayStart(filters.from)) problems.from = 'Enter a date like 2025-01-31.';
  if (filters.to && !dayStart(filters.to)) problems.to = 'Enter a date like 2025-01-31.';
  if (!problems.from && !problems.to && filters.from && filters.to && filters.to < filters.from)
    problems.to = 'The last day must be on or after the first day.';
  return problems;
}

/** The `filter` argument of `auditLog`: days become the start of the first day and the end of the last. */
export function toAuditLogFilter(filters: AuditFilters): AuditLogFilter | null {
  const filter: AuditLogFilter = {};
  if (filters.action) filter.action = filters.action;
  if (filters.outcome) filter.outcome = filters.outcome;
  if (filters.actor) filter.actorId = filters.actor;
  if (filters.targetType) filter.targetType = filters.targetType;
  if (filters.target) filter.targetId = filters.target;
  const from = filters.from ? dayStart(filters.from) : null;
  const to = filters.to ? dayStart(filters.to, 1) : null; // the API's `to` is exclusive
  if (from) filter.from = from;
  if (to) filter.to = to;
  return Object.keys(filter).length > 0 ? filter : null;
}

/**
 * The audit log of the organization, filtered by the URL's query and read a page at a time
 * ("Load more" passes `nextCursor` as `after`). Names for actors and targets come from the
 * members and API keys lists when the viewer may read them.
 */
export function useAuditLog() {
  const { client } = useApolloClient();
  const { can } = useSession();
  const route = useRoute();
  const router = useRouter();

  const filters = computed(() => filtersFromQuery(route.query));
  const filterKey = computed(() => JSON.stringify(filters.value));
  const active = computed(() => FILTER_KEYS.some((key) => filters.value[key] !== ''));

  /** The last failure, for errors about a filter field. */
  const lastError = shallowRef<unknown>(null);
  const pages = useCursorPages<AuditEntry>(async (after) => {
    try {
      const result = await client.query({
        query: AdminAuditLogQuery,
        variables: { filter: toAuditLogFilter(filters.value), after, first: AUDIT_PAGE },
        fetchPolicy: 'network-only',
      });
      lastError.value = null;
      return { items: result.data.auditLog.entries, nextCursor: result.data.auditLog.nextCursor ?? null };
    } catch (error) {
      lastError.value = error;
      throw error;
    }
  });

  /** The API's complaints: per filter, and the rest in one sentence. */
  const problems = computed(() => {
    if (!pages.error.value || !lastError.value) return { fields: {} as Partial<Record<keyof AuditFilters, string>>, form: pages.error.value };
    const split = formErrors(lastError.value, API_FIELDS);
    const fields: Partial<Record<keyof AuditFilters, string>> = {};
    let form = split.form;
    for (const [apiField, message] of Object.entries(split.fields) as [ApiField, string][]) {
      const key = filterKeyOfApiField[apiField];
      if (key) fields[key] = message;
      else form = form ? `${form} ${message}` : message;
    }
    return { fields, form };
  });

  // Leaving the screen changes the route before the screen goes: no reload for another screen's query.
  const ownPath = route.path;
  let current: Promise<void> = Promise.resolve();
  watch(
    filterKey,
    () => {
      if (route.path === ownPath) current = pages.reload();
    },
    { immediate: true },
  );

  /** Puts the filters into the URL (a new history entry), which reloads the list. */
  async function apply(next: AuditFilters): Promise<void> {
    const query = queryFromFilters(next);
    if (JSON.stringify(filtersFromQuery(query as LocationQuery)) === filterKey.value) {
      await pages.reload();
      return;
    }
    await router.push({ path: route.path, query });
    await nextTick(); // the watcher above starts the reload
    await current;
  }

  // Names for the "who" and "target" of entries.
  const members = useQuery(AdminMembersQuery, { first: 100, offset: 0 }, () => ({ enabled: can('user:read'), fetchPolicy: 'cache-first' }));
  const keys = useQuery(AdminApiKeysQuery, {}, () => ({ enabled: can('apikey:manage'), fetchPolicy: 'cache-first' }));
  const userNames = computed(() => new Map((members.result.value?.members ?? []).map((m) => [m.user.id, m.user.displayName])));
  const keyNames = computed(() => new Map((keys.result.value?.apiKeys ?? []).map((k) => [k.id, `${k.name} (${k.prefix}…)`])));
  /** Known actors for the actor filter's suggestions. */
  const actors = computed(() => [
    ...[...userNames.value].map(([id, name]) => ({ id, label: `${name} (user)` })),
    ...[...keyNames.value].map(([id, name]) => ({ id, label: `${name} (API key)` })),
  ]);

  return { ...pages, filters, active, apply, problems, userNames, keyNames, actors };
}
