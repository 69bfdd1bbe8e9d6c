// A small, tolerant HTML scanner for the post-build checks (budgets, links): no dependency, fast enough to read the
// whole built site in well under a second. It is not a full HTML5 parser; it reads what Astro writes: tags with
// quoted or bare attributes, comments, and raw-text elements (script, style) whose content it keeps apart.

const NAMED = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
  middot: '\u00b7',
  copy: '\u00a9',
  times: '\u00d7',
  rarr: '\u2192',
  larr: '\u2190',
  thinsp: '\u2009',
  shy: '\u00ad',
};

/** Decodes the character references Astro and MDX emit (named ones above, decimal and hex). */
export function decodeEntities(s) {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      try {
        return String.fromCodePoint(cp);
      } catch {
        return whole;
      }
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const RAW_TEXT = new Set(['script', 'style']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG_NAME = /^<([a-zA-Z][a-zA-Z0-9:-]*)/;

/**
 * Scans an HTML document.
 * @returns {{
 *   tags: { name: string, attrs: Record<string, string>, offset: number, line: number, rendered: boolean,
 *           parent: number }[],
 *   scripts: { attrs: Record<string, string>, content: string }[],
 *   styles: { attrs: Record<string, string>, content: string }[],
 *   text: string,
 *   ids: Set<string>,
 * }}
 * `text` is the decoded character data outside script/style that the browser lays out: text inside a closed
 * <details> (other than its <summary>), a `hidden` element or a <template> is left out (enough to know which
 * characters, and so which font subsets, a page needs). Each tag carries `rendered: false` in those places too,
 * and `parent`, the index of its parent element in `tags` (-1 at the top).
 * `ids` holds every `id` and every `<a name>`.
 */
export function scanHtml(html) {
  const tags = [];
  const scripts = [];
  const styles = [];
  const ids = new Set();
  const textParts = [];
  const n = html.length;
  // Open elements, to know what is not rendered: { name, hidden (this element and its content are not laid out),
  // closedDetails (a <details> without `open`: only its <summary> is laid out) }.
  const stack = [{ name: '#root', hidden: false, closedDetails: false, index: -1 }];
  const top = () => stack[stack.length - 1];
  const pushText = (t) => {
    if (!top().hidden) textParts.push(t);
  };
  let i = 0;
  // Line numbers, computed lazily from offsets.
  let lineAt = 0;
  let lineNo = 1;
  const lineOf = (offset) => {
    for (; lineAt < offset; lineAt++) if (html.charCodeAt(lineAt) === 10) lineNo++;
    return lineNo;
  };

  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      pushText(html.slice(i));
      break;
    }
    if (lt > i) pushText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '/') {
      const end = html.indexOf('>', lt);
      const closing = html.slice(lt + 2, end < 0 ? n : end).trim().toLowerCase();
      const at = stack.map((e) => e.name).lastIndexOf(closing);
      if (at > 0) stack.length = at;
      i = end < 0 ? n : end + 1;
      pushText(' ');
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const m = TAG_NAME.exec(html.slice(lt, lt + 80));
    if (!m) {
      pushText('<');
      i = lt + 1;
      continue;
    }
    const name = m[1].toLowerCase();
    const attrs = {};
    let j = lt + m[0].length;
    for (;;) {
      while (j < n && /\s/.test(html[j])) j++;
      if (j >= n) break;
      if (html[j] === '>') {
        j++;
        break;
      }
      if (html[j] === '/' && html[j + 1] === '>') {
        j += 2;
        break;
      }
      if (html[j] === '/') {
        j++;
        continue;
      }
      let k = j;
      while (k < n && !/[\s=>]/.test(html[k]) && !(html[k] === '/' && html[k + 1] === '>')) k++;
      const attrName = html.slice(j, k).toLowerCase();
      j = k;
      while (j < n && /\s/.test(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && /\s/.test(html[j])) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          let e = j;
          while (e < n && !/[\s>]/.test(html[e])) e++;
          value = html.slice(j, e);
          j = e;
        }
      }
      if (attrName && !(attrName in attrs)) attrs[attrName] = decodeEntities(value);
    }
    const selfClosing = html[j - 2] === '/' && html[j - 1] === '>';
    const parent = top();
    const hidden =
      parent.hidden || (parent.closedDetails && name !== 'summary') || attrs.hidden !== undefined || name === 'template';
    const tag = { name, attrs, offset: lt, line: lineOf(lt), rendered: !hidden, parent: parent.index };
    tags.push(tag);
    if (!VOID.has(name) && !selfClosing && !RAW_TEXT.has(name)) {
      stack.push({ name, hidden, closedDetails: name === 'details' && attrs.open === undefined, index: tags.length - 1 });
    }
    if (attrs.id !== undefined) ids.add(attrs.id);
    if (name === 'a' && attrs.name !== undefined) ids.add(attrs.name);
    i = j;
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, j);
      const end = close < 0 ? n : close;
      (name === 'script' ? scripts : styles).push({ attrs, content: html.slice(j, end) });
      const gt = close < 0 ? n : html.indexOf('>', close);
      i = gt < 0 ? n : gt + 1;
    } else if (['p', 'div', 'li', 'br', 'td', 'th', 'tr', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(name)) {
      pushText(' ');
    }
  }
  return { tags, scripts, styles, text: decodeEntities(textParts.join('')), ids };
}

