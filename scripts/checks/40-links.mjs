// Zero broken internal links or fragment anchors across the built site (RESET_OUT_DIR).
//
// A static crawler over every built .html file (whatever the build contains): it reads every URL in
// a/area/link[href], script/img/source/iframe/embed/track/audio/video[src], srcset, use/image[href], object[data],
// form[action], astro-island component/renderer URLs and og:/twitter: image and URL meta, resolves each against the
// page's URL, keeps those inside the site (root-relative, relative, or absolute on the site's own origin), and checks:
//   - the target exists in the build: `/x/` → x/index.html (trailingSlash: 'always'; `/x` without the slash is
//     reported, it 404s), `/x.css` → the file;
//   - a #fragment names an element with that id (or an <a name>) in the target page (`#`, `#top` and text
//     fragments excepted);
//   - every url() in the stylesheets the pages link exists.
// External http(s) links are not fetched. Prints every broken link with the page and line it is on; exit 1 if any.
import { readFileSync } from 'node:fs';
import { cssUrls, fileFor, listPages, outDir, ownOrigins, resolveRef } from '../quality/dist.mjs';
import { scanHtml, srcsetUrls } from '../quality/html.mjs';

const dir = outDir();
const origins = ownOrigins(dir);
const pages = listPages(dir);

const scans = new Map();
function scanOf(file) {
  let s = scans.get(file);
  if (!s) {
    s = scanHtml(readFileSync(file, 'utf8'));
    scans.set(file, s);
  }
  return s;
}

/** [{ attr, url }] of every URL-valued attribute on a tag that points somewhere a browser would go or load. */
function refsOf(tag) {
  const { name, attrs } = tag;
  const out = [];
  const add = (attr) => {
    const v = attrs[attr];
    if (v !== undefined && v.trim() !== '') out.push({ attr, url: v });
  };
  switch (name) {
    case 'a':
    case 'area':
    case 'link':
      add('href');
      if (attrs.imagesrcset) for (const url of srcsetUrls(attrs.imagesrcset)) out.push({ attr: 'imagesrcset', url });
      break;
    case 'script':
    case 'iframe':
    case 'frame':
    case 'embed':
    case 'track':
    case 'audio':
      add('src');
      break;
    case 'img':
    case 'source':
      add('src');
      if (attrs.srcset) for (const url of srcsetUrls(attrs.srcset)) out.push({ attr: 'srcset', url });
      break;
    case 'video':
      add('src');
      add('poster');
      break;
    case 'use':
    case 'image':
      add('href');
      add('xlink:href');
      break;
    case 'object':
      add('data');
      break;
    case 'form':
      add('action');
      break;
    case 'astro-island':
      add('component-url');
      add('renderer-url');
      add('before-hydration-url');
      break;
    case 'meta': {
      const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
      if (['og:image', 'og:url', 'twitter:image', 'og:image:url', 'og:image:secure_url'].includes(key)) add('content');
      break;
    }
    default:
      break;
  }
  return out;
}

const broken = [];
let checked = 0;
const cssFiles = new Map(); // url path → file

for (const page of pages) {
  const scan = scanOf(page.file);
  for (const tag of scan.tags) {
    for (const { attr, url } of refsOf(tag)) {
      const r = resolveRef(url, page.path, origins);
      if (r.kind === 'invalid') {
        broken.push({ page: page.path, line: tag.line, ref: `<${tag.name} ${attr}="${url}">`, reason: 'not a valid URL' });
        continue;
      }
      if (r.kind !== 'internal') continue;
      // An og:image / og:url on another deployment's origin is fine; only this build's paths are checked.
      checked++;
      const ref = `<${tag.name} ${attr}="${url}">`;
      const target = fileFor(r.path, dir);
      if (!target.file) {
        broken.push({ page: page.path, line: tag.line, ref, reason: target.reason });
        continue;
      }
      const rel = (tag.attrs.rel ?? '').toLowerCase();
      if (tag.name === 'link' && rel.split(/\s+/).includes('stylesheet')) cssFiles.set(r.path, target.file);
      if (!r.hash || r.hash === 'top' || r.hash.startsWith(':~:')) continue;
      if (!target.file.endsWith('.html')) continue;
      const ids = scanOf(target.file).ids;
      if (!ids.has(r.hash)) {
        const where = target.file === page.file ? 'this page' : r.path;
        broken.push({ page: page.path, line: tag.line, ref, reason: `no element with id="${r.hash}" in ${where}` });
      }
    }
  }
}

for (const [cssPath, file] of cssFiles) {
  const css = readFileSync(file, 'utf8');
  for (const url of cssUrls(css)) {
    const r = resolveRef(url, cssPath, origins);
    if (r.kind !== 'internal') continue;
    checked++;
    const target = fileFor(r.path, dir);
    if (!target.file) broken.push({ page: cssPath, line: 0, ref: `url(${url})`, reason: target.reason });
  }
}

// One line per distinct broken link on a page (the same link repeated on a page is counted, not repeated).
const grouped = new Map();
for (const b of broken) {
  const key = `${b.page}\u0000${b.ref}\u0000${b.reason}`;
  const g = grouped.get(key);
  if (g) g.times++;
  else grouped.set(key, { ...b, times: 1 });
}
for (const b of grouped.values()) {
  console.log(`BROKEN ${b.page}${b.line ? `:${b.line}` : ''}  ${b.ref}  → ${b.reason}${b.times > 1 ? ` (×${b.times})` : ''}`);
}
const targets = new Set(broken.map((b) => b.ref));
console.log(`${pages.length} page(s), ${checked} internal link(s) and fragment(s) checked, ${broken.length} broken (${grouped.size} distinct on their pages, ${targets.size} distinct targets)`);
if (broken.length) process.exit(1);
