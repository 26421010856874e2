import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A tenant. Every record of every service belongs to exactly one. */
@Entity({ tableName: 'organizations' })
export class OrganizationRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'widgetEnabled' | 'widgetAllowedOrigins';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'text' })
  slug!: string;

  @Property({ type: 'text' })
  name!: string;

  /** Whether the embeddable chat widget may start visitor sessions for this organization. */
  @Property({ type: 'boolean' })
  widgetEnabled = false;

  /** Normalised `https://host[:port]` origins of the sites that may show the widget; empty: any site. */
  @Property({ type: 'text[]' })
  widgetAllowedOrigins: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
