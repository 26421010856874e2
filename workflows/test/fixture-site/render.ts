// HTML, robots.txt, sitemap and file bodies of the fixture site. Pure functions of (content,
// version, base URL); nothing here touches the network.
import { esc, existsIn, PAGES, slug, type PageDef, type Version } from './content.js';
import { imageDef } from './images.js';

export const SITE_NAME = 'Acme Widgets Help Center';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:0 1rem;line-height:1.5;color:#1d2430}
header.site-header{display:flex;gap:1rem;align-items:center;border-bottom:1px solid #dde;padding:.5rem 0}
header nav a{margin-right:.75rem}.breadcrumbs ol{list-style:none;padding:0;display:flex;gap:.5rem}
table{border-collapse:collapse}td,th{border:1px solid #ccd;padding:.25rem .5rem}pre{background:#f4f5f7;padding:.75rem;overflow:auto}
figure img{max-width:100%;height:auto}.note{border-left:4px solid #4a7;padding-left:.75rem}`;

const MAIN_NAV: [string, string][] = [
  ['/', 'Home'],
  ['/docs/', 'Documentation'],
  ['/billing/', 'Billing'],
  ['/blog/', 'Blog'],
  ['/community/', 'Community'],
  ['/contact', 'Contact'],
];

function breadcrumbs(def: PageDef, v: Version): string {
  if (def.path === '/') return '';
  const parts = def.path.split('/').filter(Boolean);
  const crumbs: [string, string][] = [];
  for (let i = 0; i < parts.length; i++) {
    const ancestor = i === 0 ? '/' : `/${parts.slice(0, i).join('/')}/`;
    const page = PAGES.get(ancestor);
    if (page && existsIn(page, v)) crumbs.push([ancestor, ancestor === '/' ? 'Home' : page.title]);
  }
  const items = crumbs.map(([href, text]) => `<li><a href="${href}">${esc(text)}</a></li>`);
  items.push(`<li aria-current="page">${esc(def.title)}</li>`);
  return `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${items.join('')}</ol></nav>`;
}

/** Image paths in an HTML fragment, in document order. */
export function imagePaths(html: string): string[] {
  return [...html.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
}

function layout(opts: { lang: string; head: string; title: string; body: string; crumbs: string; script?: string }): string {
  return `<!DOCTYPE html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
${opts.head}
<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header"><a class="brand" href="/">${SITE_NAME}</a>
<nav aria-label="Main">${MAIN_NAV.map(([href, text]) => `<a href="${href}">${text}</a>`).join('')}</nav></header>
${opts.crumbs}
<main id="content"><article>
<h1 id="${slug(opts.title)}">${esc(opts.title)}</h1>
${opts.body}
</article></main>
<footer class="site-footer"><p>© 2025 Acme Widgets, Inc. · <a href="/contact">Contact support</a></p></footer>${
    opts.script ? `\n<script>${opts.script}\n</script>` : ''
  }
</body>
</html>
`;
}

export function renderPage(def: PageDef, v: Version, baseUrl: string): string {
  const lang = def.lang ?? 'en';
  const body = def.body(v);
  const url = baseUrl + def.path;
  const ogImage = imagePaths(body)
    .map(imageDef)
    .find((img) => img.kind === 'normal');
  const head = [
    `<meta name="description" content="${esc(def.description)}">`,
    def.canonical === 'none' ? '' : `<link rel="canonical" href="${url}">`,
    ...(def.alternates ?? []).map((alt) => `<link rel="alternate" hreflang="${alt.hreflang}" href="${baseUrl}${alt.path}">`),
    def.prevNext?.prev ? `<link rel="prev" href="${baseUrl}${def.prevNext.prev}">` : '',
    def.prevNext?.next ? `<link rel="next" href="${baseUrl}${def.prevNext.next}">` : '',
    `<meta property="og:site_name" content="${SITE_NAME}">`,
    `<meta property="og:type" content="${def.ogType ?? 'article'}">`,
    `<meta property="og:title" content="${esc(def.title)}">`,
    `<meta property="og:description" content="${esc(def.description)}">`,
    def.canonical === 'none' ? '' : `<meta property="og:url" content="${url}">`,
    `<meta property="og:locale" content="${lang === 'de' ? 'de_DE' : 'en_US'}">`,
    ogImage ? `<meta property="og:image" content="${baseUrl}${ogImage.path}">` : '',
    ogImage ? `<meta property="og:image:alt" content="${esc(ogImage.alt)}">` : '',
    def.published ? `<meta property="article:published_time" content="${def.published}">` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return layout({ lang, head, title: def.title, body, crumbs: breadcrumbs(def, v), script: def.script });
}

export function renderNotFound(): string {
  return layout({
    lang: 'en',
    head: '<meta name="robots" content="noindex">',
    title: 'Page not found',
    body: '<p>Sorry, we could not find that page. Try the <a href="/docs/">documentation</a>.</p>',
    crumbs: '',
  });
}

export const HUGE_PAGE_PATH = '/docs/api/full-reference';
const HUGE_MIN_BYTES = 6_000_000;

let hugeCache: Buffer | undefined;

/** > 6 MB of generated API reference; contains no absolute URL, so its size is port-independent. */
export function hugePage(): Buffer {
  if (hugeCache) return hugeCache;
  const resources = ['widgets', 'dashboards', 'sources', 'webhooks', 'members', 'invoices', 'keys', 'events'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < HUGE_MIN_BYTES; i++) {
    const r = resources[i % resources.length]!;
    const section =
      `<section><h2 id="op-${i}">GET /v2/${r}/{id}/revisions/${i}</h2>` +
      `<p>Returns revision ${i} of a ${r.slice(0, -1)} object. Requires the <code>${r}:read</code> scope. Generated from the OpenAPI document; do not edit.</p>` +
      `<table><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead><tbody>` +
      `<tr><td>id</td><td>string</td><td>Identifier of the ${r.slice(0, -1)}.</td></tr>` +
      `<tr><td>expand</td><td>string[]</td><td>Related objects to include in the response.</td></tr>` +
      `<tr><td>fields</td><td>string[]</td><td>Limit the response to these fields.</td></tr></tbody></table></section>\n`;
    parts.push(section);
    size += Buffer.byteLength(section);
  }
  const html = layout({
    lang: 'en',
    head: '<meta name="description" content="Every endpoint of the Acme Widgets API on one page.">',
    title: 'Complete API reference (generated)',
    body: parts.join(''),
    crumbs: '',
  });
  hugeCache = Buffer.from(html);
  return hugeCache;
}

export const PDF_PATH = '/downloads/acme-widgets-user-guide.pdf';

let pdfCache: Buffer | undefined;

/** A small, valid one-page PDF. */
export function userGuidePdf(): Buffer {
  if (pdfCache) return pdfCache;
  const text = 'BT /F1 24 Tf 72 720 Td (Acme Widgets User Guide) Tj 0 -36 Td /F1 12 Tf (Installation, dashboards and billing.) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  pdfCache = Buffer.from(out, 'latin1');
  return pdfCache;
}

export function robotsTxt(baseUrl: string, crawlDelaySeconds: number): string {
  return `# Acme Widgets Help Center
User-agent: BadBot
Disallow: /

User-agent: *
Crawl-delay: ${crawlDelaySeconds}
Disallow: /private/
Allow: /

Sitemap: ${baseUrl}/sitemap.xml
`;
}

export function sitemapXml(baseUrl: string, entries: { path: string; lastModified: string }[]): string {
  const urls = entries.map((e) => `  <url><loc>${baseUrl}${e.path}</loc><lastmod>${e.lastModified}</lastmod></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
