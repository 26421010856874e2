import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring URLs for thumbnails, so `<img src>` works without credentials while each URL
 * still names one organization's image and stops working after a while. Expiry is rounded up to the
 * hour, so the same image keeps the same URL (and stays in the browser's cache) within the hour.
 */
export interface MediaUrls {
  thumbnailUrl(orgId: string, sha256: string): string;
  verify(input: { orgId: string; sha256: string; expires: string; signature: string }): boolean;
}

export const THUMBNAIL_PATH = '/media/thumbnails';

export function createMediaUrls(secret: string, ttlSeconds = 3600, now: () => number = Date.now): MediaUrls {
  // A key of its own, derived from the service secret: a media signature can never pass for an identity token.
  const key = createHmac('sha256', secret).update('scs-media-urls-v1').digest();
  const sign = (orgId: string, sha256: string, expires: number) => createHmac('sha256', key).update(`${orgId}\n${sha256}\n${expires}`).digest('base64url');
  return {
    thumbnailUrl(orgId, sha256) {
      const expires = Math.ceil((now() / 1000 + ttlSeconds) / 3600) * 3600;
      return `${THUMBNAIL_PATH}/${sha256}.webp?org=${orgId}&expires=${expires}&signature=${sign(orgId, sha256, expires)}`;
    },
    verify({ orgId, sha256, expires, signature }) {
      const at = Number(expires);
      if (!Number.isInteger(at) || at * 1000 < now()) return false;
      const expected = Buffer.from(sign(orgId, sha256, at));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
