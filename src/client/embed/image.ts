/**
 * Renders a chart, as it looks right now, to a standalone SVG (and from that a PNG), entirely in the browser: no
 * third party sees the reader or the chart. The image carries the chart's title, its key, the chart's own SVG
 * (with every computed color and font inlined, so it looks the same outside the page), the source line and the
 * site's name and address. The Inter font is embedded so text keeps its metrics in the PNG and in other tools.
 */
import { SITE_NAME } from '../../lib/site';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 24;
const GAP = 14;
/** Properties copied from the page's computed style onto each cloned SVG node. */
const PROPS = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing',
  'text-anchor', 'dominant-baseline', 'alignment-baseline', 'paint-order', 'visibility', 'display', 'stop-color',
  'stop-opacity', 'font-variant-numeric', 'text-decoration', 'marker-start', 'marker-mid', 'marker-end', 'mix-blend-mode',
];

function cleanUrl(v: string): string {
  // Computed url() references can come back absolute; inside the standalone file they must stay local.
  return v.replace(/url\((["']?)[^#)"']*#([^)"']+)\1\)/g, 'url(#$2)');
}

function inlineStyles(source: Element, clone: Element): void {
  const cs = getComputedStyle(source);
  const decl: string[] = [];
  for (const p of PROPS) {
    const v = cs.getPropertyValue(p);
    if (v) decl.push(`${p}:${cleanUrl(v)}`);
  }
  clone.setAttribute('style', decl.join(';'));
  clone.removeAttribute('class');
  const a = source.children;
  const b = clone.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i]!, b[i]!);
}

let measureCtx: CanvasRenderingContext2D | null = null;
/** A text's width in a CSS font, measured with the page's own (loaded) font; the image needs a canvas anyway. */
function textWidth(text: string, font: string): number {
  const ctx = (measureCtx ??= document.createElement('canvas').getContext('2d'));
  if (!ctx) throw new Error('no 2D canvas');
  ctx.font = font;
  return ctx.measureText(text).width;
}

/** Words wrapped to a width. */
function wrap(text: string, font: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, font) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const n = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

async function toBase64(buf: ArrayBuffer): Promise<string> {
  const blob = new Blob([buf]);
  const url = await new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
  return url.slice(url.indexOf(',') + 1);
}

