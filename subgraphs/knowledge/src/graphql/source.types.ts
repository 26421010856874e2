import { RoleEnum } from '@scs/graphql-kit/auth/role-enum';
import type { Role } from '@scs/contracts/permissions';
import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CrawlScope, JsRendering, SourceRecord } from '../entities/source.entity.js';

export const CrawlScopeEnum = { HOST: 'host', PATH_PREFIX: 'path_prefix' } as const satisfies Record<string, CrawlScope>;
registerEnumType(CrawlScopeEnum, {
  name: 'CrawlScope',
  description: 'HOST: every page on the start URL’s host. PATH_PREFIX: only pages under the start URL’s path.',
});

export const JsRenderingEnum = { AUTO: 'auto', ALWAYS: 'always', NEVER: 'never' } as const satisfies Record<string, JsRendering>;
registerEnumType(JsRenderingEnum, {
  name: 'JsRendering',
  description: 'Whether pages are rendered in a browser: AUTO decides per page (little text in the raw HTML), ALWAYS, or NEVER.',
});

@ObjectType({ description: 'A website the assistant learns from, and how to crawl it.' })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  startUrl!: string;

  @Field(() => CrawlScopeEnum)
  scope!: CrawlScope;

  @Field(() => [String], { description: 'Glob patterns on the URL path (e.g. /docs/**); empty = everything in scope.' })
  includePatterns!: string[];

  @Field(() => [String], { description: 'Glob patterns on the URL path that are never crawled.' })
  excludePatterns!: string[];

  @Field(() => Int, { description: 'Links followed from the start URL; 0 = only the start page.' })
  maxDepth!: number;

  @Field(() => Int)
  maxPages!: number;

  @Field(() => Boolean, { description: 'Also start from the URLs in the site’s sitemap(s).' })
  useSitemap!: boolean;

  @Field(() => JsRenderingEnum)
  jsRendering!: JsRendering;

  @Field(() => String, { nullable: true, description: 'Cron expression for automatic re-crawls; null = manual only.' })
  recrawlSchedule!: string | null;

  @Field(() => [RoleEnum], { description: 'Roles that may retrieve this content; empty = every role of the organization.' })
  accessRoles!: Role[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static from(record: SourceRecord): Source {
    const { organizationId: _o, createdBy: _c, ...fields } = record;
    return Object.assign(new Source(), fields);
  }
}

/** Fields shared by adding and editing; everything but the URL is optional when editing. */
@InputType({ description: 'Crawl settings of a source. Omitted fields keep their value (or the default, when adding).' })
export class SourceSettingsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string | null;

  @Field(() => CrawlScopeEnum, { nullable: true })
  @IsOptional()
  scope?: CrawlScope | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'at most 50 include patterns' })
  @MaxLength(300, { each: true, message: 'a pattern may have at most 300 characters' })
  includePatterns?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'at most 50 exclude patterns' })
  @MaxLength(300, { each: true, message: 'a pattern may have at most 300 characters' })
  excludePatterns?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'maxDepth must be between 0 and 50' })
  @Max(50, { message: 'maxDepth must be between 0 and 50' })
  maxDepth?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'maxPages must be between 1 and 100000' })
  @Max(100_000, { message: 'maxPages must be between 1 and 100000' })
  maxPages?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  useSitemap?: boolean | null;

  @Field(() => JsRenderingEnum, { nullable: true })
  @IsOptional()
  jsRendering?: JsRendering | null;

  @Field(() => String, { nullable: true, description: 'Cron expression (5 fields, or @hourly/@daily/@weekly/@monthly); empty string clears it.' })
  @IsOptional()
  @MaxLength(100)
  recrawlSchedule?: string | null;

  @Field(() => [RoleEnum], { nullable: true })
  @IsOptional()
  accessRoles?: Role[] | null;
}

@InputType()
export class AddSourceInput extends SourceSettingsInput {
  @Field(() => String, { description: 'http(s) URL where crawling starts.' })
  @MaxLength(2048, { message: 'startUrl may have at most 2048 characters' })
  startUrl!: string;
}
