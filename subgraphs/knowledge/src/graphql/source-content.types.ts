import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A page of a source, as its latest crawl indexed it.' })
export class IndexedPage {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  language!: string | null;

  @Field(() => Int, { description: 'Chunks the page was split into.' })
  chunkCount!: number;

  @Field(() => Date, { nullable: true })
  lastModified!: Date | null;

  @Field(() => Date)
  indexedAt!: Date;
}

@ObjectType({ description: 'A heading-bounded passage of a page, as indexed.' })
export class IndexedChunk {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  pageUrl!: string;

  @Field(() => Int)
  chunkIndex!: number;

  @Field(() => String, { nullable: true })
  headingPath!: string | null;

  @Field(() => String, { nullable: true })
  anchor!: string | null;

  @Field(() => String, { description: 'Untrusted crawled text: escape before showing as HTML.' })
  text!: string;
}

@ObjectType({ description: 'An image of a source, as indexed.' })
export class IndexedImage {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  imageUrl!: string;

  @Field(() => String, { description: 'The first page it was found on.' })
  pageUrl!: string;

  @Field(() => String, { nullable: true })
  alt!: string | null;

  @Field(() => String, { nullable: true })
  caption!: string | null;

  @Field(() => String, { nullable: true, description: 'A signed, expiring path (on the gateway) to a WebP thumbnail.' })
  thumbnailUrl!: string | null;
}

@ObjectType()
export class IndexedPagePage {
  @Field(() => [IndexedPage])
  items!: IndexedPage[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last one.' })
  nextCursor!: string | null;
}

@ObjectType()
export class IndexedChunkPage {
  @Field(() => [IndexedChunk])
  items!: IndexedChunk[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last one.' })
  nextCursor!: string | null;
}

@ObjectType()
export class IndexedImagePage {
  @Field(() => [IndexedImage])
  items!: IndexedImage[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last one.' })
  nextCursor!: string | null;
}