/** The latin subset of the page's Inter, as an embeddable @font-face rule ('' if it cannot be read). */
async function embeddedFont(): Promise<string> {
  try {
    for (const sheet of Array.from(document.styleSheets)) {
      let rules: CSSRuleList;
      try {
        rules = sheet.cssRules;
      } catch {
        continue;
      }
      for (const rule of Array.from(rules)) {
        if (!(rule instanceof CSSFontFaceRule)) continue;
        const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim();
        const range = rule.style.getPropertyValue('unicode-range');
        if (!/^Inter/.test(family) || (range && !/U\+0+-0*FF\b/i.test(range))) continue;
        const m = rule.style.getPropertyValue('src').match(/url\((["']?)([^)"']+\.woff2)\1\)/);
        if (!m) continue;
        const res = await fetch(new URL(m[2]!, sheet.href ?? location.href));
        if (!res.ok) continue;
        const b64 = await toBase64(await res.arrayBuffer());
        const weight = rule.style.getPropertyValue('font-weight') || 'normal';
        return `@font-face{font-family:'${family}';font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${b64}) format('woff2');}`;
      }
    }
  } catch {
    /* fall back to the reader's fonts */
  }
  return '';
}

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

/** Builds the standalone SVG of the chart inside `root` (an embed page's or any page's widget container). */
export async function chartSvg(root: HTMLElement, pageUrl: string): Promise<ChartImage> {
  const figure = root.querySelector<HTMLElement>('figure.widget') ?? root;
  const chart = figure.querySelector<HTMLElement>('.w-chart') ?? figure;
  const cs = getComputedStyle(document.body);
  const ink = getComputedStyle(figure).color;
  const muted = getComputedStyle(figure.querySelector('.w-source') ?? figure).color;
  const rule = getComputedStyle(figure.querySelector('.w-source') ?? figure).borderTopColor;
  const paper = cs.backgroundColor && cs.backgroundColor !== 'rgba(0, 0, 0, 0)' ? cs.backgroundColor : '#ffffff';
  const fontFamily = getComputedStyle(figure).fontFamily;
  const chartBox = chart.getBoundingClientRect();
  const width = Math.max(320, Math.round(chartBox.width)) + PAD * 2;
  const inner = width - PAD * 2;

  const out = el('svg', { xmlns: SVG_NS, width, height: 0, viewBox: `0 0 ${width} 0`, 'font-family': fontFamily });
  const font = await embeddedFont();
  out.append(el('style', {}, `${font}text{font-family:${fontFamily};font-variant-numeric:tabular-nums lining-nums}`));
  const bg = el('rect', { x: 0, y: 0, width, height: 0, fill: paper });
  out.append(bg);
  let y = PAD;

  const addLines = (text: string, size: number, weight: number, color: string, lineHeight: number) => {
    for (const line of wrap(text, `${weight} ${size}px ${fontFamily}`, inner)) {
      y += size;
      out.append(el('text', { x: PAD, y, 'font-size': size, 'font-weight': weight, fill: color }, line));
      y += lineHeight - size;
    }
  };

  const title = figure.querySelector('.w-title')?.textContent?.trim() ?? figure.getAttribute('aria-label') ?? document.title;
  const takeaway = figure.querySelector('.w-takeaway')?.textContent?.trim();
  addLines(title, 19, 750, ink, 25);
  if (takeaway) {
    y += 2;
    addLines(takeaway, 14, 400, muted, 20);
  }
  y += GAP;

  // The key: each item's swatches (SVGs), tags (bordered words like REPORTED) and words, laid out in rows.
  const items = Array.from(figure.querySelectorAll<HTMLElement>('.w-legend li'));
  if (items.length) {
    type Part = { kind: 'svg'; el: SVGSVGElement; w: number; h: number } | { kind: 'tag' | 'text'; text: string; w: number };
    const partsOf = (li: HTMLElement): Part[] => {
      const parts: Part[] = [];
      const walk = (node: Node) => {
        if (node instanceof SVGSVGElement) {
          const r = node.getBoundingClientRect();
          parts.push({ kind: 'svg', el: node, w: r.width, h: r.height });
        } else if (node instanceof HTMLElement && parseFloat(getComputedStyle(node).borderTopWidth) > 0 && node.textContent?.trim()) {
          const text = node.textContent.trim().toUpperCase();
          parts.push({ kind: 'tag', text, w: textWidth(text, `700 10px ${fontFamily}`) + 8 });
        } else if (node.nodeType === Node.TEXT_NODE) {
          const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
          if (text) parts.push({ kind: 'text', text, w: textWidth(text, `400 12px ${fontFamily}`) });
        } else node.childNodes.forEach(walk);
      };
      li.childNodes.forEach(walk);
      return parts;
    };
    let x = PAD;
    const rowH = 18;
    y += 2;
    for (const item of items) {
      const parts = partsOf(item);
      const itemW = parts.reduce((sum, p) => sum + p.w + 6, 0) + 10;
      if (x > PAD && x + itemW > width - PAD) {
        x = PAD;
        y += rowH + 4;
      }
      for (const part of parts) {
        if (part.kind === 'svg') {
          const c = part.el.cloneNode(true) as SVGSVGElement;
          inlineStyles(part.el, c);
          c.setAttribute('x', String(x));
          c.setAttribute('y', String(y + (rowH - part.h) / 2));
          c.setAttribute('width', String(part.w));
          c.setAttribute('height', String(part.h));
          out.append(c);
        } else if (part.kind === 'tag') {
          out.append(el('rect', { x: x + 0.5, y: y + 2.5, width: part.w - 1, height: rowH - 5, rx: 2, fill: 'none', stroke: muted, 'stroke-width': 1 }));
          out.append(el('text', { x: x + 4, y: y + 12.5, 'font-size': 10, 'font-weight': 700, 'letter-spacing': '0.04em', fill: muted }, part.text));
        } else {
          out.append(el('text', { x, y: y + 13, 'font-size': 12, fill: muted }, part.text));
        }
        x += part.w + 6;
      }
      x += 10;
    }
    y += rowH + GAP;
  }

  // The chart: every top-level SVG where it sits in the chart area.
  const svgs = Array.from(chart.querySelectorAll<SVGSVGElement>('svg')).filter((s) => !s.parentElement?.closest('svg'));
  let chartH = 0;
  for (const s of svgs) {
    const r = s.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const c = s.cloneNode(true) as SVGSVGElement;
    inlineStyles(s, c);
    c.setAttribute('x', String(PAD + r.left - chartBox.left));
    c.setAttribute('y', String(y + r.top - chartBox.top));
    c.setAttribute('width', String(r.width));
    c.setAttribute('height', String(r.height));
    c.setAttribute('overflow', 'visible');
    for (const a of ['role', 'tabindex', 'aria-label', 'aria-hidden', 'aria-labelledby', 'aria-describedby']) c.removeAttribute(a);
    out.append(c);
    chartH = Math.max(chartH, r.bottom - chartBox.top);
  }
  y += chartH + GAP + 4;

  out.append(el('line', { x1: PAD, x2: width - PAD, y1: y, y2: y, stroke: rule, 'stroke-width': 1 }));
  y += 6;
  const source = figure.querySelector('.w-source > span')?.textContent?.replace(/\s+/g, ' ').trim();
  if (source) addLines(source, 12, 400, muted, 17);
  y += 4;
  addLines(`${SITE_NAME} · ${pageUrl}`, 12, 700, ink, 17);
  y += PAD - 4;

  const height = Math.ceil(y);
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  bg.setAttribute('height', String(height));
  out.insertBefore(el('title', {}, `${title} — ${SITE_NAME}`), out.firstChild);
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
  return { svg, width, height };
}

export async function chartPng(image: ChartImage, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadChartImage(root: HTMLElement, widget: string, format: 'svg' | 'png'): Promise<void> {
  // Credit the story the chart belongs to (the embed's "explore the story" link), else this page.
  const story = root.querySelector<HTMLAnchorElement>('a.embed-story')?.href ?? location.href;
  const image = await chartSvg(root, story.replace(/^https?:\/\//, ''));
  const asOf = root.querySelector<HTMLElement>('figure.widget')?.dataset.asOf;
  const name = `the-reset-${widget}${asOf ? `-${asOf}` : ''}.${format}`;
  if (format === 'svg') save(new Blob([image.svg], { type: 'image/svg+xml' }), name);
  else save(await chartPng(image), name);
}
