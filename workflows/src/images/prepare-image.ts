// Validates an untrusted image and derives what the pipeline keeps of it: a square model input
// for CLIP and a small WebP thumbnail named by its SHA-256. sharp decodes with a pixel limit, so a
// decompression bomb (a few KB of PNG declaring 144 megapixels) is refused before it is expanded.
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export type ImageRejection = 'corrupt' | 'too_many_pixels' | 'too_small' | 'unsupported_format';

export interface ImageLimits {
  /** Most pixels (width × height) an image may declare; larger ones are refused unread. Default 40 MP. */
  maxPixels?: number;
  /** Icons and spacers below this size on either side are not worth embedding. Default 32 px. */
  minSide?: number;
  /** Side of the square model input (CLIP ViT-B/32 uses 224). */
  modelInputSize?: number;
  /** Longest side of the thumbnail. Default 320 px. */
  thumbnailSize?: number;
}

export interface PreparedImage {
  ok: true;
  format: string;
  width: number;
  height: number;
  /** PNG of modelInputSize², centre-cropped after scaling the short side, as the CLIP processor does. */
  modelInput: Buffer;
  thumbnail: { sha256: string; webp: Buffer; width: number; height: number };
}

export type PrepareImageResult = PreparedImage | { ok: false; reason: ImageRejection; detail: string };

/** Formats decoded here; others (SVG, with its scripts and external references, above all) are refused. */
const DECODED_FORMATS = new Set(['png', 'jpeg', 'webp', 'gif', 'avif', 'heif', 'tiff']);

export async function prepareImage(bytes: Buffer, limits: ImageLimits = {}): Promise<PrepareImageResult> {
  const maxPixels = limits.maxPixels ?? 40_000_000;
  const minSide = limits.minSide ?? 32;
  const modelSize = limits.modelInputSize ?? 224;
  const thumbSize = limits.thumbnailSize ?? 320;
  // Decode only the first frame of animations; never read files larger than the pixel limit.
  const open = () => sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', animated: false, pages: 1 });

  let metadata: sharp.Metadata;
  try {
    // Reading the header decodes no pixels, so the declared size can be judged and reported here.
    metadata = await sharp(bytes, { limitInputPixels: false, failOn: 'error', animated: false, pages: 1 }).metadata();
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: describe(error) };
  }
  const { format, width, height } = metadata;
  if (!format || !DECODED_FORMATS.has(format)) return { ok: false, reason: 'unsupported_format', detail: `format ${format ?? 'unknown'} is not decoded` };
  if (!width || !height) return { ok: false, reason: 'corrupt', detail: 'no dimensions' };
  if (width * height > maxPixels) return { ok: false, reason: 'too_many_pixels', detail: `${width}×${height} exceeds ${maxPixels} pixels` };
  if (width < minSide || height < minSide) return { ok: false, reason: 'too_small', detail: `${width}×${height} is below ${minSide} px` };

  try {
    // `rotate()` applies the EXIF orientation; metadata (EXIF, GPS, ICC) is not copied to the outputs.
    const modelInput = await open().rotate().removeAlpha().resize(modelSize, modelSize, { fit: 'cover', position: 'centre' }).png().toBuffer();
    const thumb = await open()
      .rotate()
      .resize(thumbSize, thumbSize, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      format,
      width,
      height,
      modelInput,
      thumbnail: { sha256: createHash('sha256').update(thumb.data).digest('hex'), webp: thumb.data, width: thumb.info.width, height: thumb.info.height },
    };
  } catch (error) {
    // A valid header over truncated or garbled pixel data fails only when decoded.
    return { ok: false, reason: 'corrupt', detail: describe(error) };
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}
