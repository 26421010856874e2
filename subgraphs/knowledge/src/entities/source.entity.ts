import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '@scs/contracts/permissions';
import { randomUUID } from 'node:crypto';

export type CrawlScope = 'host' | 'path_prefix';
export type JsRendering = 'auto' | 'always' | 'never';

/** A website to learn from: where to start, how far to go, how to render, who may retrieve its content. */
@Entity({ tableName: 'sources' })
@Index({ properties: ['organizationId', 'createdAt'] })
export class SourceRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'createdBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  startUrl!: string;

  /** Same host as the start URL, or only URLs under its path. */
  @Property({ type: 'text' })
  scope!: CrawlScope;

  /** Regular expressions on the URL path; empty include = everything in scope. */
  @Property({ type: 'text[]' })
  includePatterns!: string[];

  @Property({ type: 'text[]' })
  excludePatterns!: string[];

  @Property({ type: 'integer' })
  maxDepth!: number;

  @Property({ type: 'integer' })
  maxPages!: number;

  @Property({ type: 'boolean' })
  useSitemap!: boolean;

  @Property({ type: 'text' })
  jsRendering!: JsRendering;

  /** Cron expression for re-crawls (Temporal schedule), or null for manual only. */
  @Property({ type: 'text', nullable: true })
  recrawlSchedule!: string | null;

  /** Roles whose members may retrieve this source's content; empty = every role of the organization. */
  @Property({ type: 'text[]' })
  accessRoles!: Role[];

  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
