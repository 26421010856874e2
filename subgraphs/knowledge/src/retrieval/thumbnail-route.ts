import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@scs/graphql-kit/validation';
import type { Logger } from '@scs/runtime/logger';
import type { Express } from 'express';
import { THUMBNAIL_PATH, type MediaUrls } from './media-urls.js';

/**
 * Serves a thumbnail for a signed URL (see `MediaUrls`); anything else is a plain 404, so the
 * route tells nobody which images exist. The gateway forwards `/media/` here.
 */
export function thumbnailRoute(app: Express, deps: { em: () => EntityManager; mediaUrls: MediaUrls; logger: Logger }): void {
  app.get(`${THUMBNAIL_PATH}/:file`, async (req, res) => {
    const sha256 = /^([0-9a-f]{64})\.webp$/.exec(req.params.file ?? '')?.[1];
    const { org, expires, signature } = req.query as Record<string, string | undefined>;
    if (!sha256 || !org || !isUuid(org) || !expires || !signature || !deps.mediaUrls.verify({ orgId: org, sha256, expires, signature })) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    try {
      const rows: { bytes: Buffer }[] = await deps
        .em()
        .getConnection()
        .execute('select bytes from knowledge.image_thumbnails where organization_id = ? and sha256 = ?', [org, sha256]);
      if (!rows[0]) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      res.set({
        'content-type': 'image/webp',
        'cache-control': 'private, max-age=3600, immutable',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
      });
      res.send(rows[0].bytes);
    } catch (error) {
      deps.logger.error({ err: error }, 'thumbnail lookup failed');
      res.status(500).type('text/plain').send('Internal error');
    }
  });
}