/** The URLs in a `srcset` attribute. */
export function srcsetUrls(value) {
  return value
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/** Is a <script> element JavaScript the browser runs (not JSON, JSON-LD or a template)? */
export function isExecutableScript(attrs) {
  const type = (attrs.type ?? '').trim().toLowerCase();
  return type === '' || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
}

/**
 * Every URL an element makes the browser LOAD as a subresource (as opposed to a link the reader may follow):
 * scripts, stylesheets, preloads, icons, images, media, frames. Returns [{ attr, url }].
 */
const LOADING_RELS = new Set([
  'stylesheet',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
  'icon',
  'apple-touch-icon',
  'manifest',
  'mask-icon',
]);
export function loadedUrls(tag) {
  const { name, attrs } = tag;
  const out = [];
  const add = (attr) => {
    if (attrs[attr] !== undefined && attrs[attr] !== '') out.push({ attr, url: attrs[attr].trim() });
  };
  switch (name) {
    case 'script':
      add('src');
      break;
    case 'link': {
      const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      if (rels.some((r) => LOADING_RELS.has(r))) add('href');
      if (attrs.imagesrcset) for (const url of srcsetUrls(attrs.imagesrcset)) out.push({ attr: 'imagesrcset', url });
      break;
    }
    case 'img':
    case 'source':
      add('src');
      for (const a of ['srcset', 'data-srcset']) if (attrs[a]) for (const url of srcsetUrls(attrs[a])) out.push({ attr: a, url });
      break;
    case 'iframe':
    case 'frame':
    case 'embed':
    case 'track':
    case 'audio':
      add('src');
      break;
    case 'video':
      add('src');
      add('poster');
      break;
    case 'object':
      add('data');
      break;
    case 'input':
      if ((attrs.type ?? '').toLowerCase() === 'image') add('src');
      break;
    case 'image':
    case 'use':
    case 'feimage':
      add('href');
      add('xlink:href');
      break;
    case 'astro-island':
      add('component-url');
      add('renderer-url');
      add('before-hydration-url');
      break;
    default:
      break;
  }
  if (attrs.style && /url\(/i.test(attrs.style)) for (const url of cssUrls(attrs.style)) out.push({ attr: 'style', url });
  return out;
}

/** url(...) and @import targets in a piece of CSS. */
export function cssUrls(css) {
  const urls = [];
  const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  let m;
  while ((m = re.exec(css))) {
    const url = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
    if (url) urls.push(url);
  }
  return urls;
}
