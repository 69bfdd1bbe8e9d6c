/**
 * The browser side of a chapter's later artboards (src/lib/later-artboards.ts): a figure wide enough to show an
 * artboard wider than the phone's gets them from the file the page names, in place of its `<template data-later>`.
 * The runtime (runtime.ts) fills a figure before it wakes it, again when the window widens (a phone turned on its
 * side), and every figure just before printing (from the file, if a wide screen has loaded it).
 */
import { ARTBOARD_OPEN, LATER, sel } from '../../lib/chart-protocol';
import { readLaterAddress } from '../../lib/later-artboards';
import { ARTBOARDS } from './artboards';

/** The narrowest figure that shows an artboard wider than the phone's (body.css). */
const WIDE = ARTBOARDS[1]!.from;
/**
 * The narrowest screen that loads the file before any chart asks: a figure is the screen less the page's margins
 * (about 2.5rem each side at most), so a screen this wide has figures of WIDE or more, and the widest phones (about
 * 430 px) stay below it and never load the file.
 */
const WIDE_SCREEN = WIDE + 80;

/** Each page's file as it loads, and its list once it has (null when it could not be had). */
const files = new Map<string, { done: Promise<void>; list?: unknown }>();

const markers = (root: ParentNode) => [...root.querySelectorAll<HTMLTemplateElement>(`template${sel(LATER)}`)];

const address = (marker: Element) => readLaterAddress(marker.getAttribute(LATER) ?? '');

/** Loads a page's later artboards once; a failed load leaves the phone artboard in place (it fits every width). */
function load(file: string): Promise<void> {
  let entry = files.get(file);
  if (!entry) {
    const fresh: { done: Promise<void>; list?: unknown } = { done: Promise.resolve() };
    fresh.done = fetch(file)
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null)
      .then((list: unknown) => void (fresh.list = list));
    files.set(file, (entry = fresh));
  }
  return entry.done;
}

/** Puts in the later artboards of a figure whose file has loaded; whether any went in. */
function fillLoaded(figure: ParentNode): boolean {
  let filled = false;
  for (const marker of markers(figure)) {
    const { file, index } = address(marker);
    const list = files.get(file)?.list;
    const html = Array.isArray(list) ? list[index] : undefined;
    if (typeof html !== 'string') continue;
    const boards = document.createElement('template');
    boards.innerHTML = html;
    // The phone artboard stood for every width; now it is shown only in its own band.
    for (const open of marker.parentElement?.querySelectorAll(`:scope > ${sel(ARTBOARD_OPEN)}`) ?? []) open.removeAttribute(ARTBOARD_OPEN);
    marker.replaceWith(boards.content);
    filled = true;
  }
  return filled;
}

/** Whether a figure leaves artboards for later and is wide enough to show one. */
const wantsLater = (figure: Element): boolean => {
  const marker = markers(figure)[0];
  return !!marker?.parentElement && marker.parentElement.getBoundingClientRect().width >= WIDE;
};

/** Loads and puts in a figure's later artboards if it is wide enough to show one; whether any went in. */
export async function fillWide(figure: Element): Promise<boolean> {
  if (!wantsLater(figure)) return false;
  await Promise.all(markers(figure).map((m) => load(address(m).file)));
  return fillLoaded(figure);
}

/** Awake figures still showing the phone artboard, and how each brings new artboards to the chart's state. */
const narrow = new Map<Element, () => void>();

/**
 * Follows an awake figure that still has artboards to come: it gets them when the window grows wide enough, and
 * before printing; `redraw` then brings them to the chart's state.
 */
export function fillLater(figure: Element, redraw: () => void): void {
  if (markers(figure).length > 0) narrow.set(figure, redraw);
}

function filled(figure: Element, ok: boolean): void {
  const redraw = ok ? narrow.get(figure) : undefined;
  if (!redraw) return;
  narrow.delete(figure);
  redraw();
}

/**
 * Once per page with later artboards: a screen wider than a phone's starts loading them at once (soon needed, and
 * printing needs them at hand); a window that widens fills its awake figures; printing fills every figure it can.
 */
export function watchLaterArtboards(): void {
  const first = document.querySelector(`template${sel(LATER)}`);
  if (!first) return;
  if (matchMedia(`(min-width: ${WIDE_SCREEN}px)`).matches) void load(address(first).file);
  addEventListener('resize', () => {
    for (const figure of narrow.keys()) void fillWide(figure).then((ok) => filled(figure, ok));
  }, { passive: true });
  addEventListener('beforeprint', () => {
    for (const figure of narrow.keys()) filled(figure, fillLoaded(figure));
    // Figures that never woke still hold the state they were built in: their artboards go in as they are.
    fillLoaded(document);
  });
}
