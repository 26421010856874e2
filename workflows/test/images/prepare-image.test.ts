import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareImage } from '../../src/images/index.js';
import { generateImages, IMAGE_DEFS } from '../fixture-site/images.js';

/** The fixture site's images (real PNG, JPEG and WebP files, a decompression bomb and a corrupt file) through sharp. */
describe('prepareImage', () => {
  let files: Map<string, Buffer>;
  beforeAll(async () => {
    files = await generateImages();
  });

  it.each(IMAGE_DEFS.filter((d) => d.kind === 'normal').map((d) => [d.path, d] as const))(
    '%s → 224² model input and a WebP thumbnail named by its hash',
    async (_, def) => {
      const result = await prepareImage(files.get(def.path)!);
      if (!result.ok) throw new Error(`${def.path}: ${result.reason} ${result.detail}`);
      expect(result).toMatchObject({ format: def.format, width: def.width, height: def.height });
      const input = await sharp(result.modelInput).metadata();
      expect(input).toMatchObject({ format: 'png', width: 224, height: 224, channels: 3 });
      const thumb = await sharp(result.thumbnail.webp).metadata();
      expect(thumb.format).toBe('webp');
      expect(Math.max(thumb.width!, thumb.height!)).toBe(320);
      // Aspect ratio kept within a pixel of rounding.
      expect(Math.abs(thumb.width! / thumb.height! - def.width / def.height)).toBeLessThan(0.01);
      expect(result.thumbnail).toMatchObject({ width: thumb.width, height: thumb.height, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      // Content-addressed: the same bytes give the same name.
      expect(
        (await prepareImage(files.get(def.path)!)).ok && ((await prepareImage(files.get(def.path)!)) as { thumbnail: { sha256: string } }).thumbnail.sha256,
      ).toBe(result.thumbnail.sha256);
    },
  );

  it('refuses the 144-megapixel decompression bomb from its header, without decoding it', async () => {
    const bomb = IMAGE_DEFS.find((d) => d.kind === 'oversized')!;
    const before = process.memoryUsage().rss;
    const result = await prepareImage(files.get(bomb.path)!, { maxPixels: 40_000_000 });
    expect(result).toMatchObject({ ok: false, reason: 'too_many_pixels' });
    // Decoding 12000² RGBA would need over 500 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('reports the corrupt file (a PNG signature followed by text) as corrupt', async () => {
    const corrupt = IMAGE_DEFS.find((d) => d.kind === 'corrupt')!;
    expect(await prepareImage(files.get(corrupt.path)!)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await prepareImage(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('refuses a truncated image, SVG (scripts, external references) and icons too small to be worth embedding', async () => {
    const png = files.get(IMAGE_DEFS.find((d) => d.kind === 'normal' && d.format === 'png')!.path)!;
    expect(await prepareImage(png.subarray(0, Math.floor(png.length / 2)))).toMatchObject({ ok: false, reason: 'corrupt' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script><rect width="400" height="400"/></svg>');
    expect(await prepareImage(svg)).toMatchObject({ ok: false, reason: 'unsupported_format' });
    const icon = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    expect(await prepareImage(icon)).toMatchObject({ ok: false, reason: 'too_small' });
  });

  it('does not copy EXIF metadata (GPS, camera) into what it keeps', async () => {
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#884422' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'secret-owner', Make: 'CameraCo' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const result = await prepareImage(photo);
    if (!result.ok) throw new Error(result.detail);
    expect((await sharp(result.thumbnail.webp).metadata()).exif).toBeUndefined();
    expect((await sharp(result.modelInput).metadata()).exif).toBeUndefined();
  });
});
