import type { Pool } from 'pg';

/**
 * WebP thumbnails in PostgreSQL (`knowledge.image_thumbnails`, created by the knowledge
 * subgraph's migrations), keyed by organization and the SHA-256 of their bytes: the same image
 * on many pages, or crawled again, is stored once.
 */
export interface ThumbnailStore {
  put(orgId: string, thumbnail: { sha256: string; webp: Buffer; width: number; height: number }): Promise<void>;
}

export function createThumbnailStore(pool: Pool): ThumbnailStore {
  return {
    async put(orgId, thumbnail) {
      await pool.query(
        `insert into knowledge.image_thumbnails (organization_id, sha256, width, height, bytes)
         values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [orgId, thumbnail.sha256, thumbnail.width, thumbnail.height, thumbnail.webp],
      );
    },
  };
}
