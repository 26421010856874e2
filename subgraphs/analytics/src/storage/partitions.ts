import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@scs/runtime/logger';

/** The event tables, each range-partitioned by month on `occurred_at`. */
export const EVENT_TABLES = ['questions', 'feedback', 'handoffs', 'crawl_runs', 'api_usage'] as const;
export type EventTable = (typeof EVENT_TABLES)[number];

const DAY_MS = 86_400_000;
/** Serialises partition DDL between instances (creating on demand, dropping expired ones). */
const PARTITION_LOCK = 'scs:analytics:partitions';
const PARTITION_NAME = /^(questions|feedback|handoffs|crawl_runs|api_usage)_p(\d{4})(\d{2})$/;

/** `YYYYMM` of the UTC month holding `date`. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthStart(month: string): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4)) - 1, 1));
}

function nextMonth(month: string): string {
  const start = monthStart(month);
  return monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)));
}

/**
 * Monthly partitions of the event tables: created a few months ahead by the periodic maintenance
 * and on demand before a batch is written (events of any month within the retention), and
 * dropped whole once their month ended more than `retentionDays` ago. Creating and dropping take
 * one advisory lock, so instances never race on DDL; dropping is skipped by an instance that
 * does not get it (another one is doing it).
 */
export class Partitions {
  /** Months for which every event table has its partition. */
  private readonly months = new Set<string>();

  constructor(
    private readonly orm: MikroORM,
    private readonly retentionDays: number,
    private readonly logger: Logger,
  ) {}

  /** Events that occurred before this are not kept (and not written). */
  cutoff(now = Date.now()): Date {
    return new Date(now - this.retentionDays * DAY_MS);
  }

  /** Reads which partitions exist (after a start, or when a write found one missing). */
  async refresh(): Promise<void> {
    const rows = await this.orm.em.fork().execute<{ name: string }[]>(
      `select c.relname as name from pg_inherits i
         join pg_class c on c.oid = i.inhrelid
         join pg_class p on p.oid = i.inhparent
         join pg_namespace n on n.oid = p.relnamespace
       where n.nspname = 'analytics'`,
    );
    const byMonth = new Map<string, number>();
    for (const { name } of rows) {
      const match = PARTITION_NAME.exec(name);
      if (match) byMonth.set(`${match[2]}${match[3]}`, (byMonth.get(`${match[2]}${match[3]}`) ?? 0) + 1);
    }
    this.months.clear();
    for (const [month, tables] of byMonth) if (tables === EVENT_TABLES.length) this.months.add(month);
  }

  /** Makes sure every event table has a partition for each of these months. */
  async ensure(months: Iterable<string>): Promise<void> {
    const missing = [...new Set(months)].filter((m) => !this.months.has(m)).sort();
    if (missing.length === 0) return;
    await this.orm.em.fork().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [PARTITION_LOCK]);
      for (const month of missing) {
        const from = monthStart(month).toISOString();
        const to = monthStart(nextMonth(month)).toISOString();
        for (const table of EVENT_TABLES) {
          // Names and bounds come from the constants above and computed dates, never from input.
          await em.execute(
            `create table if not exists "analytics"."${table}_p${month}" partition of "analytics"."${table}" for values from ('${from}') to ('${to}')`,
          );
        }
      }
    });
    for (const month of missing) this.months.add(month);
    this.logger.info({ months: missing }, 'analytics partitions ready');
  }

  /** The partitions of the months from the one before this to two ahead (within the retention). */
  async ensureAhead(now = new Date()): Promise<void> {
    const months: string[] = [];
    let month = monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
    for (let i = 0; i < 4; i++, month = nextMonth(month)) {
      if (monthStart(nextMonth(month)) > this.cutoff(now.getTime())) months.push(month);
    }
    await this.ensure(months);
  }

  /** Drops the partitions whose whole month lies before the retention cutoff; returns their names (none when another instance holds the lock). */
  async dropExpired(now = Date.now()): Promise<string[]> {
    const cutoff = this.cutoff(now);
    const dropped = await this.orm.em.fork().transactional(async (em) => {
      const [lock] = await em.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [PARTITION_LOCK]);
      if (!lock?.locked) return [];
      const rows = await em.execute<{ name: string }[]>(
        `select c.relname as name from pg_inherits i
           join pg_class c on c.oid = i.inhrelid
           join pg_class p on p.oid = i.inhparent
           join pg_namespace n on n.oid = p.relnamespace
         where n.nspname = 'analytics'`,
      );
      const names: string[] = [];
      for (const { name } of rows) {
        const match = PARTITION_NAME.exec(name);
        if (!match || monthStart(nextMonth(`${match[2]}${match[3]}`)) > cutoff) continue;
        await em.execute(`drop table if exists "analytics"."${name}"`);
        names.push(name);
      }
      return names;
    });
    if (dropped.length > 0) {
      this.logger.info({ partitions: dropped, cutoff: cutoff.toISOString() }, 'dropped analytics partitions past the retention');
      await this.refresh();
    }
    return dropped;
  }
}
