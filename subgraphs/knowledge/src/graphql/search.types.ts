import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IndexedImage } from './source-content.types.js';

@InputType({ description: 'A question or keywords, and where to look.' })
export class SearchInput {
  @Field(() => String)
  @MinLength(1, { message: 'query must not be empty' })
  @MaxLength(1000, { message: 'query may have at most 1000 characters' })
  query!: string;

  @Field(() => Int, { defaultValue: 8, description: 'Text hits wanted (1–50).' })
  @Min(1, { message: 'limit must be between 1 and 50' })
  @Max(50, { message: 'limit must be between 1 and 50' })
  limit!: number;

  @Field(() => [ID], { nullable: true, description: 'Only these sources (default: all you may read).' })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'at most 100 sourceIds' })
  sourceIds?: string[] | null;

  @Field(() => Boolean, { defaultValue: true, description: 'Also find images (alt text, captions, CLIP).' })
  includeImages!: boolean;
}

@ObjectType({ description: 'A passage of a crawled page.' })
export class SearchHit {
  @Field(() => ID)
  id!: string;

  @Field(() => Float, { description: 'Fused rank score; compare only within one result.' })
  score!: number;

  @Field(() => Float, { description: 'Cosine similarity of the passage to the query (−1…1); comparable across queries.' })
  relevance!: number;

  @Field(() => ID)
  sourceId!: string;

  @Field(() => String)
  pageUrl!: string;

  @Field(() => String, { description: 'The page URL with the passage’s #anchor, for deep links.' })
  url!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Headings above the passage, joined with ›.' })
  headingPath!: string | null;

  @Field(() => String, { nullable: true })
  anchor!: string | null;

  @Field(() => String, { description: 'The passage as crawled: untrusted text, escape before showing as HTML.' })
  text!: string;

  @Field(() => [String], { description: 'Fragments with query words in <mark>; everything else HTML-escaped.' })
  highlights!: string[];
}

@ObjectType({ description: 'An image of a crawled page that matches the query.' })
export class ImageHit extends IndexedImage {
  @Field(() => Float)
  score!: number;

  @Field(() => ID)
  sourceId!: string;
}

@ObjectType({ description: 'Passages and images for a query, best first.' })
export class SearchResult {
  @Field(() => String)
  query!: string;

  @Field(() => [SearchHit])
  hits!: SearchHit[];

  @Field(() => [ImageHit])
  images!: ImageHit[];

  @Field(() => Int, { description: 'Server time, embedding the query included.' })
  tookMs!: number;
}
