/**
 * A chapter page ships each chart's phone artboard and leaves the wider ones to a file beside the page, which the
 * chart runtime loads only where a figure is wide enough to show one (src/widgets/shared/later-artboards.ts). On a
 * phone the page is then about a third smaller, and the browser parses none of the drawings it would never show.
 *
 * Artboards.astro writes, where it leaves artboards for later, the phone artboard (shown at every width, and marked
 * with RATIO_SLOT) and right after it `<template data-later>` holding the wider ones. This build step, run on the
 * written page, moves each template's content into the page's list of later artboards, leaves an empty
 * `<template data-later="<file>#<n>">` in its place, and gives the phone artboard the shape of each artboard it stands
 * in for (`--later-<width>: <w>/<h>`, read by body.css), so the figure keeps the height the wider drawing will take
 * (no layout shift when it arrives) and, without JavaScript, shows the phone drawing in that shape.
 */
import { ARTBOARD, LATER } from './chart-protocol';

/** Put by Artboards.astro on the phone artboard before a `<template data-later>`; replaced here by its shapes. */
export const RATIO_SLOT = 'data-later-ratios';

/** The file beside a page that holds its later artboards (a JSON list of HTML strings). */
export const LATER_FILE = 'artboards.json';

// As Astro (`data-later`) and Svelte (`data-later=""`, a scoping class) write it. The patterns are marked pure so the
// browser's bundle, which reads only the address (readLaterAddress), leaves them out.
const TEMPLATE_RE = /* @__PURE__ */ new RegExp(`<template\\b[^>]*\\s${LATER}(?:="")?(?=[\\s>])[^>]*>([\\s\\S]*?)</template>`, 'g');
// Attributes in any order: Astro and Svelte write them differently.
const BOARD_RE = /* @__PURE__ */ new RegExp(`<div\\b[^>]*\\s${ARTBOARD}="(\\d+)"[^>]*>\\s*<svg\\b[^>]*\\sviewBox="0 0 ([\\d.]+) ([\\d.]+)"`, 'g');

const SLOT_RE = /* @__PURE__ */ new RegExp(`\\s${RATIO_SLOT}(?:="")?(?=[\\s>])`, 'g');

/** The address a page's n-th template gives its later artboards: the list's URL and the index in it. */
export const laterAddress = (file: string, index: number): string => `${file}#${index}`;

/** The list's URL and the index a template's address names (laterAddress read back). */
export function readLaterAddress(value: string): { file: string; index: number } {
  const hash = value.lastIndexOf('#');
  return hash < 0 ? { file: value, index: NaN } : { file: value.slice(0, hash), index: Number(value.slice(hash + 1)) };
}

export interface LaterArtboards {
  html: string;
  /** The content of each template, in page order: the n-th is what `#<n>` names. */
  boards: string[];
}

/**
 * Moves the later artboards out of a built page. `file` is the address the page's templates name (the list's URL);
 * `page` names the page in errors.
 */
export function moveLaterArtboards(html: string, file: string, page: string): LaterArtboards {
  const boards: string[] = [];
  let out = '';
  let from = 0;
  for (const m of html.matchAll(TEMPLATE_RE)) {
    const content = m[1]!;
    const where = `${page}: later artboards #${boards.length}`;
    if (content.includes('<template')) throw new Error(`${where}: a template inside another`);
    const shapes = [...content.matchAll(BOARD_RE)].map(([, width, w, h]) => `--later-${width}:${w}/${h}`);
    if (shapes.length === 0) throw new Error(`${where}: no artboard (<div ${ARTBOARD}><svg viewBox>) inside`);
    const before = html.slice(from, m.index);
    const slots = [...before.matchAll(SLOT_RE)];
    if (slots.length !== 1) throw new Error(`${where}: expected one phone artboard marked ${RATIO_SLOT} before it, found ${slots.length || 'none'}`);
    const slot = slots[0]!;
    out += `${before.slice(0, slot.index)} style="${shapes.join(';')}"${before.slice(slot.index + slot[0].length)}<template ${LATER}="${laterAddress(file, boards.length)}"></template>`;
    boards.push(content);
    from = m.index + m[0].length;
  }
  const rest = html.slice(from);
  if (rest.search(SLOT_RE) >= 0) throw new Error(`${page}: a phone artboard marked ${RATIO_SLOT} with no <template ${LATER}> after it`);
  return { html: out + rest, boards };
}
