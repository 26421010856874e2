// Images of the fixture site. Normal images are rendered with sharp from deterministic pixel
// buffers (gradients plus one geometric shape each, so every image has distinct content); the
// oversized one is a hand-built 1-bit PNG (tiny file, 144 megapixels); the corrupt one has a PNG
// signature followed by text; the missing one is referenced from a page but answers 404.
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

export type ImageKind = 'normal' | 'oversized' | 'corrupt' | 'missing';
export type ImageFormat = 'png' | 'jpeg' | 'webp';

export interface ImageDef {
  path: string;
  kind: ImageKind;
  format: ImageFormat;
  width: number;
  height: number;
  alt: string;
  caption: string;
  /** Two RGB colours for the gradient and the colour of the shape (normal images only). */
  palette?: { from: [number, number, number]; to: [number, number, number]; shape: [number, number, number] };
  shape?: 'circle' | 'rectangle' | 'stripes' | 'diamond';
  direction?: 'horizontal' | 'vertical' | 'diagonal';
}

export const CONTENT_TYPES: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

export const IMAGE_DEFS: readonly ImageDef[] = [
  {
    path: '/images/dashboard-overview.png',
    kind: 'normal',
    format: 'png',
    width: 800,
    height: 450,
    alt: 'Acme Widgets dashboard showing three active widgets and the sync status panel',
    caption: 'The dashboard after your first widget has synced.',
    palette: { from: [18, 52, 120], to: [90, 160, 230], shape: [250, 250, 250] },
    shape: 'rectangle',
    direction: 'horizontal',
  },
  {
    path: '/images/install-wizard.jpg',
    kind: 'normal',
    format: 'jpeg',
    width: 640,
    height: 400,
    alt: 'Step two of the installation wizard with the licence key field highlighted',
    caption: 'Enter your licence key in step two of the installation wizard.',
    palette: { from: [20, 110, 60], to: [170, 230, 150], shape: [255, 210, 40] },
    shape: 'circle',
    direction: 'vertical',
  },
  {
    path: '/images/invoice-example.webp',
    kind: 'normal',
    format: 'webp',
    width: 600,
    height: 800,
    alt: 'Sample Acme Widgets invoice with the VAT number and the billing period marked',
    caption: 'Where to find the VAT number and the billing period on an invoice.',
    palette: { from: [230, 120, 20], to: [255, 220, 170], shape: [60, 40, 30] },
    shape: 'stripes',
    direction: 'vertical',
  },
  {
    path: '/images/api-keys-screen.png',
    kind: 'normal',
    format: 'png',
    width: 720,
    height: 420,
    alt: 'API keys settings screen with the Create key button and two existing keys',
    caption: 'Create and revoke API keys under Settings → API keys.',
    palette: { from: [80, 30, 120], to: [200, 150, 240], shape: [30, 220, 200] },
    shape: 'diamond',
    direction: 'diagonal',
  },
  {
    path: '/images/team-roles.jpg',
    kind: 'normal',
    format: 'jpeg',
    width: 640,
    height: 360,
    alt: 'Team settings page listing members with the Owner, Admin and Viewer roles',
    caption: 'Each member has exactly one role per workspace.',
    palette: { from: [0, 110, 120], to: [150, 230, 220], shape: [220, 40, 90] },
    shape: 'circle',
    direction: 'diagonal',
  },
  {
    path: '/images/webhook-flow.webp',
    kind: 'normal',
    format: 'webp',
    width: 900,
    height: 300,
    alt: 'Diagram of a webhook delivery: event, signed POST request, retry with backoff',
    caption: 'How a webhook delivery is signed, sent and retried.',
    palette: { from: [200, 30, 40], to: [250, 210, 60], shape: [20, 20, 60] },
    shape: 'rectangle',
    direction: 'horizontal',
  },
  {
    path: '/images/factory-floor-panorama.png',
    kind: 'oversized',
    format: 'png',
    width: 12_000,
    height: 12_000,
    alt: 'Panorama of the Acme Widgets factory floor',
    caption: 'Our factory floor in Springfield (full-resolution panorama).',
  },
  {
    path: '/images/usage-chart.png',
    kind: 'corrupt',
    format: 'png',
    width: 0,
    height: 0,
    alt: 'Chart of monthly widget syncs per plan',
    caption: 'Monthly widget syncs per plan.',
  },
  {
    path: '/images/setup-diagram.png',
    kind: 'missing',
    format: 'png',
    width: 0,
    height: 0,
    alt: 'Network diagram of an on-premise Acme Widgets gateway setup',
    caption: 'A typical on-premise gateway setup.',
  },
];

