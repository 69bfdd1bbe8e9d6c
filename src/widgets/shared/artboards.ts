/**
 * The widths a static chart is drawn at (ai2html's artboards). Each is shown over a band of widths of its figure and
 * scaled to fit, so text stays within about a third of its drawn size; the bands are container queries in
 * body.css, which this list must match (tests/unit/static-charts.test.ts checks it).
 */
import { ARTBOARD, ARTBOARD_OPEN } from '../../lib/chart-protocol';
import { RATIO_SLOT } from '../../lib/later-artboards';
export interface Artboard {
  /** Drawn width in pixels; also the artboard's name in `data-artboard`. */
  width: number;
  /** The figure's narrowest width that shows this artboard (the next one's `from` ends its band). */
  from: number;
}

export const ARTBOARDS: readonly Artboard[] = [
  { width: 320, from: 0 },
  { width: 440, from: 400 },
  { width: 640, from: 560 },
  { width: 900, from: 840 },
];

/** The widest a chapter's charts can be, in CSS px at the default 16 px font: a chapter page gives Artboards these. */
export interface FigureWidths {
  /** A chart in the text column: the column, `--measure` (34rem; tests/unit/static-charts.test.ts keeps them equal). */
  inline: number;
  /**
   * A scroll sequence's graphic (Scrolly.astro): beside the steps, 3/5 of the 72rem story (about 670 px); above
   * them, the screen's width up to 52rem (832 px), less the page's margins.
   */
  story: number;
}
export const CHAPTER_FIGURES: FigureWidths = { inline: 544, story: 832 };

/**
 * The artboards a figure at most `widest` px wide can show: a chapter's inline chart never needs the 640 or 900 px
 * drawings (half its markup), its scroll sequences' graphics never the 900 px one. The last one drawn is shown at
 * every width above its own band (`data-artboard-open`), so a reader whose larger default font widens the column
 * still sees the chart, scaled up.
 */
export const artboardsUpTo = (widest = Infinity): readonly Artboard[] => ARTBOARDS.filter((a) => a.from < widest);

/** The artboard a printed page shows (an A4 or Letter column, about 640 CSS px): the one a handout draws. */
export const PRINT_ARTBOARD = 640;

/**
 * A story view's phone artboard (the one shown from width 0) is drawn at 288 px rather than 320: the figure a scroll
 * sequence gets on a 320 px screen, less the page's margins. On a phone its text then renders at its drawn size or
 * larger (up to about 1.4× on the widest phones), never scaled down below it as a 320 px drawing would be, and the
 * story layouts pack it to the height a 320 × 568 screen leaves the graphic (STORY_PHONE_HEIGHT).
 */
export const STORY_PHONE_WIDTH = 288;

/**
 * The drawing's height a 320 × 568 screen leaves a sequence's graphic (Scrolly.astro: 60svh less the site header,
 * a margin and the title's line). A story drawing no taller than this renders at its drawn size there; a taller one
 * scales down, so the phone story layouts stay within it or within about a tenth more, their text at 12 px or more
 * (tests/unit/widgets/labels-fit.test.ts; tests/browser/scrolly-fit.spec.ts measures the text as rendered).
 */
export const STORY_PHONE_HEIGHT = 230;

/** The width an artboard is drawn at: its own, or in a story view the phone's for the narrowest. */
export const drawnWidth = (a: Artboard, story: boolean): number => (story && a.from === 0 ? STORY_PHONE_WIDTH : a.width);

/** One artboard as a page writes it: the width it is drawn at, and the attributes of its `.w-artboard` block. */
export interface Board {
  width: number;
  attrs: Record<string, string | number>;
}

/** The artboards a chart writes into the page now, and those it leaves for later (a `<template data-later>`). */
export interface BoardPlan {
  now: Board[];
  later: Board[];
}

/**
 * Which artboards a drawing writes, for a figure at most `widest` px wide (undefined: any width). `story`: a story
 * view, whose phone artboard is narrower (drawnWidth). `print`: a chart that is never woken (the printed handout),
 * drawn only at the artboard a printed page's column shows, at every width. A page that says how wide its figures can
 * grow (a chapter) writes only the phone artboard now, shown at every width until the wider ones come
 * (src/lib/later-artboards.ts); the widest drawn stands for every width above its band.
 */
export function boardPlan({ widest, story = false, print = false }: { widest?: number; story?: boolean; print?: boolean }): BoardPlan {
  if (print) return { now: [{ width: PRINT_ARTBOARD, attrs: { [ARTBOARD]: PRINT_ARTBOARD, class: 'w-artboard w-artboard-only' } }], later: [] };
  const shown = artboardsUpTo(widest);
  const defer = widest !== undefined && shown.length > 1;
  const boards = shown.map((a, i) => ({
    width: drawnWidth(a, story),
    attrs: {
      [ARTBOARD]: a.width,
      class: 'w-artboard',
      ...(((i === shown.length - 1 && shown.length < ARTBOARDS.length) || (defer && i === 0)) && { [ARTBOARD_OPEN]: '' }),
      ...(defer && i === 0 && { [RATIO_SLOT]: '' }),
    },
  }));
  return defer ? { now: boards.slice(0, 1), later: boards.slice(1) } : { now: boards, later: [] };
}