export function imageDef(path: string): ImageDef {
  const def = IMAGE_DEFS.find((d) => d.path === path);
  if (!def) throw new Error(`unknown fixture image ${path}`);
  return def;
}

const lerp = (a: number, b: number, t: number): number => Math.round(a + (b - a) * t);

function pixels(def: ImageDef): Buffer {
  const { width: w, height: h } = def;
  const pal = def.palette!;
  const buf = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = def.direction === 'horizontal' ? x / (w - 1) : def.direction === 'vertical' ? y / (h - 1) : (x + y) / (w + h - 2);
      let inShape = false;
      const cx = x - w / 2;
      const cy = y - h / 2;
      const r = Math.min(w, h) / 4;
      switch (def.shape) {
        case 'circle':
          inShape = cx * cx + cy * cy <= r * r;
          break;
        case 'rectangle':
          inShape = Math.abs(cx) <= w / 4 && Math.abs(cy) <= h / 5;
          break;
        case 'stripes':
          inShape = Math.floor(y / 40) % 3 === 0 && x > w / 10 && x < (w * 9) / 10;
          break;
        case 'diamond':
          inShape = Math.abs(cx) + Math.abs(cy) <= r;
          break;
      }
      const o = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) buf[o + c] = inShape ? pal.shape[c]! : lerp(pal.from[c]!, pal.to[c]!, t);
    }
  }
  return buf;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/**
 * A decompression-bomb style PNG: 1-bit greyscale, wide horizontal bands. The raw scanlines are
 * ~18 MB (never more in memory) and deflate to ~25 KB; decoding it to RGBA would need ~576 MB.
 */
function oversizedPng(def: ImageDef): Buffer {
  const rowBytes = Math.ceil(def.width / 8);
  const raw = Buffer.alloc((rowBytes + 1) * def.height);
  for (let y = 0; y < def.height; y++) {
    if (Math.floor(y / 1000) % 2 === 1) raw.fill(0xff, y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(def.width, 0);
  ihdr.writeUInt32BE(def.height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Starts like a PNG (so content sniffing says PNG), then is not one. */
function corruptPng(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('This is not image data: the upload of usage-chart.png was cut off by a proxy.\n'.repeat(6), 'latin1'),
  ]);
}

async function render(def: ImageDef): Promise<Buffer> {
  if (def.kind === 'oversized') return oversizedPng(def);
  if (def.kind === 'corrupt') return corruptPng();
  const img = sharp(pixels(def), { raw: { width: def.width, height: def.height, channels: 3 } });
  if (def.format === 'png') return img.png({ compressionLevel: 9 }).toBuffer();
  if (def.format === 'jpeg') return img.jpeg({ quality: 82 }).toBuffer();
  return img.webp({ quality: 80 }).toBuffer();
}

let cache: Promise<Map<string, Buffer>> | undefined;

/** The bytes of every servable image (not the missing one), generated once per process. */
export function generateImages(): Promise<Map<string, Buffer>> {
  cache ??= (async () => {
    const entries = await Promise.all(IMAGE_DEFS.filter((d) => d.kind !== 'missing').map(async (d) => [d.path, await render(d)] as const));
    return new Map(entries);
  })();
  return cache;
}
